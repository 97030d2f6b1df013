package detect

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
)

// golangDetector recognises Go modules (go.mod) and Go workspaces (go.work).
// Every main package in the module root or in cmd/* is one service; the
// claim covers the cmd/* folders so that they are not claimed again.
//
// Strength: Strong when a main package imports a known HTTP framework,
// Medium for any other main package (runnable by convention). A module
// without a main package is a library and is not claimed (a note says so).
type golangDetector struct{}

func (golangDetector) Name() string { return "go" }

// goDefaultVersion is used when go.mod has no go directive.
const goDefaultVersion = "1.26"

// goModInfo is what Hoist needs from a go.mod file.
type goModInfo struct {
	Module        string
	ModuleLine    int
	GoVersion     string
	GoLine        int
	Toolchain     string
	ToolchainLine int
	// Requires are the direct requirements, in file order.
	Requires []goRequire
}

type goRequire struct {
	Path     string
	Line     int
	Indirect bool
}

// goSyntaxError is a go.mod or go.work syntax error with its position.
type goSyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *goSyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

// toGoSyntaxError turns a modfile error into one with a line and column.
func toGoSyntaxError(err error) *goSyntaxError {
	var list modfile.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		msg := e.Error()
		if e.Err != nil {
			msg = e.Err.Error()
		}
		return &goSyntaxError{Line: e.Pos.Line, Column: e.Pos.LineRune, Msg: msg}
	}
	return &goSyntaxError{Msg: err.Error()}
}

// goLooseLineRE finds module and go lines when go.mod does not parse.
var goLooseLineRE = newPattern(`(?m)^\s*(module|go|toolchain)\s+"?([^\s"/]+(?:/[^\s"]+)*)"?\s*(?://.*)?$`)

// parseGoMod parses a go.mod file. On a syntax error it returns the error
// together with the module and go lines found by a line scan, so that the
// caller can note the error and carry on.
func parseGoMod(name string, data []byte) (*goModInfo, error) {
	// Parse knows every directive (toolchain, godebug, tool); ParseLax
	// tolerates directives newer than this build of x/mod.
	f, err := modfile.Parse(name, data, nil)
	if err != nil {
		if lax, lerr := modfile.ParseLax(name, data, nil); lerr == nil {
			f, err = lax, nil
		}
	}
	if err != nil {
		info := &goModInfo{}
		for _, m := range goLooseLineRE.FindAllSubmatchIndex(data, -1) {
			key, val := string(data[m[2]:m[3]]), string(data[m[4]:m[5]])
			line := LineOf(data, m[0])
			switch key {
			case "module":
				if info.Module == "" {
					info.Module, info.ModuleLine = val, line
				}
			case "go":
				if info.GoVersion == "" {
					info.GoVersion, info.GoLine = val, line
				}
			case "toolchain":
				if info.Toolchain == "" {
					info.Toolchain, info.ToolchainLine = val, line
				}
			}
		}
		return info, toGoSyntaxError(err)
	}
	info := &goModInfo{}
	if f.Module != nil {
		info.Module = f.Module.Mod.Path
		if f.Module.Syntax != nil {
			info.ModuleLine = f.Module.Syntax.Start.Line
		}
	}
	if f.Go != nil {
		info.GoVersion = f.Go.Version
		if f.Go.Syntax != nil {
			info.GoLine = f.Go.Syntax.Start.Line
		}
	}
	if f.Toolchain != nil {
		info.Toolchain = f.Toolchain.Name
		if f.Toolchain.Syntax != nil {
			info.ToolchainLine = f.Toolchain.Syntax.Start.Line
		}
	}
	for _, r := range f.Require {
		line := 0
		if r.Syntax != nil {
			line = r.Syntax.Start.Line
		}
		info.Requires = append(info.Requires, goRequire{Path: r.Mod.Path, Line: line, Indirect: r.Indirect})
	}
	return info, nil
}

// goWorkInfo is what Hoist needs from a go.work file.
type goWorkInfo struct {
	GoVersion     string
	GoLine        int
	Toolchain     string
	ToolchainLine int
	Uses          []goUse
}

type goUse struct {
	Dir  string // cleaned, slash-separated, relative to the go.work folder
	Line int
}

// parseGoWork parses a go.work file.
func parseGoWork(name string, data []byte) (*goWorkInfo, error) {
	f, err := modfile.ParseWork(name, data, nil)
	if err != nil {
		return nil, toGoSyntaxError(err)
	}
	w := &goWorkInfo{}
	if f.Go != nil {
		w.GoVersion = f.Go.Version
		if f.Go.Syntax != nil {
			w.GoLine = f.Go.Syntax.Start.Line
		}
	}
	if f.Toolchain != nil {
		w.Toolchain = f.Toolchain.Name
		if f.Toolchain.Syntax != nil {
			w.ToolchainLine = f.Toolchain.Syntax.Start.Line
		}
	}
	for _, u := range f.Use {
		p := path.Clean(strings.ReplaceAll(u.Path, `\`, "/"))
		line := 0
		if u.Syntax != nil {
			line = u.Syntax.Start.Line
		}
		w.Uses = append(w.Uses, goUse{Dir: p, Line: line})
	}
	return w, nil
}

// goMajorMinor turns "1.23.4", "1.23rc1" or "go1.24.2" into "1.23"/"1.24".
func goMajorMinor(v string) string {
	v = strings.TrimPrefix(strings.TrimSpace(v), "go")
	if i := strings.IndexAny(v, "rcbeta-+ "); i > 0 {
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if len(parts) < 2 {
		return ""
	}
	for _, p := range parts[:2] {
		if _, err := strconv.Atoi(p); err != nil || p == "" {
			return ""
		}
	}
	return parts[0] + "." + parts[1]
}

// goWebFrameworks maps import paths (prefixes up to a major-version
// suffix) to framework slugs, in the order they are preferred.
var goWebFrameworks = []struct{ Import, Slug string }{
	{"github.com/gin-gonic/gin", "gin"},
	{"github.com/labstack/echo", "echo"},
	{"github.com/gofiber/fiber", "fiber"},
	{"github.com/go-chi/chi", "chi"},
	{"github.com/gorilla/mux", "gorilla-mux"},
	{"net/http", "net-http"},
}

// goFrameworkOf returns the framework an import path belongs to, or "".
func goFrameworkOf(imp string) string {
	for _, f := range goWebFrameworks {
		if imp == f.Import || strings.HasPrefix(imp, f.Import+"/") {
			return f.Slug
		}
	}
	return ""
}

// goFrameworkRank orders frameworks: a router beats net/http, which almost
// every web program imports as well.
func goFrameworkRank(slug string) int {
	for i, f := range goWebFrameworks {
		if f.Slug == slug {
			return i
		}
	}
	return len(goWebFrameworks)
}

// goBackingRules map go.mod requirements to backing services.
var goBackingRules = []DependencyRule{
	{"github.com/lib/pq", "postgres"},
	{"github.com/jackc/pgx*", "postgres"},
	{"gorm.io/driver/postgres", "postgres"},
	{"github.com/go-sql-driver/mysql", "mysql"},
	{"gorm.io/driver/mysql", "mysql"},
	{"github.com/redis/go-redis*", "redis"},
	{"github.com/go-redis/redis*", "redis"},
	{"github.com/gomodule/redigo", "redis"},
	{"github.com/hibiken/asynq", "redis"},
	{"go.mongodb.org/mongo-driver*", "mongodb"},
	{"github.com/aws/aws-sdk-go-v2/service/s3", "s3"},
	{"github.com/aws/aws-sdk-go-v2/service/sqs", "sqs"},
}

// goPackage is what a quick parse of one folder's Go files tells.
type goPackage struct {
	Name     string // package name of the first non-test file
	File     string // file name the name was read from
	Line     int    // line of the package clause
	Imports  []goImport
	HasFiles bool
}

type goImport struct {
	Path string
	File string
	Line int
}

// readGoPackage parses the package clause and imports of every non-test Go
// file in d (imports only: the parser stops after the import block).
func readGoPackage(d *Dir) goPackage {
	var pkg goPackage
	for _, f := range d.Files {
		if !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := d.Read(f)
		if err != nil {
			continue
		}
		p := parseGoImports(f, data)
		if p.Name == "" {
			continue
		}
		if p.Name == "documentation" {
			continue // doc.go convention for command docs
		}
		pkg.HasFiles = true
		if pkg.Name == "" {
			pkg.Name, pkg.File, pkg.Line = p.Name, f, p.Line
		}
		pkg.Imports = append(pkg.Imports, p.Imports...)
	}
	return pkg
}

// parseGoImports reads the package clause and imports of one Go file. A
// file that does not parse yields what was read before the error.
func parseGoImports(name string, data []byte) goPackage {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, name, data, parser.ImportsOnly|parser.ParseComments)
	var p goPackage
	if f == nil || f.Name == nil {
		return p
	}
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:build ignore") {
				return goPackage{}
			}
		}
	}
	p.Name = f.Name.Name
	p.Line = fset.Position(f.Package).Line
	for _, imp := range f.Imports {
		v, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		p.Imports = append(p.Imports, goImport{Path: v, File: name, Line: fset.Position(imp.Pos()).Line})
	}
	return p
}

func (g golangDetector) Detect(d *Dir) *Claim {
	if d.Has("go.work") {
		if c := g.detectWorkspace(d); c != nil {
			return c
		}
	}
	if !d.Has("go.mod") {
		return nil
	}
	ctx, work := goEnclosingWorkspace(d)
	svcs, covers, strength := goAnalyzeModule(d, ctx, work)
	if len(svcs) == 0 {
		return nil
	}
	return &Claim{Strength: strength, Services: svcs, Covers: covers}
}

// detectWorkspace claims a go.work folder: each used module is analyzed with
// the go.work folder as its build context.
func (golangDetector) detectWorkspace(d *Dir) *Claim {
	data, err := d.Read("go.work")
	if err != nil {
		return nil
	}
	w, err := parseGoWork(d.Rel("go.work"), data)
	if err != nil {
		se := toGoSyntaxError(err)
		d.Repo().Note(Note{File: d.Rel("go.work"), Line: se.Line, Column: se.Column, Reason: "go.work does not parse: " + se.Msg})
		return nil
	}
	claim := &Claim{}
	for _, u := range w.Uses {
		mod := d.Sub(u.Dir)
		if u.Dir == "." {
			mod = d
		}
		if mod == nil || !mod.Has("go.mod") {
			d.Repo().Note(Note{File: d.Rel("go.work"), Line: u.Line, Reason: "go.work uses " + u.Dir + ", which has no go.mod"})
			continue
		}
		svcs, covers, strength := goAnalyzeModule(mod, d, w)
		if mod != d {
			claim.Covers = append(claim.Covers, mod.Path)
		}
		claim.Covers = append(claim.Covers, covers...)
		claim.Services = append(claim.Services, svcs...)
		if strength > claim.Strength {
			claim.Strength = strength
		}
	}
	if len(claim.Services) == 0 {
		return nil
	}
	return claim
}

// goEnclosingWorkspace finds a go.work above mod that uses it. It returns
// mod itself and nil when there is none.
func goEnclosingWorkspace(mod *Dir) (*Dir, *goWorkInfo) {
	for p := mod.Parent(); p != nil; p = p.Parent() {
		if !p.Has("go.work") {
			continue
		}
		data, err := p.Read("go.work")
		if err != nil {
			return mod, nil
		}
		w, err := parseGoWork(p.Rel("go.work"), data)
		if err != nil {
			return mod, nil
		}
		for _, u := range w.Uses {
			if path.Clean(join(p.Path, u.Dir)) == mod.Path {
				return p, w
			}
		}
		return mod, nil
	}
	return mod, nil
}

// relToContext returns the slash path of target relative to base, both repository
// relative, where base is target or one of its ancestors.
func relToContext(base, target string) string {
	if base == target {
		return "."
	}
	if base == "." {
		return target
	}
	return strings.TrimPrefix(target, base+"/")
}

// goAnalyzeModule finds the main packages of the module in mod. ctx is the
// build context (mod, or the go.work folder); work is the go.work, if any.
func goAnalyzeModule(mod, ctx *Dir, work *goWorkInfo) ([]Service, []string, int) {
	repo := mod.Repo()
	data, err := mod.Read("go.mod")
	if err != nil {
		return nil, nil, 0
	}
	info, err := parseGoMod(mod.Rel("go.mod"), data)
	if err != nil {
		var se *goSyntaxError
		if errors.As(err, &se) {
			repo.Note(Note{File: mod.Rel("go.mod"), Line: se.Line, Column: se.Column, Reason: "go.mod does not parse: " + se.Msg})
		}
	}

	// Language version: toolchain beats the go directive; a workspace's
	// go.work governs its modules.
	version, verEv := goDefaultVersion, mod.Evidence("language_version", "go.mod", 0,
		"go.mod has no go directive; current stable Go "+goDefaultVersion+" assumed")
	switch {
	case work != nil && goMajorMinor(work.Toolchain) != "":
		version = goMajorMinor(work.Toolchain)
		verEv = ctx.Evidence("language_version", "go.work", work.ToolchainLine, "go.work toolchain "+work.Toolchain)
	case work != nil && goMajorMinor(work.GoVersion) != "":
		version = goMajorMinor(work.GoVersion)
		verEv = ctx.Evidence("language_version", "go.work", work.GoLine, "go.work go directive "+work.GoVersion)
	case goMajorMinor(info.Toolchain) != "":
		version = goMajorMinor(info.Toolchain)
		verEv = mod.Evidence("language_version", "go.mod", info.ToolchainLine, "toolchain "+info.Toolchain)
	case goMajorMinor(info.GoVersion) != "":
		version = goMajorMinor(info.GoVersion)
		verEv = mod.Evidence("language_version", "go.mod", info.GoLine, "go directive "+info.GoVersion)
	}

	// Manifests, relative to the build context.
	var manifests []string
	if work != nil {
		manifests = append(manifests, "go.work")
		if ctx.Has("go.work.sum") {
			manifests = append(manifests, "go.work.sum")
		}
		for _, u := range work.Uses {
			m := ctx.Sub(u.Dir)
			if u.Dir == "." {
				m = ctx
			}
			if m == nil {
				continue
			}
			for _, f := range []string{"go.mod", "go.sum"} {
				if m.Has(f) {
					manifests = append(manifests, relToContext(ctx.Path, m.Rel(f)))
				}
			}
		}
	} else {
		manifests = append(manifests, "go.mod")
		if mod.Has("go.sum") {
			manifests = append(manifests, "go.sum")
		}
	}

	var backing []Backing
	var direct []string
	for _, r := range info.Requires {
		if !r.Indirect {
			direct = append(direct, r.Path)
		}
	}
	backing = MatchDependencies(mod.Rel("go.mod"), direct, goBackingRules)

	// Main packages: the module root and cmd/*.
	type candidate struct {
		dir  *Dir
		name string
	}
	var cands []candidate
	modName := info.Module
	if modName == "" {
		modName = path.Base(mod.Path)
		if mod.Path == "." {
			modName = path.Base(repo.Root())
		}
	}
	cands = append(cands, candidate{mod, goBinaryName(modName)})
	var covers []string
	if cmd := mod.Sub("cmd"); cmd != nil {
		covers = append(covers, cmd.Path)
		for _, s := range cmd.Subdirs {
			sub := cmd.Sub(s)
			if sub == nil {
				continue
			}
			covers = append(covers, sub.Path)
			cands = append(cands, candidate{sub, s})
		}
	}

	var svcs []Service
	strength := 0
	for _, c := range cands {
		pkg := readGoPackage(c.dir)
		if pkg.Name != "main" {
			continue
		}
		entry := "./" + relToContext(ctx.Path, c.dir.Path)
		if entry == "./." {
			entry = "."
		}
		name := ServiceName(c.name)
		s := Service{
			Name:            name,
			Path:            c.dir.Path,
			Language:        "go",
			LanguageVersion: version,
			PackageManager:  "go",
			BuildCommand:    fmt.Sprintf(`go build -trimpath -ldflags="-s -w" -o /out/%s %s`, name, entry),
			StartCommand:    "/app/" + name,
			BackingServices: append([]Backing(nil), backing...),
			Build: Build{
				Context:    ctx.Path,
				Manifests:  append([]string(nil), manifests...),
				Entrypoint: entry,
			},
		}
		if work != nil {
			s.Build.Workspace = ctx.Path
		}
		s.Evidence = append(s.Evidence,
			mod.Evidence("language", "go.mod", info.ModuleLine, "go.mod declares module "+info.Module),
			verEv,
			c.dir.Evidence("build", pkg.File, pkg.Line, "package main: built as "+entry),
		)
		if fw, imp := goBestFramework(pkg.Imports); fw != "" {
			s.Framework = fw
			s.Evidence = append(s.Evidence, c.dir.Evidence("framework", imp.File, imp.Line, "imports "+imp.Path))
		}
		st := Medium
		if s.Framework != "" && s.Framework != "net-http" {
			st = Strong
		}
		if st > strength {
			strength = st
		}
		svcs = append(svcs, s)
	}
	if len(svcs) == 0 {
		repo.Note(Note{File: mod.Rel("go.mod"), Reason: "no main package in the module root or cmd/*; treated as a library, not a service"})
		return nil, nil, 0
	}
	return svcs, covers, strength
}

// goBinaryName is the last element of a module path without a /vN suffix.
func goBinaryName(module string) string {
	parts := strings.Split(strings.Trim(module, "/"), "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && len(last) > 1 && last[0] == 'v' {
		if _, err := strconv.Atoi(last[1:]); err == nil {
			last = parts[len(parts)-2]
		}
	}
	return last
}

// goBestFramework picks the most specific web framework among imports.
func goBestFramework(imps []goImport) (string, goImport) {
	best, bestImp := "", goImport{}
	for _, imp := range imps {
		fw := goFrameworkOf(imp.Path)
		if fw == "" {
			continue
		}
		if best == "" || goFrameworkRank(fw) < goFrameworkRank(best) {
			best, bestImp = fw, imp
		}
	}
	return best, bestImp
}

var (
	goEnvPatterns = []*pattern{
		newPattern(`\bos\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)`),
		newPattern(`\bos\.LookupEnv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)`),
	}
	goPortPatterns = []*pattern{
		// port := os.Getenv("PORT"); if port == "" { port = "8080" }
		newPattern(`if\s+(?i:\w*(?:port|addr)\w*)\s*==\s*""\s*\{\s*\w+\s*=\s*":?(\d{2,5})"`),
		// cmp.Or(os.Getenv("PORT"), "8080"), getenv("PORT", "8080")
		newPattern(`"(?:[A-Z_]*PORT|ADDR|LISTEN_ADDR)"\)?\s*,\s*"(?:0\.0\.0\.0)?:?(\d{2,5})"`),
		// ":8080", "0.0.0.0:8080"
		newPattern(`"(?:0\.0\.0\.0|\[::\])?:(\d{2,5})"`),
	}
	// goListenRE finds code that serves HTTP or accepts TCP connections.
	goListenRE = newPattern(`\bListenAndServe(?:TLS)?\s*\(|\bhttp\.Serve\s*\(|\bnet\.Listen\s*\(\s*"tcp|\.Serve\s*\(\s*\w*[lL]is`)
	// goFrameworkListenRE finds gin's Run, echo's Start and fiber's Listen;
	// it is only used when the program imports one of them, since Run and
	// Start are common method names (exec.Cmd, asynq.Server).
	goFrameworkListenRE = newPattern(`\.(?:Run|Start|Listen|RunTLS|StartTLS|ListenTLS)\s*\(\s*(?:\)|"[^"]*:\d*"|[^)]*(?i:addr|port))`)
)

// Enrich scans the main package and the module packages it imports
// (transitively) for listening code, ports, frameworks and env var names.
func (golangDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	repo := d.Repo()
	mods := goModuleDirs(d)
	visited := map[string]bool{}
	queue := []*Dir{d}
	var files []string
	var imports []goImport
	for len(queue) > 0 && len(visited) < 500 {
		x := queue[0]
		queue = queue[1:]
		if visited[x.Path] || (x != d && owned(x)) {
			continue
		}
		visited[x.Path] = true
		pkg := readGoPackage(x)
		for _, f := range x.Files {
			if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
				files = append(files, x.Rel(f))
			}
		}
		for _, imp := range pkg.Imports {
			imp.File = x.Rel(imp.File)
			imports = append(imports, imp)
			for modPath, modDir := range mods {
				if imp.Path == modPath || strings.HasPrefix(imp.Path, modPath+"/") {
					if sub := repo.Dir(join(modDir, strings.TrimPrefix(strings.TrimPrefix(imp.Path, modPath), "/"))); sub != nil {
						queue = append(queue, sub)
					}
				}
			}
		}
	}
	sort.Strings(files)

	s.BackingServices = goImportedBacking(s.BackingServices, imports)
	if s.Framework == "" || s.Framework == "net-http" {
		if fw, imp := goBestFramework(imports); fw != "" && fw != s.Framework {
			kept := s.Evidence[:0]
			for _, e := range s.Evidence {
				if e.Field != "framework" {
					kept = append(kept, e)
				}
			}
			s.Evidence = kept
			s.Framework = fw
			s.Evidence = append(s.Evidence, Evidence{Field: "framework", File: imp.File, Line: imp.Line, Reason: "imports " + imp.Path})
		}
	}

	seen := map[string]bool{}
	listen := Evidence{}
	for _, rel := range files {
		data, err := repo.readSource(rel)
		if err != nil {
			continue
		}
		for _, re := range goEnvPatterns {
			for _, m := range FindAll(data, re) {
				if plausibleEnvName(m.Value) && !seen[m.Value] {
					seen[m.Value] = true
					s.Env = append(s.Env, m.Value)
				}
			}
		}
		if listen.File == "" {
			loc := goListenRE.FindIndex(data)
			if loc == nil && (s.Framework == "gin" || s.Framework == "echo" || s.Framework == "fiber") {
				loc = goFrameworkListenRE.FindIndex(data)
			}
			if loc != nil {
				listen = Evidence{Field: "kind", File: rel, Line: LineOf(data, loc[0]), Reason: "serves HTTP: " + strings.TrimSpace(string(data[loc[0]:loc[1]]))}
			}
		}
		if s.Port == 0 {
			for _, re := range goPortPatterns {
				if ms := FindAll(data, re); len(ms) > 0 {
					if p, err := strconv.Atoi(ms[0].Value); err == nil && p > 0 && p < 65536 {
						s.Port = p
						s.Evidence = append(s.Evidence, Evidence{Field: "port", File: rel, Line: ms[0].Line, Reason: "port " + ms[0].Value + " in the code"})
						break
					}
				}
			}
		}
	}
	if listen.File == "" {
		s.Kind = KindWorker
		s.Port = 0
		s.Evidence = append(s.Evidence, Evidence{Field: "kind", File: d.Path, Reason: "no HTTP listener in the main package or the packages it imports; runs as a worker"})
		if s.Framework == "net-http" {
			s.Framework = ""
		}
		return
	}
	s.Kind = KindWeb
	s.Evidence = append(s.Evidence, listen)
	if s.Framework == "" {
		s.Framework = "net-http"
	}
	if s.Port == 0 {
		s.Port = 8080
		s.Evidence = append(s.Evidence, Evidence{Field: "port", File: listen.File, Line: listen.Line, Reason: "no port literal found; 8080 assumed (set PORT)"})
	}
}

// goModuleDirs maps the module paths visible from d (its own module and,
// in a workspace, every used module) to their folders.
func goModuleDirs(d *Dir) map[string]string {
	out := map[string]string{}
	var mod *Dir
	for x := d; x != nil; x = x.Parent() {
		if x.Has("go.mod") {
			mod = x
			break
		}
	}
	if mod == nil {
		return out
	}
	add := func(m *Dir) {
		data, err := m.Read("go.mod")
		if err != nil {
			return
		}
		info, _ := parseGoMod(m.Rel("go.mod"), data)
		if info != nil && info.Module != "" {
			out[info.Module] = m.Path
		}
	}
	add(mod)
	if ctx, w := goEnclosingWorkspace(mod); w != nil {
		for _, u := range w.Uses {
			if m := ctx.Sub(u.Dir); m != nil && m.Has("go.mod") {
				add(m)
			} else if u.Dir == "." && ctx.Has("go.mod") {
				add(ctx)
			}
		}
	}
	return out
}

// goImportedBacking keeps the backing services whose go.mod requirement is
// imported by the main package or a module package it reaches: a module
// with an API and a worker should not give the worker the API's database.
func goImportedBacking(in []Backing, imports []goImport) []Backing {
	out := []Backing{}
	for _, b := range in {
		_, dep, ok := strings.Cut(b.Evidence, ": dependency ")
		if !ok {
			out = append(out, b)
			continue
		}
		for _, imp := range imports {
			if imp.Path == dep || strings.HasPrefix(imp.Path, dep+"/") {
				out = append(out, b)
				break
			}
		}
	}
	return out
}
