package detect

// The PHP detector: composer.json and composer.lock; Laravel, Symfony and
// plain PHP apps; Horizon, Laravel queue and Symfony Messenger workers.
//
// PHP apps are served by php-fpm behind a web server in the same image. The
// StartCommand is therefore "php-fpm" and Build.Entrypoint the front
// controller (public/index.php); the Dockerfile generator adds the web
// server that listens on Port (8080) and passes requests to php-fpm.
// "php artisan serve" and "php -S" are development servers and never used.

import (
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
)

type phpDetector struct{}

func (phpDetector) Name() string { return "php" }

// phpSupportedMinors are the PHP minors a constraint may resolve to, oldest
// first (8.1 reached end of life in 2025-12).
var phpSupportedMinors = []string{"8.2", "8.3", "8.4", "8.5"}

// phpDefaultVersion is used when nothing pins a version.
const phpDefaultVersion = "8.4"

// phpPort is where the image's web server listens in front of php-fpm.
const phpPort = 8080

var phpDependencyRules = []DependencyRule{
	{Dependency: "ext-pgsql", Kind: "postgres"},
	{Dependency: "ext-pdo_pgsql", Kind: "postgres"},
	{Dependency: "ext-pdo_mysql", Kind: "mysql"},
	{Dependency: "ext-mysqli", Kind: "mysql"},
	{Dependency: "predis/predis", Kind: "redis"},
	{Dependency: "ext-redis", Kind: "redis"},
	{Dependency: "laravel/horizon", Kind: "redis"},
	{Dependency: "mongodb/mongodb", Kind: "mongodb"},
	{Dependency: "ext-mongodb", Kind: "mongodb"},
	{Dependency: "league/flysystem-aws-s3-v3", Kind: "s3"},
}

// composerManifest is what Hoist reads from composer.json.
type composerManifest struct {
	Name        string
	Type        string
	Require     []string // package names, sorted
	RequirePHP  string
	PlatformPHP string
}

// parseComposerJSON reads composer.json. A syntax error is a *syntaxError
// with the line and column of the offending byte.
func parseComposerJSON(data []byte) (composerManifest, error) {
	var c composerManifest
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offset counts the bytes read, the offending one included.
			line, col := offsetPosition(data, int(se.Offset)-1)
			return c, &syntaxError{Line: line, Column: col, Msg: se.Error()}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			line, col := offsetPosition(data, int(te.Offset)-1)
			return c, &syntaxError{Line: line, Column: col, Msg: "the top level is not an object"}
		}
		return c, &syntaxError{Msg: err.Error()}
	}
	c.Name, _ = raw["name"].(string)
	c.Type, _ = raw["type"].(string)
	if req, ok := raw["require"].(map[string]any); ok {
		for k, v := range req {
			if strings.EqualFold(k, "php") {
				c.RequirePHP, _ = v.(string)
				continue
			}
			c.Require = append(c.Require, strings.ToLower(k))
		}
	}
	sort.Strings(c.Require)
	if cfg, ok := raw["config"].(map[string]any); ok {
		if pl, ok := cfg["platform"].(map[string]any); ok {
			c.PlatformPHP, _ = pl["php"].(string)
		}
	}
	return c, nil
}

type phpApp struct {
	d    *Dir
	c    composerManifest
	data []byte
	deps depGroups
}

func (a *phpApp) has(pkg string) bool { _, ok := a.deps.has[pkg]; return ok }

func (a *phpApp) depEvidence(field, pkg, reason string) Evidence {
	f, line, _ := a.deps.find(pkg)
	return a.d.Evidence(field, f, line, reason)
}

func (phpDetector) Detect(d *Dir) *Claim {
	hasComposer := d.Has("composer.json")
	index := firstOf(d, "public/index.php", "index.php", "web/index.php", "public_html/index.php")
	if !hasComposer && (index == "" || ancestorHasAny(d, "composer.json")) {
		// No manifest here, and a folder below a Composer project belongs to it.
		return nil
	}
	a := &phpApp{d: d}
	s := Service{Language: "php"}
	if hasComposer {
		s.Evidence = append(s.Evidence, d.Evidence("language", "composer.json", 0, "composer.json is a PHP manifest"))
	} else {
		s.Evidence = append(s.Evidence, d.Evidence("language", index, 0, index+" is a PHP front controller"))
	}
	if hasComposer {
		s.PackageManager = "composer"
		s.Build.Manifests = []string{"composer.json"}
		s.Evidence = append(s.Evidence, d.Evidence("package_manager", "composer.json", 0, "composer.json is Composer's manifest"))
		if d.Has("composer.lock") {
			s.Build.Manifests = append(s.Build.Manifests, "composer.lock")
		}
		a.data = mustRead(d, "composer.json")
		c, err := parseComposerJSON(a.data)
		if err != nil {
			noteSyntax(d, "composer.json", err)
		}
		a.c = c
		for _, r := range c.Require {
			a.deps.add("composer.json", r, lineContaining(a.data, `"`+r+`"`))
		}
		if c.Name != "" {
			s.Name = c.Name
			s.Evidence = append(s.Evidence, d.Evidence("name", "composer.json", lineContaining(a.data, `"name"`), "package name "+c.Name))
		}
	}

	pin := a.phpVersion()
	s.LanguageVersion = pin.Version
	s.Evidence = append(s.Evidence, pin.evidence())

	strength := Strong
	switch {
	case a.has("laravel/framework") || d.Has("artisan"):
		s.Framework = "laravel"
		if a.has("laravel/framework") {
			s.Evidence = append(s.Evidence, a.depEvidence("framework", "laravel/framework", "dependency laravel/framework"))
		} else {
			s.Evidence = append(s.Evidence, d.Evidence("framework", "artisan", 0, "artisan is Laravel's command-line entry point"))
		}
		index = "public/index.php"
	case a.has("symfony/framework-bundle"):
		s.Framework = "symfony"
		s.Evidence = append(s.Evidence, a.depEvidence("framework", "symfony/framework-bundle", "dependency symfony/framework-bundle"))
		index = "public/index.php"
	case index != "":
		strength = Medium
		s.Evidence = append(s.Evidence, d.Evidence("framework", index, 0, "plain PHP app: front controller "+index+", no framework"))
	default:
		if ancestorHasAny(d, "composer.json") {
			return nil
		}
		s.Evidence = append(s.Evidence, d.Evidence("kind", "composer.json", 0, "a composer.json and nothing runnable: no framework or index.php found"))
		s.BackingServices = append(s.BackingServices, a.backings()...)
		return &Claim{Strength: Weak, Services: []Service{s}}
	}
	s.Kind = KindWeb
	s.Port = phpPort
	s.StartCommand = "php-fpm"
	s.Build.Entrypoint = index
	s.Evidence = append(s.Evidence,
		d.Evidence("start_command", index, 0, "php-fpm runs "+index+" behind a web server in the image; artisan serve and php -S are development servers"),
		d.Evidence("port", index, 0, "the image's web server listens on 8080 and passes requests to php-fpm"))
	s.BackingServices = append(s.BackingServices, a.workers()...)
	s.BackingServices = append(s.BackingServices, a.backings()...)
	var covers []string
	if dir, _, ok := strings.Cut(index, "/"); ok && d.Sub(dir) != nil {
		// The document root is part of this app, not an app of its own.
		covers = append(covers, d.Sub(dir).Path)
	}
	return &Claim{Strength: strength, Services: []Service{s}, Covers: covers}
}

// phpVersion: .php-version, .tool-versions, config.platform.php,
// require.php, then the default.
func (a *phpApp) phpVersion() verPin {
	d := a.d
	if p, ok := readPinFile(d, ".php-version", "php-"); ok {
		return p
	}
	if p, ok := toolVersionsPin(d, "php"); ok {
		return p
	}
	if v := a.c.PlatformPHP; v != "" && looksLikeVersion(v) {
		return verPin{Version: majorMinor(v), File: d.Rel("composer.json"), Line: lineContaining(a.data, `"platform"`),
			Reason: "config.platform.php " + v}
	}
	if c := a.c.RequirePHP; c != "" {
		if v, ok := lowestAllowedMinor(c, phpSupportedMinors, dialectComposer); ok {
			return verPin{Version: v, File: d.Rel("composer.json"), Line: lineContaining(a.data, `"php"`),
				Reason: `require.php "` + c + `": lowest supported minor it allows is ` + v}
		}
	}
	return verPin{Version: phpDefaultVersion, File: d.Path, Reason: "no PHP version pinned; using the default " + phpDefaultVersion}
}

// workers: Horizon, a Laravel app with jobs, Symfony Messenger.
func (a *phpApp) workers() []Backing {
	d := a.d
	var out []Backing
	switch {
	case a.has("laravel/horizon"):
		out = append(out, Backing{Kind: KindWorker, Evidence: d.Rel("composer.json") + ": dependency laravel/horizon", Command: "php artisan horizon"})
	case a.has("laravel/framework") && hasPHPFiles(d.Sub("app/Jobs")):
		out = append(out, Backing{Kind: KindWorker, Evidence: d.Rel("app/Jobs") + ": queued jobs", Command: "php artisan queue:work"})
	}
	if a.has("symfony/messenger") {
		out = append(out, Backing{Kind: KindWorker, Evidence: d.Rel("composer.json") + ": dependency symfony/messenger", Command: "php bin/console messenger:consume async"})
	}
	return out
}

func hasPHPFiles(d *Dir) bool {
	if d == nil {
		return false
	}
	for _, f := range d.Files {
		if strings.HasSuffix(f, ".php") {
			return true
		}
	}
	return false
}

var dbConnectionRE = newPattern(`(?m)^\s*DB_CONNECTION\s*=\s*["']?([A-Za-z0-9_]+)`)

// backings: Composer packages and extensions, and DB_CONNECTION in
// .env.example. Only that one key's value is read: it names a driver
// (pgsql, mysql), not a secret.
func (a *phpApp) backings() []Backing {
	d := a.d
	out := a.deps.match(d, phpDependencyRules)
	data := readPath(d, ".env.example")
	if m := dbConnectionRE.FindSubmatchIndex(data); m != nil {
		driver := string(data[m[2]:m[3]])
		kind := map[string]string{"pgsql": "postgres", "postgres": "postgres", "mysql": "mysql", "mariadb": "mysql"}[driver]
		if kind != "" {
			out = append(out, Backing{Kind: kind, Evidence: d.Rel(".env.example") + ":" + strconv.Itoa(LineOf(data, m[0])) + ": DB_CONNECTION=" + driver})
		}
	}
	return out
}

var (
	phpEnvPatterns = []*pattern{
		newPattern(`\benv\(\s*["']([A-Z][A-Z0-9_]*)["']`),
		newPattern(`\bgetenv\(\s*["']([A-Z][A-Z0-9_]*)["']`),
		newPattern(`\$_ENV\[\s*["']([A-Z][A-Z0-9_]*)["']`),
	}
	phpServerVarRE = newPattern(`\$_SERVER\[\s*["']([A-Z][A-Z0-9_]*)["']`)
	phpAWSClientRE = newPattern(`\b(S3Client|SqsClient)\b`)
)

// phpServerVars are request and server variables of $_SERVER, not
// environment variables.
var phpServerVars = []string{"HTTP_", "REQUEST_", "SERVER_", "SCRIPT_", "REMOTE_", "PHP_", "REDIRECT_",
	"DOCUMENT_ROOT", "QUERY_STRING", "PATH_INFO", "PATH_TRANSLATED", "ORIG_PATH_INFO", "CONTENT_TYPE",
	"CONTENT_LENGTH", "HTTPS", "GATEWAY_INTERFACE", "AUTH_TYPE", "ARGV", "ARGC"}

// Enrich collects environment variable names and, with the AWS SDK, whether
// the code uses S3 or SQS clients.
func (phpDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	CollectEnv(d, s, []string{".php"}, owned, phpEnvPatterns...)
	aws := false
	if data := readPath(d, "composer.json"); data != nil && strings.Contains(string(data), `"aws/aws-sdk-php"`) {
		aws = true
	}
	seenEnv := map[string]bool{}
	for _, e := range s.Env {
		seenEnv[e] = true
	}
	seenAWS := map[string]bool{}
	ScanSources(d, []string{".php"}, owned, func(rel string, data []byte) {
		for _, m := range FindAll(data, phpServerVarRE) {
			if seenEnv[m.Value] || isPHPServerVar(m.Value) || !plausibleEnvName(m.Value) {
				continue
			}
			seenEnv[m.Value] = true
			s.Env = append(s.Env, m.Value)
		}
		if !aws {
			return
		}
		for _, m := range FindAll(data, phpAWSClientRE) {
			kind := map[string]string{"S3Client": "s3", "SqsClient": "sqs"}[m.Value]
			if !seenAWS[kind] {
				seenAWS[kind] = true
				s.BackingServices = append(s.BackingServices, Backing{Kind: kind, Evidence: rel + ":" + strconv.Itoa(m.Line) + ": aws-sdk-php " + m.Value})
			}
		}
	})
}

func isPHPServerVar(name string) bool {
	for _, p := range phpServerVars {
		if name == p || strings.HasSuffix(p, "_") && strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
