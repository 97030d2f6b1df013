package detect

// The Elixir detector: mix.exs and mix.lock; Phoenix apps and plain OTP
// applications, both built as Mix releases; umbrella projects as one
// release.

import (
	"strings"
)

type elixirDetector struct{}

func (elixirDetector) Name() string { return "elixir" }

// elixirSupportedMinors are the Elixir minors a constraint may resolve to,
// oldest first.
var elixirSupportedMinors = []string{"1.15", "1.16", "1.17", "1.18", "1.19"}

// elixirDefaultVersion is used when nothing pins a version.
const elixirDefaultVersion = "1.18"

var elixirDependencyRules = []DependencyRule{
	{Dependency: "postgrex", Kind: "postgres"},
	{Dependency: "myxql", Kind: "mysql"},
	{Dependency: "redix", Kind: "redis"},
	{Dependency: "mongodb_driver", Kind: "mongodb"},
	{Dependency: "ex_aws_s3", Kind: "s3"},
	{Dependency: "ex_aws_sqs", Kind: "sqs"},
	{Dependency: "broadway_sqs", Kind: "sqs"},
}

// mixDep is one dependency tuple of mix.exs.
type mixDep struct {
	Name string
	Line int
	Dev  bool // only: :dev / :test
}

// mixProject is what Hoist reads from mix.exs.
type mixProject struct {
	App          string
	AppLine      int
	Elixir       string
	ElixirLine   int
	Deps         []mixDep
	HasMod       bool   // an OTP application callback module: something runs
	AppsPath     string // umbrella projects
	Release      string // first name under releases:
	AssetsDeploy bool   // an "assets.deploy" alias
}

var (
	mixAppRE      = newPattern(`\bapp:\s*:([a-z_][A-Za-z0-9_]*)`)
	mixElixirRE   = newPattern(`\belixir:\s*"([^"]*)"`)
	mixModRE      = newPattern(`\bmod:\s*\{`)
	mixAppsPathRE = newPattern(`\bapps_path:\s*"([^"]*)"`)
	mixReleaseRE  = newPattern(`\breleases:\s*\[\s*([a-z_][A-Za-z0-9_]*):`)
	mixDepsDefRE  = newPattern(`(?m)^[ \t]*defp?[ \t]+deps\b`)
	mixNextDefRE  = newPattern(`(?m)^[ \t]*defp?[ \t]+\w`)
	mixTupleRE    = newPattern(`\{\s*:([a-z_][A-Za-z0-9_]*)\s*,([^{}]*)\}`)
	mixOnlyRE     = newPattern(`\bonly:\s*(\[[^\]]*\]|:\w+)`)
)

// parseMixExs reads mix.exs by pattern: the app name, the Elixir
// requirement, the dependency tuples of deps/0 and whether the project is
// an application with a callback module. mix.exs is never evaluated.
func parseMixExs(data []byte) mixProject {
	var p mixProject
	// Blank out comments, keeping offsets and line numbers.
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if c := stripRubyComment(l); len(c) < len(l) {
			lines[i] = c + strings.Repeat(" ", len(l)-len(c))
		}
	}
	src := []byte(strings.Join(lines, "\n"))
	if m := mixAppRE.FindSubmatchIndex(src); m != nil {
		p.App, p.AppLine = string(src[m[2]:m[3]]), LineOf(src, m[0])
	}
	if m := mixElixirRE.FindSubmatchIndex(src); m != nil {
		p.Elixir, p.ElixirLine = string(src[m[2]:m[3]]), LineOf(src, m[0])
	}
	p.HasMod = mixModRE.Match(src)
	if m := mixAppsPathRE.FindSubmatch(src); m != nil {
		p.AppsPath = string(m[1])
	}
	if m := mixReleaseRE.FindSubmatch(src); m != nil {
		p.Release = string(m[1])
	}
	p.AssetsDeploy = strings.Contains(string(src), `"assets.deploy"`)
	if m := mixDepsDefRE.FindIndex(src); m != nil {
		start, end := m[1], len(src)
		if n := mixNextDefRE.FindIndex(src[start:]); n != nil {
			end = start + n[0]
		}
		for _, t := range mixTupleRE.FindAllSubmatchIndex(src[start:end], -1) {
			opts := string(src[start+t[4] : start+t[5]])
			dev := false
			if om := mixOnlyRE.FindStringSubmatch(opts); om != nil && !strings.Contains(om[1], ":prod") {
				dev = true
			}
			p.Deps = append(p.Deps, mixDep{Name: string(src[start+t[2] : start+t[3]]), Line: LineOf(src, start+t[0]), Dev: dev})
		}
	}
	return p
}

type elixirApp struct {
	d    *Dir
	deps depGroups
}

func (a *elixirApp) has(dep string) bool { _, ok := a.deps.has[dep]; return ok }

func (a *elixirApp) addDeps(file string, p mixProject) {
	for _, dep := range p.Deps {
		if !dep.Dev {
			a.deps.add(file, dep.Name, dep.Line)
		}
	}
}

func (elixirDetector) Detect(d *Dir) *Claim {
	if !d.Has("mix.exs") {
		return nil
	}
	data := mustRead(d, "mix.exs")
	p := parseMixExs(data)
	a := &elixirApp{d: d}
	a.addDeps("mix.exs", p)
	s := Service{Language: "elixir", PackageManager: "mix", Name: p.App}
	s.Build.Manifests = []string{"mix.exs"}
	if d.Has("mix.lock") {
		s.Build.Manifests = append(s.Build.Manifests, "mix.lock")
	}
	s.Evidence = append(s.Evidence,
		d.Evidence("language", "mix.exs", 0, "mix.exs is an Elixir project"),
		d.Evidence("package_manager", "mix.exs", 0, "mix.exs is Mix's project file"))
	if p.App != "" {
		s.Evidence = append(s.Evidence, d.Evidence("name", "mix.exs", p.AppLine, "application :"+p.App))
	}

	var covers []string
	hasMod := p.HasMod
	assetsDeploy := p.AssetsDeploy
	if p.AppsPath != "" {
		// An umbrella: every child app is part of one release.
		if apps := d.Sub(p.AppsPath); apps != nil {
			for _, sub := range apps.Subdirs {
				child := apps.Sub(sub)
				if child == nil || !child.Has("mix.exs") {
					continue
				}
				covers = append(covers, child.Path)
				cp := parseMixExs(mustRead(child, "mix.exs"))
				file := p.AppsPath + "/" + sub + "/mix.exs"
				a.addDeps(file, cp)
				s.Build.Manifests = append(s.Build.Manifests, file)
				hasMod = hasMod || cp.HasMod
				assetsDeploy = assetsDeploy || cp.AssetsDeploy
			}
		}
		s.Evidence = append(s.Evidence, d.Evidence("build", "mix.exs", 0, "umbrella project: the apps under "+p.AppsPath+" are built as one release"))
	}

	pin := elixirVersion(d, p)
	s.LanguageVersion = pin.Version
	s.Evidence = append(s.Evidence, pin.evidence())
	if erl, ok := toolVersionsPin(d, "erlang"); ok {
		s.Evidence = append(s.Evidence, Evidence{Field: "language_version", File: erl.File, Line: erl.Line, Reason: "Erlang/OTP " + erl.Version + " pinned beside Elixir"})
	}

	release := p.Release
	if release == "" {
		release = p.App
	}
	if release == "" {
		release = ServiceName(pathBase(d.Path, d.Repo()))
		release = strings.ReplaceAll(release, "-", "_")
	}
	s.Build.Entrypoint = release
	start := "/app/bin/" + release + " start"
	strength := Strong
	switch {
	case a.has("phoenix"):
		s.Framework = "phoenix"
		s.Kind = KindWeb
		f, line, _ := a.deps.find("phoenix")
		s.Evidence = append(s.Evidence, d.Evidence("framework", f, line, "dependency phoenix"))
		s.Port = 4000
		s.Evidence = append(s.Evidence, d.Evidence("port", f, line, "phoenix default port 4000"))
		if hasPath(d, "rel/overlays/bin/server") {
			start = "/app/bin/server"
			s.Evidence = append(s.Evidence, d.Evidence("start_command", "rel/overlays/bin/server", 0, "release overlay bin/server starts the endpoint (PHX_SERVER=true)"))
		} else {
			s.Evidence = append(s.Evidence, d.Evidence("start_command", "mix.exs", 0, "release "+release+"; PHX_SERVER=true must be set for the endpoint to serve"))
		}
		s.BuildCommand = "mix release"
		if assetsDeploy {
			s.BuildCommand = "mix assets.deploy && mix release"
			s.Evidence = append(s.Evidence, d.Evidence("build_command", "mix.exs", lineContaining(data, `"assets.deploy"`), "assets.deploy alias builds the assets before the release"))
		}
	case hasMod:
		s.Kind = KindWorker
		strength = Medium
		s.BuildCommand = "mix release"
		s.Evidence = append(s.Evidence, d.Evidence("start_command", "mix.exs", lineContaining(data, "mod:"), "OTP application with a callback module and no web framework: runs as a worker release"))
	default:
		if ancestorHasAny(d, "mix.exs") {
			return nil
		}
		s.Evidence = append(s.Evidence, d.Evidence("kind", "mix.exs", 0, "a mix.exs with no application callback module: a library, nothing runs"))
		start, s.Build.Entrypoint = "", ""
		strength = Weak
	}
	s.StartCommand = start
	s.BackingServices = append(s.BackingServices, a.deps.match(d, elixirDependencyRules)...)
	if a.has("oban") {
		f, line, _ := a.deps.find("oban")
		s.Evidence = append(s.Evidence, d.Evidence("backing_services", f, line, "oban runs jobs inside the application's own release: no separate worker process"))
	}
	return &Claim{Strength: strength, Services: []Service{s}, Covers: covers}
}

// pathBase is the folder's name, or the repository's for the root.
func pathBase(p string, r *Repo) string {
	if p == "." {
		p = r.Root()
	}
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// elixirVersion: .tool-versions, mix.exs's elixir requirement, then the default.
func elixirVersion(d *Dir, p mixProject) verPin {
	if pin, ok := toolVersionsPin(d, "elixir"); ok {
		return pin
	}
	if p.Elixir != "" {
		if v, ok := lowestAllowedMinor(p.Elixir, elixirSupportedMinors, dialectRubyGems); ok {
			return verPin{Version: v, File: d.Rel("mix.exs"), Line: p.ElixirLine,
				Reason: `elixir: "` + p.Elixir + `": lowest supported minor it allows is ` + v}
		}
	}
	return verPin{Version: elixirDefaultVersion, File: d.Path, Reason: "no Elixir version pinned; using the default " + elixirDefaultVersion}
}

var (
	elixirEnvPatterns = []*pattern{
		newPattern(`\bSystem\.(?:get_env|fetch_env!?)\(\s*"([A-Z][A-Z0-9_]*)"`),
	}
	elixirPortRE = newPattern(`System\.get_env\(\s*"PORT"\s*\)\s*\|\|\s*"?(\d+)`)
)

// Enrich collects environment variable names and the port runtime.exs
// falls back to.
func (elixirDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	exts := []string{".ex", ".exs"}
	// An umbrella's apps are covered by its claim, so the scan enters them
	// (analyzeRepo's owned lets a claim's own covered folders through).
	CollectEnv(d, s, exts, owned, elixirEnvPatterns...)
	if s.Framework != "phoenix" {
		return
	}
	port := s.Port
	s.Port = 0
	FindPort(d, s, exts, owned, elixirPortRE)
	if s.Port == 0 {
		s.Port = port
		return
	}
	// The code names the port: drop the framework default's evidence.
	ev := s.Evidence[:0]
	for _, e := range s.Evidence {
		if e.Field == "port" && strings.HasPrefix(e.Reason, "phoenix default") {
			continue
		}
		ev = append(ev, e)
	}
	s.Evidence = ev
}
