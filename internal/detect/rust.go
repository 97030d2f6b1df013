package detect

import (
	"errors"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// rustDetector recognises Cargo packages and workspaces.
//
// Strength: Strong for a binary that depends on a web framework (axum,
// actix-web, rocket, warp, poem), Medium for any other binary (a worker),
// nothing for a library-only package. In a workspace the root claims every
// member; members with a binary become services with the workspace root as
// their build context.
type rustDetector struct{}

func (rustDetector) Name() string { return "rust" }

// rustDefaultVersion is the current stable Rust.
const rustDefaultVersion = "1.91"

// cargoManifest is the part of Cargo.toml Hoist reads.
type cargoManifest struct {
	Package *struct {
		Name        string `toml:"name"`
		RustVersion any    `toml:"rust-version"` // string, or {workspace = true}
		DefaultRun  string `toml:"default-run"`
	} `toml:"package"`
	Bin []struct {
		Name string `toml:"name"`
		Path string `toml:"path"`
	} `toml:"bin"`
	Dependencies map[string]any `toml:"dependencies"`
	Workspace    *struct {
		Members      []string       `toml:"members"`
		Exclude      []string       `toml:"exclude"`
		Dependencies map[string]any `toml:"dependencies"`
		Package      struct {
			RustVersion string `toml:"rust-version"`
		} `toml:"package"`
	} `toml:"workspace"`
}

// cargoInfo is a parsed Cargo.toml.
type cargoInfo struct {
	Name            string
	RustVersion     string
	RustVersionWS   bool // rust-version.workspace = true
	Bins            []string
	DefaultRun      string
	Deps            []cargoDep // sorted by name
	IsWorkspace     bool
	Members         []string
	Exclude         []string
	WorkspaceDeps   map[string]cargoDep
	WorkspaceRustV  string
	HasPackageTable bool
	lines           map[string]int
}

// cargoDep is one dependency with its features.
type cargoDep struct {
	Name      string // the crate name (package = "..." renames honoured)
	Features  []string
	Workspace bool // dep.workspace = true: features add to the workspace's
}

// cargoSyntaxError is a TOML syntax error with its position.
type cargoSyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *cargoSyntaxError) Error() string { return e.Msg }

// parseCargoToml parses a Cargo.toml.
func parseCargoToml(data []byte) (*cargoInfo, error) {
	var m cargoManifest
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &cargoSyntaxError{Line: pe.Position.Line, Column: pe.Position.Col, Msg: pe.Message}
		}
		return nil, &cargoSyntaxError{Msg: err.Error()}
	}
	info := &cargoInfo{lines: map[string]int{}}
	if m.Package != nil {
		info.HasPackageTable = true
		info.Name = m.Package.Name
		info.DefaultRun = m.Package.DefaultRun
		switch v := m.Package.RustVersion.(type) {
		case string:
			info.RustVersion = v
		case map[string]any:
			if w, ok := v["workspace"].(bool); ok && w {
				info.RustVersionWS = true
			}
		}
	}
	for _, b := range m.Bin {
		if b.Name != "" {
			info.Bins = append(info.Bins, b.Name)
		}
	}
	info.Deps = cargoDeps(m.Dependencies)
	if m.Workspace != nil {
		info.IsWorkspace = true
		info.Members = m.Workspace.Members
		info.Exclude = m.Workspace.Exclude
		info.WorkspaceRustV = m.Workspace.Package.RustVersion
		info.WorkspaceDeps = map[string]cargoDep{}
		for _, d := range cargoDeps(m.Workspace.Dependencies) {
			info.WorkspaceDeps[d.Name] = d
		}
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if k, _, ok := strings.Cut(l, "="); ok {
			k = strings.Trim(strings.TrimSpace(k), `"`)
			if _, seen := info.lines[k]; !seen {
				info.lines[k] = i + 1
			}
		}
	}
	return info, nil
}

// cargoDeps reads a [dependencies] table.
func cargoDeps(table map[string]any) []cargoDep {
	var out []cargoDep
	for key, v := range table {
		d := cargoDep{Name: key}
		if t, ok := v.(map[string]any); ok {
			if p, ok := t["package"].(string); ok && p != "" {
				d.Name = p
			}
			if w, ok := t["workspace"].(bool); ok && w {
				d.Workspace = true
			}
			if fs, ok := t["features"].([]any); ok {
				for _, f := range fs {
					if s, ok := f.(string); ok {
						d.Features = append(d.Features, s)
					}
				}
			}
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// line returns the line of a key in the manifest, or 0.
func (c *cargoInfo) line(key string) int { return c.lines[key] }

// rustFrameworks in preference order.
var rustFrameworks = []string{"axum", "actix-web", "rocket", "warp", "poem"}

// rustBacking returns the backing services implied by the dependencies.
func rustBacking(file string, deps []cargoDep) []Backing {
	var out []Backing
	add := func(kind, why string) { out = append(out, Backing{Kind: kind, Evidence: file + ": dependency " + why}) }
	for _, d := range deps {
		switch d.Name {
		case "sqlx", "diesel", "sea-orm":
			for _, f := range d.Features {
				switch {
				case f == "postgres" || strings.HasPrefix(f, "sqlx-postgres") || f == "postgresql":
					add("postgres", d.Name+" feature "+f)
				case f == "mysql" || strings.HasPrefix(f, "sqlx-mysql"):
					add("mysql", d.Name+" feature "+f)
				}
			}
		case "tokio-postgres", "postgres", "deadpool-postgres", "bb8-postgres":
			add("postgres", d.Name)
		case "mysql_async", "mysql":
			add("mysql", d.Name)
		case "redis", "deadpool-redis", "bb8-redis", "fred":
			add("redis", d.Name)
		case "mongodb":
			add("mongodb", d.Name)
		case "aws-sdk-s3":
			add("s3", d.Name)
		case "aws-sdk-sqs":
			add("sqs", d.Name)
		}
	}
	return out
}

// rustToolchain reads rust-toolchain.toml or rust-toolchain in d.
func rustToolchain(d *Dir) (string, Evidence) {
	if d.Has("rust-toolchain.toml") {
		if data, err := d.Read("rust-toolchain.toml"); err == nil {
			var tc struct {
				Toolchain struct {
					Channel string `toml:"channel"`
				} `toml:"toolchain"`
			}
			if _, err := toml.Decode(string(data), &tc); err == nil && tc.Toolchain.Channel != "" {
				return tc.Toolchain.Channel, d.Evidence("language_version", "rust-toolchain.toml", LineOf(data, strings.Index(string(data), "channel")), "toolchain channel "+tc.Toolchain.Channel)
			}
		}
	}
	if d.Has("rust-toolchain") {
		if data, err := d.Read("rust-toolchain"); err == nil {
			s := strings.TrimSpace(string(data))
			if strings.Contains(s, "[toolchain]") {
				var tc struct {
					Toolchain struct {
						Channel string `toml:"channel"`
					} `toml:"toolchain"`
				}
				if _, err := toml.Decode(s, &tc); err == nil {
					s = tc.Toolchain.Channel
				}
			}
			if s != "" && !strings.ContainsAny(s, "\n[") {
				return s, d.Evidence("language_version", "rust-toolchain", 1, "toolchain "+s)
			}
		}
	}
	return "", Evidence{}
}

// rustMajorMinor turns "1.79.0" into "1.79"; channels like "stable" give "".
func rustMajorMinor(v string) string {
	m := rustVersionRE.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	return m[1]
}

var rustVersionRE = newPattern(`^(1\.\d+)(?:\.\d+)?$`)

// loadCargo reads and parses d/Cargo.toml, noting a syntax error.
func loadCargo(d *Dir) *cargoInfo {
	data, err := d.Read("Cargo.toml")
	if err != nil {
		return nil
	}
	c, err := parseCargoToml(data)
	if err != nil {
		var se *cargoSyntaxError
		if errors.As(err, &se) {
			d.Repo().Note(Note{File: d.Rel("Cargo.toml"), Line: se.Line, Column: se.Column, Reason: "Cargo.toml does not parse: " + se.Msg})
		}
		return nil
	}
	return c
}

func (r rustDetector) Detect(d *Dir) *Claim {
	if !d.Has("Cargo.toml") {
		return nil
	}
	c := loadCargo(d)
	if c == nil {
		return rustFallback(d)
	}
	if !c.IsWorkspace {
		// A member of a workspace above is claimed by the workspace root.
		for p := d.Parent(); p != nil; p = p.Parent() {
			if p.Has("Cargo.toml") {
				if pc := loadCargo(p); pc != nil && pc.IsWorkspace {
					for _, m := range rustMembers(p, pc) {
						if m.Path == d.Path {
							return nil
						}
					}
				}
			}
		}
		s, strength := rustService(d, d, c, nil)
		if s == nil {
			return nil
		}
		return &Claim{Strength: strength, Services: []Service{*s}}
	}

	claim := &Claim{}
	members := rustMembers(d, c)
	manifests := []string{"Cargo.toml"}
	if d.Has("Cargo.lock") {
		manifests = append(manifests, "Cargo.lock")
	}
	for _, m := range members {
		if m != d {
			claim.Covers = append(claim.Covers, m.Path)
		}
		manifests = append(manifests, relToContext(d.Path, m.Rel("Cargo.toml")))
	}
	manifests = javaSortedUnique(manifests)
	if c.HasPackageTable {
		members = append([]*Dir{d}, members...)
	}
	for _, m := range members {
		mc := c
		if m != d {
			if mc = loadCargo(m); mc == nil {
				continue
			}
		}
		s, strength := rustService(m, d, mc, c)
		if s == nil {
			continue
		}
		s.Build.Manifests = append([]string(nil), manifests...)
		s.Build.Workspace = d.Path
		claim.Services = append(claim.Services, *s)
		if strength > claim.Strength {
			claim.Strength = strength
		}
	}
	if len(claim.Services) == 0 {
		return nil
	}
	return claim
}

// rustMembers expands [workspace] members (with * globs) minus exclude.
func rustMembers(root *Dir, c *cargoInfo) []*Dir {
	seen := map[string]bool{}
	var out []*Dir
	excluded := func(rel string) bool {
		for _, e := range c.Exclude {
			if ok, _ := path.Match(path.Clean(e), rel); ok {
				return true
			}
		}
		return false
	}
	for _, pattern := range c.Members {
		pattern = path.Clean(strings.ReplaceAll(pattern, `\`, "/"))
		if strings.HasPrefix(pattern, "..") || pattern == "." {
			continue
		}
		for _, rel := range cargoGlobDirs(root, pattern) {
			sub := root.Sub(rel)
			if sub == nil || !sub.Has("Cargo.toml") || seen[sub.Path] || excluded(rel) {
				continue
			}
			seen[sub.Path] = true
			out = append(out, sub)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// cargoGlobDirs expands a slash pattern whose segments may hold * ? [ ] against
// the walked folders under root; it returns paths relative to root.
func cargoGlobDirs(root *Dir, pattern string) []string {
	segs := strings.Split(pattern, "/")
	cur := []string{"."}
	for _, seg := range segs {
		var next []string
		for _, c := range cur {
			dir := root
			if c != "." {
				dir = root.Sub(c)
			}
			if dir == nil {
				continue
			}
			for _, s := range dir.Subdirs {
				if ok, _ := path.Match(seg, s); ok {
					next = append(next, join(c, s))
				}
			}
		}
		cur = next
	}
	return cur
}

// rustService builds the service for one package, or nil when it has no
// binary. ctx is the build context; ws is the workspace manifest, if any.
func rustService(d, ctx *Dir, c *cargoInfo, ws *cargoInfo) (*Service, int) {
	bins := c.Bins
	binLine := c.line("name")
	if len(bins) == 0 && d.Sub("src") != nil && d.Sub("src").Has("main.rs") && c.Name != "" {
		bins = []string{c.Name}
	}
	if len(bins) == 0 {
		if sb := d.Sub("src/bin"); sb != nil {
			for _, f := range sb.Files {
				if strings.HasSuffix(f, ".rs") {
					bins = append(bins, strings.TrimSuffix(f, ".rs"))
				}
			}
		}
	}
	if len(bins) == 0 {
		return nil, 0
	}
	bin := bins[0]
	if c.DefaultRun != "" {
		bin = c.DefaultRun
	} else {
		for _, b := range bins {
			if b == c.Name {
				bin = b
			}
		}
	}

	// Effective dependencies: workspace-inherited ones take the
	// workspace's features too.
	deps := make([]cargoDep, 0, len(c.Deps))
	for _, dep := range c.Deps {
		if dep.Workspace && ws != nil {
			if wd, ok := ws.WorkspaceDeps[dep.Name]; ok {
				dep.Features = append(append([]string(nil), wd.Features...), dep.Features...)
			}
		}
		deps = append(deps, dep)
	}

	s := &Service{
		Name:           c.Name,
		Path:           d.Path,
		Language:       "rust",
		PackageManager: "cargo",
		StartCommand:   "/app/" + bin,
		Build:          Build{Context: ctx.Path, Entrypoint: bin},
	}
	s.Evidence = append(s.Evidence, d.Evidence("language", "Cargo.toml", c.line("name"), "Cargo package "+c.Name))
	locked := ""
	if ctx.Has("Cargo.lock") {
		locked = " --locked"
	}
	if ctx == d {
		s.BuildCommand = "cargo build --release" + locked + " --bin " + bin
		s.Build.Manifests = []string{"Cargo.toml"}
		if d.Has("Cargo.lock") {
			s.Build.Manifests = append(s.Build.Manifests, "Cargo.lock")
		}
	} else {
		s.BuildCommand = "cargo build --release" + locked + " -p " + c.Name + " --bin " + bin
	}
	s.Evidence = append(s.Evidence, d.Evidence("build", "Cargo.toml", binLine, "binary "+bin+" built to target/release/"+bin))

	// Version: toolchain file (the exact compiler) beats rust-version (a
	// minimum).
	ver, ev := rustToolchain(ctx)
	if ver == "" && ctx != d {
		ver, ev = rustToolchain(d)
	}
	if mm := rustMajorMinor(ver); mm != "" {
		s.LanguageVersion = mm
		s.Evidence = append(s.Evidence, ev)
	} else {
		rv, rvDir, rvLine := c.RustVersion, d, c.line("rust-version")
		if c.RustVersionWS && ws != nil {
			rv, rvDir, rvLine = ws.WorkspaceRustV, ctx, ws.line("rust-version")
		}
		if mm := rustMajorMinor(rv); mm != "" {
			s.LanguageVersion = mm
			s.Evidence = append(s.Evidence, rvDir.Evidence("language_version", "Cargo.toml", rvLine, "rust-version "+rv+" (minimum supported)"))
		} else {
			s.LanguageVersion = rustDefaultVersion
			why := "no toolchain pinned; current stable Rust " + rustDefaultVersion + " assumed"
			if ver != "" {
				why = "toolchain channel " + ver + "; current stable Rust " + rustDefaultVersion + " assumed"
			}
			s.Evidence = append(s.Evidence, d.Evidence("language_version", "Cargo.toml", 0, why))
		}
	}

	strength := Medium
	for _, fw := range rustFrameworks {
		for _, dep := range deps {
			if dep.Name == fw && s.Framework == "" {
				s.Framework = fw
				s.Kind = KindWeb
				s.Evidence = append(s.Evidence, d.Evidence("framework", "Cargo.toml", c.line(fw), "dependency "+fw))
				strength = Strong
			}
		}
	}
	if s.Framework == "" {
		s.Kind = KindWorker
		s.Evidence = append(s.Evidence, d.Evidence("kind", "Cargo.toml", 0, "no web framework dependency; runs as a worker"))
	}
	s.BackingServices = rustBacking(d.Rel("Cargo.toml"), deps)
	return s, strength
}

var (
	rustEnvPatterns = []*pattern{
		newPattern(`\benv::var(?:_os)?\(\s*"([A-Za-z_][A-Za-z0-9_]*)"`),
		newPattern(`\bdotenvy?::var\(\s*"([A-Za-z_][A-Za-z0-9_]*)"`),
		newPattern(`\b(?:std::)?env!\(\s*"([A-Za-z_][A-Za-z0-9_]*)"`),
	}
	rustPortPatterns = []*pattern{
		// env::var("PORT").unwrap_or_else(|_| "3000".to_string())
		newPattern(`"PORT"\)[^;]*?unwrap_or(?:_else)?\([^"\d;]*"?(\d{2,5})"?`),
		newPattern(`"(?:0\.0\.0\.0|\[::\]|::):(\d{2,5})"`),
		newPattern(`\(\s*"(?:0\.0\.0\.0|::)"\s*,\s*(\d{2,5})\s*\)`),
		newPattern(`\(\s*\[\s*0\s*,\s*0\s*,\s*0\s*,\s*0\s*\]\s*,\s*(\d{2,5})\s*\)`),
		newPattern(`"(?:127\.0\.0\.1|localhost):(\d{2,5})"`),
	}
)

// Enrich finds the port and env var names in the package's Rust sources.
func (rustDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	exts := []string{".rs"}
	CollectEnv(d, s, exts, owned, rustEnvPatterns...)
	if s.Kind != KindWeb {
		return
	}
	FindPort(d, s, exts, owned, rustPortPatterns...)
	if s.Port == 0 {
		s.Port = 8080
		why := "no port in the code; 8080 assumed"
		if s.Framework == "rocket" {
			s.Port = 8000
			why = "Rocket's default port 8000 (set ROCKET_ADDRESS=0.0.0.0 in the container)"
		}
		s.Evidence = append(s.Evidence, d.Evidence("port", "Cargo.toml", 0, why))
	}
}

var cargoNameRE = newPattern(`(?m)^\s*name\s*=\s*"([A-Za-z0-9_\-]+)"`)

// rustFallback claims a package whose Cargo.toml does not parse (the
// syntax error is noted) when src/main.rs shows it is a binary: weakly,
// with the package name read line by line and no dependencies.
func rustFallback(d *Dir) *Claim {
	src := d.Sub("src")
	if src == nil || !src.Has("main.rs") {
		return nil
	}
	data, err := d.Read("Cargo.toml")
	if err != nil {
		return nil
	}
	c := &cargoInfo{lines: map[string]int{}}
	if m := cargoNameRE.FindSubmatchIndex(data); m != nil {
		c.Name = string(data[m[2]:m[3]])
		c.lines["name"] = LineOf(data, m[0])
	} else {
		c.Name = ServiceName(path.Base(d.Path))
		if d.Path == "." {
			c.Name = ServiceName(path.Base(d.Repo().Root()))
		}
	}
	s, _ := rustService(d, d, c, nil)
	if s == nil {
		return nil
	}
	s.Evidence = append(s.Evidence, d.Evidence("build", "Cargo.toml", 0, "Cargo.toml does not parse; dependencies unknown"))
	return &Claim{Strength: Weak, Services: []Service{*s}}
}
