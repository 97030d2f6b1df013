package detect

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// javaDetector recognises Maven (pom.xml) and Gradle (build.gradle,
// build.gradle.kts, settings.gradle[.kts]) projects, single or multi-module.
//
// Strength: Strong for a Spring Boot, Quarkus or Micronaut application,
// Weak for a plain jar project (it may or may not have a main class).
// In a multi-module build only modules that are applications (a web
// framework, or the framework's packaging plugin) become services; the
// claim covers every module folder.
type javaDetector struct{}

func (javaDetector) Name() string { return "java" }

// javaDefaultVersion is the current Java LTS.
const javaDefaultVersion = "21"

// javaModule is one Maven module or Gradle project, as far as Hoist needs.
type javaModule struct {
	Dir       *Dir
	Manifest  string // pom.xml, build.gradle, build.gradle.kts
	Name      string // artifactId or project name
	Deps      []javaDep
	Plugins   []javaDep // Maven plugins, Gradle plugin ids (Artifact holds the id)
	Java      string    // major version, "" when not pinned
	JavaEv    Evidence
	Framework string
	FwEv      Evidence
	Web       bool
	App       bool   // the framework's packaging plugin is applied: an application
	Artifact  string // build output relative to Dir
	Version   string
}

// javaDep is a dependency (or plugin) coordinate with the line it is on.
type javaDep struct {
	Group, Artifact string
	Line            int
	Test            bool
}

func (d javaDep) coord() string { return d.Group + ":" + d.Artifact }

// javaBackingRules map group:artifact coordinates to backing services.
var javaBackingRules = []DependencyRule{
	{"org.postgresql:postgresql", "postgres"},
	{"io.quarkus:quarkus-jdbc-postgresql", "postgres"},
	{"io.quarkus:quarkus-reactive-pg-client", "postgres"},
	{"io.r2dbc:r2dbc-postgresql", "postgres"},
	{"org.postgresql:r2dbc-postgresql", "postgres"},
	{"com.mysql:mysql-connector-j", "mysql"},
	{"mysql:mysql-connector-java", "mysql"},
	{"org.mariadb.jdbc:mariadb-java-client", "mysql"},
	{"io.quarkus:quarkus-jdbc-mysql", "mysql"},
	{"org.springframework.boot:spring-boot-starter-data-redis*", "redis"},
	{"redis.clients:jedis", "redis"},
	{"io.lettuce:lettuce-core", "redis"},
	{"io.quarkus:quarkus-redis-client", "redis"},
	{"org.springframework.boot:spring-boot-starter-data-mongodb*", "mongodb"},
	{"org.mongodb:mongodb-driver*", "mongodb"},
	{"io.quarkus:quarkus-mongodb-client", "mongodb"},
	{"software.amazon.awssdk:s3", "s3"},
	{"io.awspring.cloud:spring-cloud-aws-starter-s3", "s3"},
	{"software.amazon.awssdk:sqs", "sqs"},
	{"io.awspring.cloud:spring-cloud-aws-starter-sqs", "sqs"},
}

// javaClassify sets Framework, Web and App from dependencies and plugins.
// parentSpring says a parent pom is spring-boot-starter-parent.
func javaClassify(m *javaModule, parentSpring bool, parentLine int) {
	ev := func(line int, why string) Evidence { return m.Dir.Evidence("framework", m.Manifest, line, why) }
	for _, p := range m.Plugins {
		switch {
		case p.Artifact == "spring-boot-maven-plugin" || p.Artifact == "org.springframework.boot":
			m.Framework, m.App, m.FwEv = "spring-boot", true, ev(p.Line, "Spring Boot plugin "+p.Artifact)
		case p.Artifact == "quarkus-maven-plugin" || p.Artifact == "io.quarkus":
			m.Framework, m.App, m.FwEv = "quarkus", true, ev(p.Line, "Quarkus plugin "+p.Artifact)
		case p.Artifact == "micronaut-maven-plugin" || strings.HasPrefix(p.Artifact, "io.micronaut.application") || p.Artifact == "io.micronaut.minimal.application":
			m.Framework, m.App, m.FwEv = "micronaut", true, ev(p.Line, "Micronaut plugin "+p.Artifact)
		}
	}
	for _, d := range m.Deps {
		if d.Test {
			continue
		}
		fw, web := "", false
		switch {
		case d.Group == "org.springframework.boot":
			fw = "spring-boot"
			web = d.Artifact == "spring-boot-starter-web" || d.Artifact == "spring-boot-starter-webflux" || d.Artifact == "spring-boot-starter-jersey"
		case d.Group == "io.quarkus":
			fw = "quarkus"
			for _, p := range []string{"quarkus-rest", "quarkus-resteasy", "quarkus-vertx-http", "quarkus-undertow", "quarkus-reactive-routes", "quarkus-websockets"} {
				if strings.HasPrefix(d.Artifact, p) {
					web = true
				}
			}
		case strings.HasPrefix(d.Group, "io.micronaut"):
			fw = "micronaut"
			web = strings.HasPrefix(d.Artifact, "micronaut-http-server")
		}
		if fw == "" {
			continue
		}
		if m.Framework == "" {
			m.Framework, m.FwEv = fw, ev(d.Line, "dependency "+d.coord())
		}
		if web && fw == m.Framework && !m.Web {
			m.Web = true
			m.FwEv = ev(d.Line, "dependency "+d.coord())
		}
	}
	if m.Framework == "" && parentSpring {
		m.Framework, m.FwEv = "spring-boot", ev(parentLine, "parent spring-boot-starter-parent")
	}
}

// javaMajor turns "17", "1.8", "17.0.2", "temurin-21.0.1+12" or
// "21.0.2-tem" into a major version ("17", "8", "21"); "" if none.
func javaMajor(v string) string {
	m := javaMajorRE.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	major := m[1]
	if major == "1" && m[2] != "" {
		major = m[2]
	}
	if n, err := strconv.Atoi(major); err != nil || n < 5 || n > 99 {
		return ""
	}
	return major
}

var javaMajorRE = newPattern(`(\d+)(?:[._](\d+))?`)

// javaToolVersion reads .java-version, .sdkmanrc or .tool-versions in d.
func javaToolVersion(d *Dir) (string, Evidence) {
	for _, f := range []string{".java-version", ".sdkmanrc", ".tool-versions"} {
		if !d.Has(f) {
			continue
		}
		data, err := d.Read(f)
		if err != nil {
			continue
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			val := ""
			switch f {
			case ".java-version":
				val = line
			case ".sdkmanrc":
				if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "java" {
					val = v
				}
			case ".tool-versions":
				if fs := strings.Fields(line); len(fs) >= 2 && fs[0] == "java" {
					val = fs[1]
				}
			}
			if v := javaMajor(val); v != "" {
				return v, d.Evidence("language_version", f, i+1, f+" pins Java "+strings.TrimSpace(val))
			}
		}
	}
	return "", Evidence{}
}

// javaConfigEntry is one key of a Spring/Quarkus/Micronaut config file.
type javaConfigEntry struct {
	Key, Value string
	Line       int
}

// parseJavaProperties reads a .properties file: key=value or key: value,
// # and ! comments. Continuation lines are joined.
func parseJavaProperties(data []byte) []javaConfigEntry {
	var out []javaConfigEntry
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		start := i
		line := strings.TrimSpace(strings.TrimRight(lines[i], "\r"))
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + strings.TrimSpace(lines[i])
		}
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		sep := strings.IndexAny(line, "=:")
		if sep < 0 {
			continue
		}
		out = append(out, javaConfigEntry{Key: strings.TrimSpace(line[:sep]), Value: strings.TrimSpace(line[sep+1:]), Line: start + 1})
	}
	return out
}

// parseJavaYAML flattens a (possibly multi-document) YAML config file into
// dotted keys with the line of each scalar value.
func parseJavaYAML(data []byte) ([]javaConfigEntry, error) {
	var out []javaConfigEntry
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return out, err
		}
		var walk func(prefix string, n *yaml.Node, depth int)
		walk = func(prefix string, n *yaml.Node, depth int) {
			if n == nil || depth > 32 {
				return
			}
			switch n.Kind {
			case yaml.DocumentNode:
				for _, c := range n.Content {
					walk(prefix, c, depth+1)
				}
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					k := n.Content[i].Value
					if prefix != "" {
						k = prefix + "." + k
					}
					walk(k, n.Content[i+1], depth+1)
				}
			case yaml.ScalarNode:
				if prefix != "" {
					out = append(out, javaConfigEntry{Key: prefix, Value: n.Value, Line: n.Line})
				}
			}
		}
		walk("", &doc, 0)
	}
}

// javaPortFromValue reads a port from a config value: "9090",
// "${PORT:9090}" (the default) or "${PORT}" (nothing).
func javaPortFromValue(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "${") && strings.HasSuffix(v, "}") {
		_, def, ok := strings.Cut(v[2:len(v)-1], ":")
		if !ok {
			return 0, false
		}
		v = strings.TrimSpace(def)
	}
	p, err := strconv.Atoi(v)
	if err != nil || p < 1 || p > 65535 {
		return 0, false
	}
	return p, true
}

// javaConfigPort reads the HTTP port from src/main/resources config.
func javaConfigPort(d *Dir, framework string) (int, Evidence, bool) {
	key := map[string]string{"spring-boot": "server.port", "quarkus": "quarkus.http.port", "micronaut": "micronaut.server.port"}[framework]
	res := d.Sub("src/main/resources")
	if key == "" || res == nil {
		return 0, Evidence{}, false
	}
	for _, f := range []string{"application.properties", "application.yml", "application.yaml"} {
		if !res.Has(f) {
			continue
		}
		data, err := res.Read(f)
		if err != nil {
			continue
		}
		var entries []javaConfigEntry
		if strings.HasSuffix(f, ".properties") {
			entries = parseJavaProperties(data)
		} else {
			entries, err = parseJavaYAML(data)
			if err != nil {
				d.Repo().Note(Note{File: res.Rel(f), Reason: "YAML does not parse: " + err.Error()})
			}
		}
		for _, e := range entries {
			if e.Key != key {
				continue
			}
			if p, ok := javaPortFromValue(e.Value); ok {
				return p, res.Evidence("port", f, e.Line, key+"="+e.Value), true
			}
		}
	}
	return 0, Evidence{}, false
}

func (j javaDetector) Detect(d *Dir) *Claim {
	if d.Has("pom.xml") {
		return j.detectMaven(d)
	}
	if _, ok := d.HasAny("build.gradle.kts", "build.gradle", "settings.gradle.kts", "settings.gradle"); ok {
		return j.detectGradle(d)
	}
	return nil
}

// javaService builds the service for one application module.
func javaService(m *javaModule, ctx *Dir, tool, build string, manifests []string, toolVer string, toolEv Evidence) Service {
	s := Service{
		Path:           m.Dir.Path,
		Name:           m.Name,
		Language:       "java",
		PackageManager: tool,
		Framework:      m.Framework,
		BuildCommand:   build,
		Build: Build{
			Context:   ctx.Path,
			Manifests: manifests,
		},
	}
	s.Evidence = append(s.Evidence, m.Dir.Evidence("language", m.Manifest, 0, tool+" build file"))
	switch {
	case toolVer != "":
		s.LanguageVersion = toolVer
		s.Evidence = append(s.Evidence, toolEv)
	case m.Java != "":
		s.LanguageVersion = m.Java
		s.Evidence = append(s.Evidence, m.JavaEv)
	default:
		s.LanguageVersion = javaDefaultVersion
		s.Evidence = append(s.Evidence, m.Dir.Evidence("language_version", m.Manifest, 0, "no Java version pinned; current LTS "+javaDefaultVersion+" assumed"))
	}
	if m.Framework != "" {
		s.Evidence = append(s.Evidence, m.FwEv)
	}
	art := relToContext(ctx.Path, path.Clean(join(m.Dir.Path, m.Artifact)))
	s.Build.Entrypoint = art
	if m.Framework == "quarkus" {
		s.StartCommand = "java -jar /app/quarkus-app/quarkus-run.jar"
		s.Evidence = append(s.Evidence, m.Dir.Evidence("build", m.Manifest, 0, "Quarkus fast-jar: the whole "+art+" folder is the application"))
	} else {
		s.StartCommand = "java -jar /app/app.jar"
		s.Evidence = append(s.Evidence, m.Dir.Evidence("build", m.Manifest, 0, "build output "+art+" copied to /app/app.jar"))
	}
	if m.Web {
		s.Kind = KindWeb
		if p, ev, ok := javaConfigPort(m.Dir, m.Framework); ok {
			s.Port = p
			s.Evidence = append(s.Evidence, ev)
		} else {
			s.Port = 8080
			s.Evidence = append(s.Evidence, m.Dir.Evidence("port", m.Manifest, 0, m.Framework+" default port 8080"))
		}
	} else {
		s.Kind = KindWorker
		s.Evidence = append(s.Evidence, m.Dir.Evidence("kind", m.Manifest, 0, "no web server dependency; runs as a worker"))
	}
	var deps []string
	for _, dp := range m.Deps {
		if !dp.Test {
			deps = append(deps, dp.coord())
		}
	}
	s.BackingServices = MatchDependencies(m.Dir.Rel(m.Manifest), deps, javaBackingRules)
	return s
}

var (
	javaGetenvRE      = newPattern(`\bSystem\.getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)`)
	javaPlaceholderRE = newPattern(`\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}`)
)

// Enrich collects env var names from System.getenv calls and from ${X}
// placeholders in src/main/resources config files.
func (javaDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	CollectEnv(d, s, []string{".java", ".kt", ".groovy", ".scala"}, owned, javaGetenvRE)
	if res := d.Sub("src/main/resources"); res != nil {
		CollectEnv(res, s, []string{".properties", ".yml", ".yaml"}, owned, javaPlaceholderRE)
	}
}

// javaSortedUnique sorts and de-duplicates paths.
func javaSortedUnique(in []string) []string {
	sort.Strings(in)
	out := in[:0]
	for i, s := range in {
		if i > 0 && s == in[i-1] {
			continue
		}
		out = append(out, s)
	}
	return out
}

// javaWrapperFiles lists the wrapper files (relative to d) to copy before
// the source: the script and its wrapper folder.
func javaWrapperFiles(d *Dir, script, folder string) []string {
	var out []string
	if d.Has(script) {
		out = append(out, script)
	}
	if w := d.Sub(folder); w != nil {
		for _, f := range w.Files {
			if strings.HasSuffix(f, ".properties") || strings.HasSuffix(f, ".jar") {
				out = append(out, folder+"/"+f)
			}
		}
	}
	return out
}

func javaNoteSyntax(d *Dir, file string, line int, msg string) {
	d.Repo().Note(Note{File: d.Rel(file), Line: line, Reason: fmt.Sprintf("%s does not parse: %s", path.Base(file), msg)})
}
