package detect

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// denoDetector recognises Deno apps from deno.json/deno.jsonc (or a
// deno.lock beside a conventional entry file). It comes before the Node
// detector: a folder with both deno.json and package.json is a Deno 2 app.
//
// Strengths: Strong for deno.json with a start task or a known framework
// (Fresh, Hono, Oak); Medium for a conventional entry file (main.ts,
// server.ts, mod.ts); Weak for a deno.json alone.
type denoDetector struct{}

func (denoDetector) Name() string { return "deno" }

// defaultDenoMajor is used when nothing pins Deno.
const defaultDenoMajor = "2"

// denoConfig is the part of deno.json Hoist reads.
type denoConfig struct {
	Name      string
	Tasks     map[string]string
	Imports   map[string]string
	ImportMap string
	raw       []byte // comments blanked out, same offsets as the file
}

// parseDenoConfig parses deno.json or deno.jsonc: JSON with comments and
// trailing commas. Tasks may be strings or {"command": "..."} objects.
func parseDenoConfig(data []byte) (*denoConfig, error) {
	body := []byte(jsStripComments(string(data)))
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, jsJSONError(body, 0, err)
	}
	if top == nil {
		return nil, errors.New("top-level value is null, want an object")
	}
	c := &denoConfig{raw: body, Name: jsString(top["name"]), ImportMap: jsString(top["importMap"])}
	c.Imports = jsStringMap(top["imports"])
	var tasks map[string]json.RawMessage
	if json.Unmarshal(top["tasks"], &tasks) == nil {
		c.Tasks = map[string]string{}
		for k, v := range tasks {
			if s := jsString(v); s != "" {
				c.Tasks[k] = s
			} else if m := jsStringMap(v); m["command"] != "" {
				c.Tasks[k] = m["command"]
			}
		}
	}
	return c, nil
}

// jsStripComments blanks out // and /* */ comments and trailing commas of a
// JSONC text with spaces, keeping newlines so that offsets and lines of the
// result match the input.
func jsStripComments(s string) string {
	b := []byte(s)
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			b[i], b[i+1] = ' ', ' '
			for i += 2; i < len(b); i++ {
				if b[i] == '*' && i+1 < len(b) && b[i+1] == '/' {
					b[i], b[i+1] = ' ', ' '
					i++
					break
				}
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		case c == ',':
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r' || b[j] == '\n') {
				j++
			}
			// A comment after the comma is blanked when reached; look past it.
			for j+1 < len(b) && b[j] == '/' && (b[j+1] == '/' || b[j+1] == '*') {
				j = skipJSComment(b, j)
				for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r' || b[j] == '\n') {
					j++
				}
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// skipJSComment returns the index just past the comment starting at j.
func skipJSComment(b []byte, j int) int {
	if b[j+1] == '/' {
		for j < len(b) && b[j] != '\n' {
			j++
		}
		return j
	}
	for j += 2; j+1 < len(b); j++ {
		if b[j] == '*' && b[j+1] == '/' {
			return j + 2
		}
	}
	return len(b)
}

// denoDependencyRules map import specifiers' package names to backing services.
var denoDependencyRules = append([]DependencyRule{
	{Dependency: "@db/postgres", Kind: "postgres"},
	{Dependency: "@db/redis", Kind: "redis"},
	{Dependency: "@db/mongo", Kind: "mongodb"},
	{Dependency: "@db/mysql", Kind: "mysql"},
	{Dependency: "deno.land/x/postgres", Kind: "postgres"},
	{Dependency: "deno.land/x/redis", Kind: "redis"},
	{Dependency: "deno.land/x/mongo", Kind: "mongodb"},
	{Dependency: "deno.land/x/mysql", Kind: "mysql"},
}, nodeDependencyRules...)

var denoURLModuleRE = newPattern(`^https://(deno\.land/x/[A-Za-z0-9_]+)`)

// denoPackageName returns the package an import map target names:
// "npm:pg@8" -> "pg", "jsr:@hono/hono@^4" -> "@hono/hono",
// "https://deno.land/x/oak@v12/mod.ts" -> "deno.land/x/oak".
func denoPackageName(target string) string {
	if m := denoURLModuleRE.FindStringSubmatch(target); m != nil {
		return m[1]
	}
	for _, scheme := range []string{"npm:", "jsr:"} {
		if !strings.HasPrefix(target, scheme) {
			continue
		}
		t := strings.TrimPrefix(strings.TrimPrefix(target, scheme), "/")
		scoped := strings.HasPrefix(t, "@")
		if scoped {
			t = t[1:]
		}
		if i := strings.IndexByte(t, '@'); i >= 0 {
			t = t[:i]
		}
		parts := strings.Split(t, "/")
		name := parts[0]
		if scoped && len(parts) > 1 {
			name = "@" + parts[0] + "/" + parts[1]
		} else if scoped {
			name = "@" + name
		}
		return name
	}
	return ""
}

// denoEntryCandidates are conventional Deno entry files.
var denoEntryCandidates = []string{"main.ts", "server.ts", "mod.ts", "main.tsx", "src/main.ts", "src/server.ts", "main.js"}

func (denoDetector) Detect(d *Dir) *Claim {
	cfgName, hasCfg := d.HasAny("deno.json", "deno.jsonc")
	if !hasCfg && !d.Has("deno.lock") {
		return nil
	}
	s := Service{Language: "deno", PackageManager: "deno", Kind: KindWeb}
	cfg := &denoConfig{}
	if hasCfg {
		data, err := d.Read(cfgName)
		if err != nil {
			return nil
		}
		c, err := parseDenoConfig(data)
		if err != nil {
			n := Note{File: d.Rel(cfgName), Reason: cfgName + " is not valid JSON, ignored: " + err.Error()}
			var se *jsSyntaxError
			if errors.As(err, &se) {
				n.Line, n.Column, n.Reason = se.Line, se.Column, cfgName+" is not valid JSON, ignored: "+se.Msg
			}
			d.Repo().Note(n)
		} else {
			cfg = c
		}
		s.Name = cfg.Name
		s.Evidence = append(s.Evidence, d.Evidence("language", cfgName, 0, "Deno configuration "+cfgName))
	} else {
		s.Evidence = append(s.Evidence, d.Evidence("language", "deno.lock", 0, "deno.lock"))
	}
	ev := func(field, key, reason string) {
		line := 0
		if hasCfg {
			line = jsKeyLine(cfg.raw, key)
		}
		file := cfgName
		if !hasCfg {
			file = "deno.lock"
		}
		s.Evidence = append(s.Evidence, d.Evidence(field, file, line, reason))
	}

	// Package names from the import map, and from an npm package.json (Deno 2).
	pkgs := map[string]string{} // name -> import key, for evidence lines
	for key, target := range cfg.Imports {
		if name := denoPackageName(target); name != "" {
			pkgs[name] = key
		}
	}
	var npm *packageJSON
	if d.Has("package.json") {
		if p, err := readPackageJSON(d); err == nil {
			npm = p
			for _, n := range p.allDepNames() {
				if _, ok := pkgs[n]; !ok {
					pkgs[n] = n
				}
			}
		}
	}
	has := func(names ...string) (string, bool) {
		for _, n := range names {
			if _, ok := pkgs[n]; ok {
				return n, true
			}
		}
		return "", false
	}

	strength := Weak
	if name, ok := has("deno.land/x/fresh", "@fresh/core", "fresh"); ok || cfg.Imports["$fresh/"] != "" {
		key := "$fresh/"
		if ok {
			key = pkgs[name]
		}
		s.Framework, s.Port = "fresh", 8000
		ev("framework", key, "Fresh import "+key)
		ev("port", key, "Fresh listens on 8000 by default")
		strength = Strong
	} else if name, ok := has("@hono/hono", "hono", "deno.land/x/hono"); ok {
		s.Framework = "hono"
		ev("framework", pkgs[name], "import "+name)
		strength = Strong
	} else if name, ok := has("@oak/oak", "oak", "deno.land/x/oak"); ok {
		s.Framework = "oak"
		ev("framework", pkgs[name], "import "+name)
		strength = Strong
	}

	if t, ok := cfg.Tasks["build"]; ok && t != "" {
		s.BuildCommand = "deno task build"
		ev("build_command", "build", "build task")
	}
	if task, why := denoStartTask(cfg.Tasks); task != "" {
		s.StartCommand = "deno task " + task
		ev("start_command", task, why)
		strength = Strong
	} else {
		for _, e := range denoEntryCandidates {
			dir, file := "", e
			if i := strings.LastIndexByte(e, '/'); i >= 0 {
				dir, file = e[:i], e[i+1:]
			}
			sub := d
			if dir != "" {
				sub = d.Sub(dir)
			}
			if sub == nil || !sub.Has(file) {
				continue
			}
			s.StartCommand = "deno run --allow-net --allow-env " + e
			s.Evidence = append(s.Evidence, d.Evidence("start_command", e, 0, "no start task; conventional entry file "+e))
			if strength < Medium {
				strength = Medium
			}
			break
		}
	}
	if s.StartCommand == "" && s.Framework == "" {
		if !hasCfg {
			return nil // a lockfile alone is not an app
		}
		s.Kind = ""
	}

	s.LanguageVersion = defaultDenoMajor
	versionEv := d.Evidence("language_version", cfgName, 0, "nothing pins Deno; the current stable default "+defaultDenoMajor)
	for p := d; p != nil; p = p.Parent() {
		if p.Has(".tool-versions") {
			if data, err := p.Read(".tool-versions"); err == nil {
				if v, line := jsToolVersion(data, "deno"); v != "" {
					s.LanguageVersion = strings.TrimPrefix(v, "v")
					versionEv = p.Evidence("language_version", ".tool-versions", line, ".tool-versions pins Deno "+s.LanguageVersion)
					break
				}
			}
		}
		if p.Has(".dvmrc") {
			if data, err := p.Read(".dvmrc"); err == nil {
				if v := strings.TrimPrefix(strings.TrimSpace(string(data)), "v"); isNodeVersion(v) {
					s.LanguageVersion = v
					versionEv = p.Evidence("language_version", ".dvmrc", 1, ".dvmrc pins Deno "+v)
					break
				}
			}
		}
	}
	s.Evidence = append(s.Evidence, versionEv)

	var deps []string
	for _, n := range jsSortedKeys(pkgs) {
		deps = append(deps, n)
	}
	file := d.Rel(cfgName)
	if !hasCfg {
		file = d.Rel("deno.lock")
	}
	s.BackingServices = MatchDependencies(file, deps, denoDependencyRules)

	for _, f := range []string{cfgName, "deno.lock", "package.json", cfg.ImportMap} {
		if f != "" && !strings.Contains(f, "..") && !strings.Contains(f, "://") && d.Has(strings.TrimPrefix(f, "./")) {
			s.Build.Manifests = denoAppendUnique(s.Build.Manifests, strings.TrimPrefix(f, "./"))
		}
	}
	_ = npm
	return &Claim{Strength: strength, Services: []Service{s}}
}

// denoWatchRE marks a task that runs a development server.
var denoWatchRE = newPattern(`--watch\b|\bdev\.ts\b`)

// denoStartTask picks the task that serves the app in production: start,
// unless it is a watch-mode development server (Fresh 1.x's start runs
// dev.ts), in which case preview or serve.
func denoStartTask(tasks map[string]string) (task, why string) {
	start, ok := tasks["start"]
	if ok && !denoWatchRE.MatchString(start) {
		return "start", "start task"
	}
	for _, t := range []string{"preview", "serve", "prod"} {
		if c, ok := tasks[t]; ok && !denoWatchRE.MatchString(c) {
			return t, t + " task (the start task is a watch-mode development server)"
		}
	}
	return "", ""
}

func denoAppendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// jsToolVersion returns a tool's version in a .tool-versions file and its line.
func jsToolVersion(data []byte, tool string) (string, int) {
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == tool {
			return f[1], i + 1
		}
	}
	return "", 0
}

// Enrich adds the environment variable names the code reads and the port it
// listens on (8000, Deno.serve's default, when the code does not say).
func (denoDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	sc := scanJSSources(d, owned, []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".mts"})
	s.Env = append(s.Env, sc.env...)
	if s.Port != 0 {
		return
	}
	for i, m := range sc.port {
		if m == nil {
			continue
		}
		fmt.Sscan(m.Value, &s.Port)
		s.Kind = KindWeb
		s.Evidence = append(s.Evidence, Evidence{Field: "port", File: sc.ports[i], Line: m.Line, Reason: "port " + m.Value + " in the code"})
		return
	}
	if s.Kind == KindWeb || sc.server != nil {
		s.Port, s.Kind = 8000, KindWeb
		ev := Evidence{Field: "port", File: d.Rel(s.Build.Manifests[0]), Reason: "no port in the code; 8000, Deno.serve's default"}
		if sc.server != nil {
			ev.File, ev.Line = sc.file, sc.server.Line
		}
		s.Evidence = append(s.Evidence, ev)
	}
}
