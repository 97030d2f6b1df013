package detect

// The Ruby detector: Gemfile and Gemfile.lock (Bundler); Rails, Sinatra and
// plain Rack apps; Sidekiq, GoodJob, Solid Queue and Delayed Job workers.

import (
	"strconv"
	"strings"
	"unicode"
)

type rubyDetector struct{}

func (rubyDetector) Name() string { return "ruby" }

// rubySupportedMinors are the Ruby minors a constraint may resolve to,
// oldest first (3.2 reached end of life in 2026-03).
var rubySupportedMinors = []string{"3.3", "3.4", "4.0"}

// rubyDefaultVersion is used when nothing pins a version.
const rubyDefaultVersion = "3.4"

var rubyDependencyRules = []DependencyRule{
	{Dependency: "pg", Kind: "postgres"},
	{Dependency: "mysql2", Kind: "mysql"},
	{Dependency: "trilogy", Kind: "mysql"},
	{Dependency: "activerecord-trilogy-adapter", Kind: "mysql"},
	{Dependency: "redis", Kind: "redis"},
	{Dependency: "redis-client", Kind: "redis"},
	{Dependency: "sidekiq", Kind: "redis"},
	{Dependency: "resque", Kind: "redis"},
	{Dependency: "mongoid", Kind: "mongodb"},
	{Dependency: "mongo", Kind: "mongodb"},
	{Dependency: "aws-sdk-s3", Kind: "s3"},
	{Dependency: "aws-sdk-sqs", Kind: "sqs"},
}

// rubyWorkers are job runners that need their own process.
var rubyWorkers = []struct{ gem, command string }{
	{"sidekiq", "bundle exec sidekiq"},
	{"good_job", "bundle exec good_job start"},
	{"solid_queue", "bundle exec rake solid_queue:start"},
	{"delayed_job_active_record", "bundle exec rake jobs:work"},
	{"delayed_job", "bundle exec rake jobs:work"},
}

// gemDep is one gem line of a Gemfile.
type gemDep struct {
	Name string
	Line int
	Dev  bool // only in the development or test group
}

// gemfile is what Hoist reads from a Gemfile.
type gemfile struct {
	Gems     []gemDep
	Ruby     string // version or constraint(s), comma-joined
	RubyFile string // ruby file: ".ruby-version"
	RubyLine int
}

var (
	gemLineRE   = newPattern(`^gem\s*\(?\s*["']([A-Za-z0-9_.-]+)["'](.*)$`)
	groupLineRE = newPattern(`^group\b(.*?)\bdo\b`)
	inlineDevRE = newPattern(`\bgroups?:\s*(\[[^\]]*\]|:\w+|["'][\w]+["'])`)
	rubyLineRE  = newPattern(`^ruby\b\s*\(?(.*)$`)
	rbStringRE  = newPattern(`["']([^"']*)["']`)
	rbSymbolRE  = newPattern(`:(\w+)|["'](\w+)["']`)
	blockOpenRE = newPattern(`(\bdo\s*(\|[^|]*\|)?\s*$)|^(if|unless|case|begin|while|until)\b`)
)

// parseGemfile reads gem names (and whether they are development/test only)
// and the ruby directive from a Gemfile. The Gemfile is Ruby code and is
// never run: lines are matched, blocks are followed by do/end counting.
func parseGemfile(data []byte) gemfile {
	var g gemfile
	var stack []bool // per open block: is it a dev/test group
	inDev := func() bool {
		for _, dev := range stack {
			if dev {
				return true
			}
		}
		return false
	}
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(stripRubyComment(raw))
		if line == "" {
			continue
		}
		if m := groupLineRE.FindStringSubmatch(line); m != nil {
			stack = append(stack, devGroups(m[1]))
			continue
		}
		if m := gemLineRE.FindStringSubmatch(line); m != nil {
			dev := inDev()
			if im := inlineDevRE.FindStringSubmatch(m[2]); im != nil && devGroups(im[1]) {
				dev = true
			}
			g.Gems = append(g.Gems, gemDep{Name: m[1], Line: i + 1, Dev: dev})
			if blockOpenRE.MatchString(line) {
				stack = append(stack, false)
			}
			continue
		}
		if m := rubyLineRE.FindStringSubmatch(line); m != nil && len(stack) == 0 {
			args := m[1]
			if _, after, ok := strings.Cut(args, "file:"); ok {
				if sm := rbStringRE.FindStringSubmatch(after); sm != nil {
					g.RubyFile, g.RubyLine = sm[1], i+1
				}
				continue
			}
			var cons []string
			for _, sm := range rbStringRE.FindAllStringSubmatch(args, -1) {
				if v := strings.TrimSpace(sm[1]); v != "" && strings.IndexAny(v, "0123456789") >= 0 {
					cons = append(cons, v)
				}
			}
			if len(cons) > 0 {
				g.Ruby, g.RubyLine = strings.Join(cons, ","), i+1
			}
			continue
		}
		if line == "end" || strings.HasPrefix(line, "end ") || strings.HasPrefix(line, "end.") {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if blockOpenRE.MatchString(line) {
			stack = append(stack, false)
		}
	}
	return g
}

// devGroups reports whether a group list names only development and test.
func devGroups(args string) bool {
	n := 0
	for _, m := range rbSymbolRE.FindAllStringSubmatch(args, -1) {
		name := m[1] + m[2]
		if name == "optional" {
			continue
		}
		if name != "development" && name != "test" {
			return false
		}
		n++
	}
	return n > 0
}

// stripRubyComment removes a # comment outside quotes.
func stripRubyComment(line string) string {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return line[:i]
		}
	}
	return line
}

// gemLock is what Hoist reads from Gemfile.lock.
type gemLock struct {
	Ruby        string
	RubyLine    int
	Bundler     string
	BundlerLine int
	Deps        []gemDep // DEPENDENCIES section
}

// parseGemfileLock reads the RUBY VERSION, BUNDLED WITH and DEPENDENCIES
// sections of a Gemfile.lock.
func parseGemfileLock(data []byte) gemLock {
	var l gemLock
	section := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimRight(raw, "\r ")
		if line == "" {
			continue
		}
		if line[0] != ' ' {
			section = line
			continue
		}
		t := strings.TrimSpace(line)
		switch section {
		case "RUBY VERSION":
			if v, ok := strings.CutPrefix(t, "ruby "); ok && l.Ruby == "" {
				v, _, _ = strings.Cut(v, "p") // 3.3.1p55
				if looksLikeVersion(v) {
					l.Ruby, l.RubyLine = v, i+1
				}
			}
		case "BUNDLED WITH":
			if l.Bundler == "" && looksLikeVersion(t) {
				l.Bundler, l.BundlerLine = t, i+1
			}
		case "DEPENDENCIES":
			if strings.HasPrefix(line, "    ") {
				continue // a nested requirement line
			}
			name := strings.TrimRight(firstField(t), "!")
			if name != "" {
				l.Deps = append(l.Deps, gemDep{Name: name, Line: i + 1})
			}
		}
	}
	return l
}

var (
	railsModuleRE = newPattern(`(?m)^module\s+([A-Z]\w*)`)
	dbAdapterRE   = newPattern(`(?m)^\s*adapter:\s*["']?([a-z0-9_]+)`)
	rbMainRE      = newPattern(`(?m)^\s*run\b`)
)

type rubyApp struct {
	d    *Dir
	gems depGroups // production gems only
}

func (a *rubyApp) has(gem string) bool { _, ok := a.gems.has[gem]; return ok }

func (a *rubyApp) gemEvidence(field, gem, reason string) Evidence {
	f, line, _ := a.gems.find(gem)
	return a.d.Evidence(field, f, line, reason)
}

func (rubyDetector) Detect(d *Dir) *Claim {
	gf, ok := d.HasAny("Gemfile", "gems.rb")
	if !ok {
		return nil
	}
	lockName := "Gemfile.lock"
	if gf == "gems.rb" {
		lockName = "gems.locked"
	}
	a := &rubyApp{d: d}
	s := Service{Language: "ruby", PackageManager: "bundler"}
	s.Build.Manifests = []string{gf}
	s.Evidence = append(s.Evidence,
		d.Evidence("language", gf, 0, gf+" is a Ruby manifest"),
		d.Evidence("package_manager", gf, 0, gf+" is Bundler's manifest"))
	g := parseGemfile(mustRead(d, gf))
	for _, gem := range g.Gems {
		if !gem.Dev {
			a.gems.add(gf, gem.Name, gem.Line)
		}
	}
	var lock gemLock
	if d.Has(lockName) {
		s.Build.Manifests = append(s.Build.Manifests, lockName)
		lock = parseGemfileLock(mustRead(d, lockName))
		if lock.Bundler != "" {
			s.Build.PackageManagerVersion = lock.Bundler
			s.Evidence = append(s.Evidence, d.Evidence("package_manager", lockName, lock.BundlerLine, "bundled with Bundler "+lock.Bundler))
		}
		if len(g.Gems) == 0 { // a Gemfile we could not read: the lock lists the direct gems
			for _, gem := range lock.Deps {
				a.gems.add(lockName, gem.Name, gem.Line)
			}
		}
	}

	pin := rubyVersion(d, g, gf, lock, lockName)
	s.LanguageVersion = pin.Version
	s.Evidence = append(s.Evidence, pin.evidence())

	strength := a.framework(&s)
	workers := a.workers()
	switch {
	case strength > 0:
		s.BackingServices = append(s.BackingServices, workers...)
	case len(workers) > 0:
		// A job runner with no web framework is itself the service.
		s.Kind = KindWorker
		s.StartCommand = workers[0].Command
		s.Evidence = append(s.Evidence, Evidence{Field: "start_command", File: strings.SplitN(workers[0].Evidence, ":", 2)[0], Reason: "job runner with no web framework: " + workers[0].Evidence})
		s.BackingServices = append(s.BackingServices, workers[1:]...)
		strength = Medium
	default:
		if f, ok := d.HasAny("main.rb", "app.rb"); ok {
			s.Kind = KindWorker
			s.StartCommand = "bundle exec ruby " + f
			s.Build.Entrypoint = f
			s.Evidence = append(s.Evidence, d.Evidence("start_command", f, 0, f+" with no web framework: runs as a worker"))
			strength = Medium
		} else {
			if ancestorHasAny(d, "Gemfile", "gems.rb") {
				return nil
			}
			s.Evidence = append(s.Evidence, d.Evidence("kind", gf, 0, "a Gemfile and nothing runnable: no web framework, job runner or script found"))
			strength = Weak
		}
	}
	s.BackingServices = append(s.BackingServices, a.gems.match(d, rubyDependencyRules)...)
	s.BackingServices = append(s.BackingServices, databaseYMLBackings(d)...)
	return &Claim{Strength: strength, Services: []Service{s}}
}

// rubyVersion: .ruby-version, an exact Gemfile ruby, Gemfile.lock's RUBY
// VERSION, a Gemfile constraint, .tool-versions, then the default.
func rubyVersion(d *Dir, g gemfile, gf string, lock gemLock, lockName string) verPin {
	if g.RubyFile != "" {
		if p, ok := readPinFile(d, strings.TrimPrefix(g.RubyFile, "./"), "ruby-"); ok && !strings.Contains(g.RubyFile, "/") {
			p.Reason += " (" + gf + " reads it)"
			return p
		}
	}
	if p, ok := readPinFile(d, ".ruby-version", "ruby-"); ok {
		return p
	}
	exact := g.Ruby != "" && looksLikeVersion(g.Ruby) && !strings.Contains(g.Ruby, ",")
	if exact {
		return verPin{Version: g.Ruby, File: d.Rel(gf), Line: g.RubyLine, Reason: gf + " pins ruby " + g.Ruby}
	}
	if lock.Ruby != "" {
		return verPin{Version: lock.Ruby, File: d.Rel(lockName), Line: lock.RubyLine, Reason: lockName + " RUBY VERSION " + lock.Ruby}
	}
	if g.Ruby != "" {
		if v, ok := lowestAllowedMinor(g.Ruby, rubySupportedMinors, dialectRubyGems); ok {
			return verPin{Version: v, File: d.Rel(gf), Line: g.RubyLine, Reason: gf + ` ruby "` + g.Ruby + `": lowest supported minor it allows is ` + v}
		}
	}
	if p, ok := toolVersionsPin(d, "ruby"); ok {
		return p
	}
	return verPin{Version: rubyDefaultVersion, File: d.Path, Reason: "no Ruby version pinned; using the default " + rubyDefaultVersion}
}

// framework recognises Rails, Sinatra and plain Rack; 0 when none.
func (a *rubyApp) framework(s *Service) int {
	d := a.d
	switch {
	case hasPath(d, "config/application.rb") || a.has("rails") || a.has("railties"):
		s.Framework = "rails"
		if a.has("rails") {
			s.Evidence = append(s.Evidence, a.gemEvidence("framework", "rails", "gem rails"))
		} else if a.has("railties") {
			s.Evidence = append(s.Evidence, a.gemEvidence("framework", "railties", "gem railties"))
		} else {
			s.Evidence = append(s.Evidence, d.Evidence("framework", "config/application.rb", 0, "config/application.rb is a Rails application"))
		}
		if data := readPath(d, "config/application.rb"); data != nil {
			if m := railsModuleRE.FindSubmatchIndex(data); m != nil {
				mod := string(data[m[2]:m[3]])
				s.Name = camelToSnake(mod)
				s.Evidence = append(s.Evidence, d.Evidence("name", "config/application.rb", LineOf(data, m[0]), "Rails application module "+mod))
			}
		}
		s.Port = 3000
		s.StartCommand = "bundle exec rails server -b 0.0.0.0 -p 3000"
		fw := s.Evidence[len(s.Evidence)-1]
		for _, e := range s.Evidence {
			if e.Field == "framework" {
				fw = e
			}
		}
		s.Evidence = append(s.Evidence,
			Evidence{Field: "start_command", File: fw.File, Line: fw.Line, Reason: "rails server bound to all interfaces"},
			Evidence{Field: "port", File: fw.File, Line: fw.Line, Reason: "rails default port 3000; the start command binds it"})
		for _, gem := range []string{"propshaft", "sprockets-rails", "sprockets"} {
			if a.has(gem) {
				s.BuildCommand = "bundle exec rails assets:precompile"
				s.Evidence = append(s.Evidence, a.gemEvidence("build_command", gem, "asset pipeline gem "+gem+
					": assets are precompiled at build time (Rails 7.1+ needs SECRET_KEY_BASE_DUMMY=1 set for this step)"))
				break
			}
		}
	case a.has("sinatra"):
		s.Framework = "sinatra"
		s.Evidence = append(s.Evidence, a.gemEvidence("framework", "sinatra", "gem sinatra"))
		s.Port = 4567
		switch {
		case d.Has("config.ru") && a.has("puma"):
			s.StartCommand = "bundle exec puma -b tcp://0.0.0.0:4567 config.ru"
			s.Build.Entrypoint = "config.ru"
			s.Evidence = append(s.Evidence, a.gemEvidence("start_command", "puma", "config.ru served by puma"))
		case d.Has("config.ru"):
			s.StartCommand = "bundle exec rackup --host 0.0.0.0 -p 4567"
			s.Build.Entrypoint = "config.ru"
			s.Evidence = append(s.Evidence, d.Evidence("start_command", "config.ru", 0, "config.ru served by rackup"))
		default:
			f := firstOf(d, "app.rb", "main.rb", "server.rb")
			if f == "" {
				break
			}
			s.StartCommand = "bundle exec ruby " + f + " -o 0.0.0.0 -p 4567"
			s.Build.Entrypoint = f
			s.Evidence = append(s.Evidence, d.Evidence("start_command", f, 0, "classic Sinatra app "+f+" run directly"))
		}
		s.Evidence = append(s.Evidence, a.gemEvidence("port", "sinatra", "sinatra default port 4567; the start command binds it"))
	case d.Has("config.ru"):
		s.Framework = "rack"
		s.Evidence = append(s.Evidence, d.Evidence("framework", "config.ru", 0, "config.ru is a Rack application"))
		if data := mustRead(d, "config.ru"); !rbMainRE.Match(data) {
			s.Evidence[len(s.Evidence)-1].Reason += " (no run statement found)"
		}
		s.Port = 9292
		s.Build.Entrypoint = "config.ru"
		if a.has("puma") {
			s.StartCommand = "bundle exec puma -b tcp://0.0.0.0:9292 config.ru"
		} else {
			s.StartCommand = "bundle exec rackup --host 0.0.0.0 -p 9292"
		}
		s.Evidence = append(s.Evidence, d.Evidence("port", "config.ru", 0, "rack default port 9292; the start command binds it"))
	default:
		return 0
	}
	s.Kind = KindWeb
	return Strong
}

// workers lists the job runners among the gems; Solid Queue prefers bin/jobs.
func (a *rubyApp) workers() []Backing {
	var out []Backing
	for _, w := range rubyWorkers {
		if !a.has(w.gem) {
			continue
		}
		if w.gem == "delayed_job" && a.has("delayed_job_active_record") {
			continue
		}
		cmd := w.command
		if w.gem == "solid_queue" && hasPath(a.d, "bin/jobs") {
			cmd = "bin/jobs"
		}
		f, _, _ := a.gems.find(w.gem)
		out = append(out, Backing{Kind: KindWorker, Evidence: a.d.Rel(f) + ": dependency " + w.gem, Command: cmd})
	}
	return out
}

// databaseYMLBackings reads the adapters named in config/database.yml.
func databaseYMLBackings(d *Dir) []Backing {
	data := readPath(d, "config/database.yml")
	var out []Backing
	for _, m := range FindAll(data, dbAdapterRE) {
		kind := ""
		switch m.Value {
		case "postgresql", "postgis":
			kind = "postgres"
		case "mysql2", "trilogy":
			kind = "mysql"
		}
		if kind != "" {
			out = append(out, Backing{Kind: kind, Evidence: d.Rel("config/database.yml") + ":" + strconv.Itoa(m.Line) + ": adapter " + m.Value})
		}
	}
	return out
}

// camelToSnake turns "BlogApp" into "blog_app".
func camelToSnake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

var rubyEnvPatterns = []*pattern{
	newPattern(`\bENV\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]`),
	newPattern(`\bENV\.fetch\(?\s*["']([A-Z][A-Z0-9_]*)["']`),
	newPattern(`\bENV\.key\?\(?\s*["']([A-Z][A-Z0-9_]*)["']`),
}

// Enrich collects the environment variable names the Ruby code (and ERB in
// YAML configuration) reads.
func (rubyDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	CollectEnv(d, s, []string{".rb", ".ru", ".rake", ".erb", ".yml"}, owned, rubyEnvPatterns...)
}
