package detect

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// nodeDetector recognises Node.js (and Bun) apps from package.json, and the
// application projects of Nx workspaces from project.json.
//
// Strengths: Strong for a known framework dependency, a start script or an
// Nx application project; Medium for a conventional entry file (server.js,
// index.js, ...) that starts a server; Weak for a package.json with runtime
// dependencies but nothing runnable, or a bin. A package.json that only
// holds tooling (devDependencies, scripts), a workspace root that merely
// delegates to its members and a workspace library are not claimed. When a
// manifest of another ecosystem (requirements.txt, Gemfile, composer.json,
// ...) sits beside package.json and no Node server framework is present, the
// claim is capped at Weak so the other ecosystem wins.
type nodeDetector struct{}

func (nodeDetector) Name() string { return "node" }

func (nodeDetector) Detect(d *Dir) *Claim {
	if d.Has("package.json") {
		return detectNodePackage(d)
	}
	if d.Has("project.json") {
		return detectNxProject(d)
	}
	return nil
}

// nodeApp gathers what is known about one package while it is examined.
type nodeApp struct {
	d      *Dir
	pkg    *packageJSON
	pkgDir *Dir         // folder of pkg: d, or the Nx workspace root
	ws     *jsWorkspace // the workspace d is a member of, or nil
	cmds   nodeCmds
	s      Service
}

// ev is evidence about a key of the folder's package.json.
func (a *nodeApp) ev(field, key, reason string) {
	a.s.Evidence = append(a.s.Evidence, a.pkgDir.Evidence(field, "package.json", a.pkg.line(key), reason))
}

// dropEvidence removes the evidence for a field that was decided again.
func (a *nodeApp) dropEvidence(field string) {
	kept := a.s.Evidence[:0]
	for _, e := range a.s.Evidence {
		if e.Field != field {
			kept = append(kept, e)
		}
	}
	a.s.Evidence = kept
}

func (a *nodeApp) evFile(field, file string, line int, reason string) {
	a.s.Evidence = append(a.s.Evidence, a.d.Evidence(field, file, line, reason))
}

// nodeServerFrameworks are dependencies that make a package a Node web
// server, in the order they are recognised.
var nodeServerFrameworks = []struct{ dep, slug string }{
	{"@nestjs/core", "nestjs"},
	{"fastify", "fastify"},
	{"express", "express"},
	{"koa", "koa"},
	{"hono", "hono"},
	{"@hapi/hapi", "hapi"},
}

// nodeOtherManifests mark a folder as another language's app; a
// package.json beside them is usually its asset tooling.
var nodeOtherManifests = []string{
	"requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "manage.py",
	"Gemfile", "composer.json", "go.mod", "pom.xml", "build.gradle",
	"build.gradle.kts", "Cargo.toml", "mix.exs",
}

func detectNodePackage(d *Dir) *Claim {
	pkg, err := readPackageJSON(d)
	if err != nil {
		return nil
	}
	a := &nodeApp{d: d, pkg: pkg, pkgDir: d, ws: findJSWorkspace(d)}
	a.s.Name = pkg.Name
	a.s.Language = "node"
	a.ev("language", "", "package.json of a Node.js package")
	a.detectPackageManager()
	a.cmds = nodeCmds{pm: a.s.PackageManager, name: pkg.Name}
	if a.ws != nil {
		a.cmds.ws = a.ws
		a.cmds.rel = a.ws.relTo(d)
	}
	strength := a.decide()

	own := loadJSWorkspace(d)
	switch {
	case strength == 0:
		return nil
	case own != nil && delegatesToWorkspace(pkg.Scripts["start"]):
		return nil // a workspace root that only orchestrates its members
	case a.ws != nil && strength < Medium:
		return nil // a workspace library
	}
	if other, ok := nodeOtherManifest(d); ok && !a.isServerFramework() {
		if strength > Weak {
			a.evFile("language", other, 0, "another ecosystem's manifest sits beside package.json; the Node claim is weak so that ecosystem wins")
		}
		strength = Weak
	}
	if strength == Weak && a.ws == nil && len(pkg.Dependencies) == 0 && len(pkg.Bin) == 0 {
		return nil // tooling only
	}
	a.nodeVersion()
	a.backingServices()
	a.manifests()
	return &Claim{Strength: strength, Services: []Service{a.s}}
}

func (a *nodeApp) isServerFramework() bool {
	switch a.s.Framework {
	case "", "vite", "create-react-app":
		return false
	}
	return a.s.Kind != KindStatic
}

func nodeOtherManifest(d *Dir) (string, bool) {
	if name, ok := d.HasAny(nodeOtherManifests...); ok {
		return name, true
	}
	for _, f := range d.Files {
		if strings.HasSuffix(f, ".csproj") || strings.HasSuffix(f, ".fsproj") {
			return f, true
		}
	}
	return "", false
}

var nodeDelegateRE = newPattern(`\b(turbo|nx|lerna|concurrently)\b|--filter|--workspace|\bworkspaces?\b|\s-r\b|--recursive`)

// delegatesToWorkspace reports whether a root start script only runs the
// members' scripts.
func delegatesToWorkspace(script string) bool {
	return script == "" || nodeDelegateRE.MatchString(script)
}

// decide finds the framework, kind, commands and port, and returns the
// claim strength (0 for nothing runnable).
func (a *nodeApp) decide() int {
	pkg := a.pkg
	if portFromStart := nodeScriptPort(pkg.Scripts["start"]); portFromStart > 0 {
		defer func() {
			if a.s.Kind == KindWeb {
				a.s.Port = portFromStart
				a.ev("port", "start", fmt.Sprintf("start script passes port %d", portFromStart))
			}
		}()
	}
	switch {
	case pkg.has("next"):
		return a.nextjs()
	case pkg.has("nuxt"):
		a.framework("nuxt", "nuxt", KindWeb, 3000)
		a.buildWith("nuxt build")
		a.startWith(a.cmds.node(".output/server/index.mjs"), "Nuxt's Nitro server output")
		return Strong
	case pkg.has("@sveltejs/kit"):
		return a.sveltekit()
	case pkg.has("@react-router/dev") || pkg.has("@react-router/serve"):
		return a.reactRouter()
	case nodeHasPrefixDep(pkg, "@remix-run/"):
		return a.remix()
	case pkg.has("astro"):
		return a.astro()
	}
	for _, f := range nodeServerFrameworks {
		if pkg.has(f.dep) {
			return a.server(f.slug, f.dep)
		}
	}
	if s := a.spa(); s > 0 {
		return s
	}
	return a.server("", "")
}

func nodeHasPrefixDep(pkg *packageJSON, prefix string) bool {
	for _, n := range pkg.allDepNames() {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// framework records the framework, its kind and default port.
func (a *nodeApp) framework(slug, dep, kind string, port int) {
	a.s.Framework, a.s.Kind, a.s.Port = slug, kind, port
	a.ev("framework", dep, "dependency "+dep)
	if port > 0 {
		a.ev("port", dep, fmt.Sprintf("%s listens on %d by default", slug, port))
	}
}

// buildWith sets the build command: the build script if there is one,
// otherwise the framework's own build command.
func (a *nodeApp) buildWith(fallback string) {
	if _, ok := a.pkg.Scripts["build"]; ok {
		a.s.BuildCommand = a.cmds.build()
		why := "build script"
		if a.cmds.viaTaskRunner() {
			why = "build script, run through the workspace's task runner so workspace dependencies build first"
		}
		a.ev("build_command", "build", why)
		return
	}
	if fallback != "" {
		a.s.BuildCommand = a.cmds.exec(fallback)
		a.ev("build_command", "scripts", "no build script; the framework's build command")
	}
}

// startWith sets the start command: the start script if there is one,
// otherwise cmd.
func (a *nodeApp) startWith(cmd, why string) {
	if _, ok := a.pkg.Scripts["start"]; ok {
		a.startScript()
		return
	}
	a.s.StartCommand = cmd
	a.ev("start_command", "scripts", "no start script; "+why)
}

// nodePlainStartRE is a start script that only runs one file with node.
var nodePlainStartRE = newPattern(`^node\s+([\w./-]+\.[cm]?js)$`)

// startScript starts the app with its start script. A script that only runs
// `node <file>` is run directly instead: then node is the container's
// first process and receives its stop signal, which npm does not forward.
func (a *nodeApp) startScript() {
	script := strings.TrimSpace(a.pkg.Scripts["start"])
	if m := nodePlainStartRE.FindStringSubmatch(script); m != nil && a.cmds.pm != "bun" {
		a.s.StartCommand = a.cmds.node(m[1])
		a.ev("start_command", "start", "start script runs "+script+"; run directly so node gets the stop signal")
		return
	}
	a.s.StartCommand = a.cmds.run("start")
	a.ev("start_command", "start", "start script")
}

var nodeNextOutputRE = newPattern(`\boutput\s*:\s*['"](export|standalone)['"]`)

func (a *nodeApp) nextjs() int {
	a.framework("nextjs", "next", KindWeb, 3000)
	a.buildWith("next build")
	if name, data, ok := nodeReadFirst(a.d, "next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs", "next.config.mts"); ok {
		if m := nodeNextOutputRE.FindSubmatchIndex(data); m != nil {
			line := LineOf(data, m[0])
			switch string(data[m[2]:m[3]]) {
			case "export":
				a.s.Kind, a.s.Port, a.s.Build.OutputDir = KindStatic, 0, "out"
				a.dropEvidence("port")
				a.evFile("kind", name, line, "output: 'export' builds a static site into out/")
				return Strong
			case "standalone":
				a.s.Build.Entrypoint = "standalone"
				a.evFile("build", name, line, "output: 'standalone' writes a self-contained server to .next/standalone")
			}
		}
	}
	a.startWith(a.cmds.exec("next start"), "next start serves the production build")
	return Strong
}

var nodeSvelteOutRE = newPattern(`\bpages\s*:\s*['"]([^'"]+)['"]`)

func (a *nodeApp) sveltekit() int {
	pkg := a.pkg
	switch {
	case pkg.has("@sveltejs/adapter-static"):
		a.framework("sveltekit", "@sveltejs/kit", KindStatic, 0)
		a.ev("kind", "@sveltejs/adapter-static", "adapter-static prerenders the site to files")
		a.s.Build.OutputDir = "build"
		if name, data, ok := nodeReadFirst(a.d, "svelte.config.js", "svelte.config.mjs", "svelte.config.ts"); ok {
			if m := FindAll(data, nodeSvelteOutRE); len(m) > 0 {
				a.s.Build.OutputDir = path.Clean(m[0].Value)
				a.evFile("build", name, m[0].Line, "adapter-static pages folder "+m[0].Value)
			}
		}
		a.buildWith("vite build")
		return Strong
	case pkg.has("@sveltejs/adapter-node"):
		a.framework("sveltekit", "@sveltejs/kit", KindWeb, 3000)
		a.ev("start_command", "@sveltejs/adapter-node", "adapter-node builds a Node server into build/")
	default:
		a.framework("sveltekit", "@sveltejs/kit", KindWeb, 3000)
		a.ev("start_command", "@sveltejs/kit", "no @sveltejs/adapter-node dependency: the container needs adapter-node to produce build/index.js")
	}
	a.buildWith("vite build")
	a.startWith(a.cmds.node("build"), "adapter-node's server is build/index.js")
	return Strong
}

var nodeSSRFalseRE = newPattern(`\bssr\s*:\s*false\b`)

func (a *nodeApp) reactRouter() int {
	dep, _ := a.pkg.hasAny("@react-router/dev", "@react-router/serve")
	if name, data, ok := nodeReadFirst(a.d, "react-router.config.ts", "react-router.config.js", "react-router.config.mjs"); ok {
		if m := nodeSSRFalseRE.FindIndex(data); m != nil {
			a.framework("react-router", dep, KindStatic, 0)
			a.s.Build.OutputDir = "build/client"
			a.evFile("kind", name, LineOf(data, m[0]), "ssr: false builds a static single-page app into build/client")
			a.buildWith("react-router build")
			return Strong
		}
	}
	a.framework("react-router", dep, KindWeb, 3000)
	a.buildWith("react-router build")
	a.startWith(a.cmds.exec("react-router-serve ./build/server/index.js"), "react-router-serve runs the server build")
	return Strong
}

func (a *nodeApp) remix() int {
	dep, ok := a.pkg.hasAny("@remix-run/serve", "@remix-run/node", "@remix-run/dev", "@remix-run/react")
	if !ok {
		dep = "@remix-run/react"
	}
	a.framework("remix", dep, KindWeb, 3000)
	entry := "./build/index.js"
	if _, ok := a.d.HasAny("vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts"); ok {
		entry = "./build/server/index.js"
	}
	a.buildWith("remix build")
	a.startWith(a.cmds.exec("remix-serve "+entry), "remix-serve runs the server build")
	return Strong
}

func (a *nodeApp) astro() int {
	if a.pkg.has("@astrojs/node") {
		a.framework("astro", "astro", KindWeb, 4321)
		a.ev("kind", "@astrojs/node", "@astrojs/node adapter builds a server")
		a.buildWith("astro build")
		a.startWith(a.cmds.node("./dist/server/entry.mjs"), "the @astrojs/node standalone server entry")
		return Strong
	}
	a.framework("astro", "astro", KindStatic, 0)
	a.s.Build.OutputDir = "dist"
	a.ev("kind", "astro", "no server adapter: astro build writes a static site to dist/")
	a.buildWith("astro build")
	return Strong
}

var nodeViteOutDirRE = newPattern(`\boutDir\s*:\s*['"]([^'"]+)['"]`)

// spa recognises a client-only single-page app: Vite with a UI library and
// an index.html, or Create React App.
func (a *nodeApp) spa() int {
	pkg := a.pkg
	if pkg.has("react-scripts") && a.d.Sub("public") != nil && a.d.Sub("public").Has("index.html") {
		a.framework("create-react-app", "react-scripts", KindStatic, 0)
		a.s.Build.OutputDir = "build"
		a.buildWith("react-scripts build")
		return Strong
	}
	if !pkg.has("vite") || !a.d.Has("index.html") {
		return 0
	}
	ui, ok := pkg.hasAny("react", "vue", "svelte", "preact", "solid-js", "lit")
	if !ok {
		return 0
	}
	a.framework("vite", "vite", KindStatic, 0)
	a.ev("kind", ui, "vite + "+ui+" with index.html and no server framework: a static single-page app")
	a.s.Build.OutputDir = "dist"
	if name, data, ok := nodeReadFirst(a.d, "vite.config.ts", "vite.config.js", "vite.config.mjs", "vite.config.mts"); ok {
		if m := FindAll(data, nodeViteOutDirRE); len(m) > 0 {
			a.s.Build.OutputDir = path.Clean(m[0].Value)
			a.evFile("build", name, m[0].Line, "build.outDir "+m[0].Value)
		}
	}
	a.buildWith("vite build")
	return Strong
}

// nodeEntryCandidates are conventional entry files, in preference order.
var nodeEntryCandidates = []string{
	"server.js", "server.mjs", "server.cjs", "app.js", "app.mjs", "index.js", "index.mjs", "index.cjs", "main.js", "main.mjs",
	"src/server.js", "src/server.mjs", "src/app.js", "src/index.js", "src/index.mjs", "src/main.js",
	"server.ts", "app.ts", "index.ts", "main.ts",
	"src/server.ts", "src/app.ts", "src/index.ts", "src/main.ts",
}

// nodeServerCodeRE is code that starts an HTTP server.
var nodeServerCodeRE = newPattern(`\bcreateServer\s*\(|\.listen\s*\(|\bBun\.serve\s*\(|\bserve\s*\(\s*\{|export\s+default\s*\{[^}]*\bfetch\b`)

// server handles Node server frameworks (slug non-empty) and plain Node
// apps: a start script, the main file, or a conventional entry file.
func (a *nodeApp) server(slug, dep string) int {
	pkg := a.pkg
	strength := Strong
	if slug != "" {
		a.framework(slug, dep, KindWeb, 0) // the port comes from the code in Enrich
	}
	if slug == "nestjs" {
		a.buildWith("nest build")
		if _, ok := pkg.Scripts["start:prod"]; ok {
			a.s.StartCommand = a.cmds.run("start:prod")
			a.ev("start_command", "start:prod", "start:prod script (nest start compiles on every start)")
		} else {
			a.s.StartCommand = a.cmds.node("dist/main")
			a.ev("start_command", "@nestjs/core", "nest build writes the app to dist/main.js")
		}
		return Strong
	}
	if _, ok := pkg.Scripts["build"]; ok {
		a.buildWith("")
	}
	if _, ok := pkg.Scripts["start"]; ok {
		a.startScript()
		if slug == "" {
			a.ev("language", "start", "package.json with a start script")
		}
		return Strong
	}
	entry, line, why := a.entryFile()
	if entry == "" {
		if len(pkg.Bin) > 0 {
			names := jsSortedKeys(pkg.Bin)
			a.s.StartCommand = a.cmds.node(pkg.Bin[names[0]])
			a.s.Kind = KindWorker
			a.ev("start_command", "bin", "the package's bin "+pkg.Bin[names[0]])
			if slug == "" {
				return Weak
			}
			return Strong
		}
		if slug != "" {
			a.ev("start_command", dep, "no start script or entry file found")
			return Strong
		}
		a.ev("language", "dependencies", "package.json without a start script, entry file or framework")
		return Weak
	}
	a.s.StartCommand = a.cmds.node(a.runnable(entry))
	if why == "main field" {
		a.ev("start_command", "main", "main field "+entry)
	} else {
		a.evFile("start_command", entry, line, why)
	}
	if slug != "" {
		return Strong
	}
	data, err := a.d.Read(entry)
	if err != nil {
		return Weak
	}
	if m := nodeServerCodeRE.FindIndex(data); m != nil {
		a.s.Kind = KindWeb
		a.evFile("kind", entry, LineOf(data, m[0]), "the entry file starts an HTTP server")
		if why != "main field" {
			strength = Medium
		}
		return strength
	}
	return Weak
}

// entryFile returns the app's entry file: package.json main when it exists,
// else the first conventional entry file.
func (a *nodeApp) entryFile() (file string, line int, why string) {
	if m := path.Clean(a.pkg.Main); a.pkg.Main != "" && !strings.HasPrefix(m, "../") {
		if a.fileExists(m) {
			return m, 0, "main field"
		}
	}
	for _, c := range nodeEntryCandidates {
		if a.fileExists(c) {
			return c, 0, "conventional entry file " + c
		}
	}
	return "", 0, ""
}

func (a *nodeApp) fileExists(rel string) bool {
	dir, file := path.Split(rel)
	d := a.d
	if dir != "" {
		d = a.d.Sub(strings.TrimSuffix(dir, "/"))
	}
	return d != nil && d.Has(file)
}

var nodeTSOutDirRE = newPattern(`"outDir"\s*:\s*"([^"]+)"`)

// runnable maps a TypeScript entry to what runs in the container: Bun runs
// it directly; Node runs the compiled file in tsconfig's outDir.
func (a *nodeApp) runnable(entry string) string {
	ext := path.Ext(entry)
	if ext != ".ts" && ext != ".mts" || a.s.PackageManager == "bun" {
		return entry
	}
	out := "dist"
	if data, err := a.d.Read("tsconfig.json"); err == nil {
		if m := FindAll(data, nodeTSOutDirRE); len(m) > 0 {
			out = strings.TrimPrefix(path.Clean(m[0].Value), "./")
		}
	}
	base := strings.TrimPrefix(entry, "src/")
	compiled := path.Join(out, strings.TrimSuffix(base, ext)+".js")
	a.evFile("start_command", entry, 0, "TypeScript entry; runs the compiled "+compiled)
	return compiled
}

// nodeScriptPortRE finds "-p 4000", "--port 4000" or "--port=4000" in a script.
var nodeScriptPortRE = newPattern(`(?:^|\s)(?:-p|--port)[ =](\d{2,5})\b`)

func nodeScriptPort(script string) int {
	m := nodeScriptPortRE.FindStringSubmatch(script)
	if m == nil {
		return 0
	}
	p, err := strconv.Atoi(m[1])
	if err != nil || p < 1 || p > 65535 {
		return 0
	}
	return p
}

// nodeReadFirst reads the first of the named files the folder holds.
func nodeReadFirst(d *Dir, names ...string) (string, []byte, bool) {
	for _, n := range names {
		if !d.Has(n) {
			continue
		}
		data, err := d.Read(n)
		if err == nil {
			return n, data, true
		}
	}
	return "", nil, false
}

// nodeCmds writes commands in the package manager's idiom. For a workspace
// member every command runs from the workspace root (the build context).
type nodeCmds struct {
	pm   string
	ws   *jsWorkspace
	name string // package name
	rel  string // member folder relative to the workspace root
}

// run runs a package script.
func (c nodeCmds) run(script string) string {
	if c.ws != nil {
		switch c.pm {
		case "pnpm":
			return "pnpm --filter " + c.filter() + " run " + script
		case "yarn":
			if c.name != "" {
				return "yarn workspace " + c.name + " " + script
			}
		case "bun":
			return "bun run --filter " + c.filter() + " " + script
		}
		return "npm run " + script + " --workspace " + c.rel
	}
	switch c.pm {
	case "yarn":
		return "yarn " + script
	case "pnpm":
		return "pnpm run " + script
	case "bun":
		return "bun run " + script
	}
	if script == "start" {
		return "npm start"
	}
	return "npm run " + script
}

func (c nodeCmds) filter() string {
	if c.name != "" {
		return c.name
	}
	return "./" + c.rel
}

// exec runs a binary installed by the package manager.
func (c nodeCmds) exec(args string) string {
	if c.ws != nil {
		switch c.pm {
		case "pnpm":
			return "pnpm --filter " + c.filter() + " exec " + args
		case "yarn":
			if c.name != "" {
				return "yarn workspace " + c.name + " " + args
			}
		case "bun":
			return "bun run --cwd " + c.rel + " " + args
		}
		return "npm exec --workspace " + c.rel + " -- " + args
	}
	switch c.pm {
	case "yarn":
		return "yarn " + args
	case "pnpm":
		return "pnpm exec " + args
	case "bun":
		return "bunx " + args
	}
	return "npx " + args
}

// node runs a file of the package with the runtime (Bun for Bun projects).
func (c nodeCmds) node(file string) string {
	if c.ws != nil && c.rel != "." {
		file = path.Join(c.rel, file)
	}
	if c.pm == "bun" {
		return "bun run " + file
	}
	return "node " + file
}

// build builds the package: through turbo or nx for a member of such a
// workspace (so workspace dependencies are built first), else its script.
func (c nodeCmds) build() string {
	if c.viaTaskRunner() {
		if c.ws.turbo {
			return c.rootExec("turbo run build --filter=" + c.name)
		}
		if c.ws.nx {
			return c.rootExec("nx run " + c.name + ":build")
		}
	}
	return c.run("build")
}

// viaTaskRunner reports whether builds go through turbo or nx.
func (c nodeCmds) viaTaskRunner() bool {
	return c.ws != nil && c.name != "" && (c.ws.turbo || c.ws.nx)
}

// rootExec runs a binary installed at the workspace root.
func (c nodeCmds) rootExec(args string) string {
	switch c.pm {
	case "yarn":
		return "yarn " + args
	case "pnpm":
		return "pnpm exec " + args
	case "bun":
		return "bunx " + args
	}
	return "npx " + args
}
