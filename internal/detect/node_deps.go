package detect

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// nodeLockfiles maps lockfiles to their package manager, in the order they
// are looked for (a stray package-lock.json beside yarn.lock is common).
var nodeLockfiles = []struct{ file, pm string }{
	{"pnpm-lock.yaml", "pnpm"},
	{"bun.lock", "bun"},
	{"bun.lockb", "bun"},
	{"yarn.lock", "yarn"},
	{"package-lock.json", "npm"},
	{"npm-shrinkwrap.json", "npm"},
}

var packageManagerRE = newPattern(`^(npm|yarn|pnpm|bun)@(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?)(?:\+.*)?$`)

// parsePackageManagerField splits package.json's packageManager field
// ("pnpm@9.1.0+sha512.abc") into the manager and its version.
func parsePackageManagerField(v string) (pm, version string, ok bool) {
	m := packageManagerRE.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// lockfileIn returns the first lockfile of the folder and its manager.
func lockfileIn(d *Dir) (file, pm string) {
	for _, l := range nodeLockfiles {
		if d.Has(l.file) {
			return l.file, l.pm
		}
	}
	return "", ""
}

var (
	yarnPathRE     = newPattern(`(?m)^yarnPath:\s*["']?[^\n"']*yarn-(\d+\.\d+\.\d+)\.c?js`)
	yarnMetadataRE = newPattern(`(?m)^__metadata:\s*\n\s+version:\s*(\d+)`)
)

// yarnBerryMajorByLockVersion maps the __metadata version a yarn berry lockfile
// carries to the yarn major that writes it.
var yarnBerryMajorByLockVersion = map[string]string{"4": "2", "6": "3", "8": "4"}

// yarnFlavour tells yarn classic from berry for the folder holding yarn.lock
// and returns a version (classic "1", berry's pinned or inferred version)
// with the reason.
func yarnFlavour(d *Dir) (version, file, reason string) {
	if d.Has(".yarnrc.yml") {
		if data, err := d.Read(".yarnrc.yml"); err == nil {
			if m := yarnPathRE.FindSubmatch(data); m != nil {
				return string(m[1]), ".yarnrc.yml", "yarn berry; yarnPath pins yarn " + string(m[1])
			}
		}
	}
	if d.Has("yarn.lock") {
		if data, err := d.Read("yarn.lock"); err == nil {
			if m := yarnMetadataRE.FindSubmatch(data); m != nil {
				if major, ok := yarnBerryMajorByLockVersion[string(m[1])]; ok {
					return major, "yarn.lock", fmt.Sprintf("yarn berry lockfile (__metadata version %s is written by yarn %s)", m[1], major)
				}
				return "4", "yarn.lock", "yarn berry lockfile (__metadata:); version not pinned, assuming yarn 4"
			}
			if bytes.Contains(data, []byte("__metadata:")) {
				return "4", "yarn.lock", "yarn berry lockfile (__metadata:); version not pinned, assuming yarn 4"
			}
		}
	}
	if d.Has(".yarnrc.yml") {
		return "4", ".yarnrc.yml", "yarn berry (.yarnrc.yml); version not pinned, assuming yarn 4"
	}
	return "1", "yarn.lock", "yarn classic lockfile (v1)"
}

// detectPackageManager sets the package manager and its version: the
// packageManager field first (the package's, then the workspace root's),
// then lockfiles (the package's folder, then the workspace root), then a
// pnpm-workspace.yaml; npm by default.
func (a *nodeApp) detectPackageManager() {
	set := func(pm, version string, ev Evidence) {
		a.s.PackageManager, a.s.Build.PackageManagerVersion = pm, version
		a.s.Evidence = append(a.s.Evidence, ev)
	}
	type source struct {
		dir *Dir
		pkg *packageJSON
	}
	sources := []source{{a.pkgDir, a.pkg}}
	if a.ws != nil && a.ws.root != a.pkgDir {
		sources = append(sources, source{a.ws.root, a.ws.pkg})
	}
	for _, src := range sources {
		if src.pkg == nil || src.pkg.PackageManager == "" {
			continue
		}
		if pm, ver, ok := parsePackageManagerField(src.pkg.PackageManager); ok {
			set(pm, ver, src.dir.Evidence("package_manager", "package.json", src.pkg.line("packageManager"), "packageManager "+pm+"@"+ver))
			if pm == "yarn" && !strings.HasPrefix(ver, "1.") && ver != "1" {
				a.s.Evidence = append(a.s.Evidence, src.dir.Evidence("package_manager", "package.json", src.pkg.line("packageManager"), "yarn "+ver+" is yarn berry"))
			}
			return
		}
		src.dir.Repo().Note(Note{File: src.dir.Rel("package.json"), Line: src.pkg.line("packageManager"),
			Reason: fmt.Sprintf("packageManager %q is not <npm|yarn|pnpm|bun>@<version>; ignored", src.pkg.PackageManager)})
	}
	for _, src := range sources {
		file, pm := lockfileIn(src.dir)
		if file == "" {
			continue
		}
		if pm == "yarn" {
			ver, vf, why := yarnFlavour(src.dir)
			set(pm, ver, src.dir.Evidence("package_manager", vf, 0, why))
			return
		}
		set(pm, "", src.dir.Evidence("package_manager", file, 0, "lockfile "+file))
		return
	}
	if a.ws != nil && a.ws.pnpm {
		set("pnpm", "", a.ws.root.Evidence("package_manager", a.ws.source, 0, "pnpm workspace file"))
		return
	}
	set("npm", "", a.pkgDir.Evidence("package_manager", "package.json", 0, "no packageManager field or lockfile; npm by default"))
}

// nodeVersion sets the Node version from, in order: .nvmrc, .node-version
// or .tool-versions in the folder or the nearest folder above it; volta's
// pin; engines.node (the package's, then the workspace root's); else the
// default LTS.
func (a *nodeApp) nodeVersion() {
	set := func(v string, ev Evidence) {
		a.s.LanguageVersion = v
		a.s.Evidence = append(a.s.Evidence, ev)
	}
	for p := a.d; p != nil; p = p.Parent() {
		for _, f := range []string{".nvmrc", ".node-version"} {
			if !p.Has(f) {
				continue
			}
			if data, err := p.Read(f); err == nil {
				if v, why := parseNodeVersionPin(string(data)); v != "" {
					set(v, p.Evidence("language_version", f, 1, f+" "+why))
					return
				}
			}
		}
		if p.Has(".tool-versions") {
			if data, err := p.Read(".tool-versions"); err == nil {
				if raw, line := toolVersionsNode(data); raw != "" {
					if v, why := parseNodeVersionPin(raw); v != "" {
						set(v, p.Evidence("language_version", ".tool-versions", line, ".tool-versions "+why))
						return
					}
				}
			}
		}
	}
	type source struct {
		dir *Dir
		pkg *packageJSON
	}
	sources := []source{{a.pkgDir, a.pkg}}
	if a.ws != nil && a.ws.pkg != nil && a.ws.root != a.pkgDir {
		sources = append(sources, source{a.ws.root, a.ws.pkg})
	}
	for _, src := range sources {
		if v := strings.TrimPrefix(src.pkg.VoltaNode, "v"); v != "" && isNodeVersion(v) {
			set(v, src.dir.Evidence("language_version", "package.json", src.pkg.line("volta"), "volta pins Node "+v))
			return
		}
	}
	for _, src := range sources {
		rng := src.pkg.EnginesNode
		if rng == "" {
			continue
		}
		if major, ok := nodeMajorForRange(rng); ok {
			set(major, src.dir.Evidence("language_version", "package.json", src.pkg.line("engines"), fmt.Sprintf("engines.node %q allows Node %s", rng, major)))
			return
		}
		src.dir.Repo().Note(Note{File: src.dir.Rel("package.json"), Line: src.pkg.line("engines"),
			Reason: fmt.Sprintf("engines.node %q is not a version range Hoist understands; ignored", rng)})
	}
	set(defaultNodeMajor, a.pkgDir.Evidence("language_version", "package.json", 0, "nothing pins Node; the current LTS default "+defaultNodeMajor))
}

// nodeDependencyRules map npm packages to the backing services they imply.
var nodeDependencyRules = []DependencyRule{
	{Dependency: "pg", Kind: "postgres"},
	{Dependency: "postgres", Kind: "postgres"},
	{Dependency: "pg-promise", Kind: "postgres"},
	{Dependency: "@neondatabase/serverless", Kind: "postgres"},
	{Dependency: "@vercel/postgres", Kind: "postgres"},
	{Dependency: "mysql", Kind: "mysql"},
	{Dependency: "mysql2", Kind: "mysql"},
	{Dependency: "redis", Kind: "redis"},
	{Dependency: "ioredis", Kind: "redis"},
	{Dependency: "@redis/client", Kind: "redis"},
	{Dependency: "connect-redis", Kind: "redis"},
	{Dependency: "bullmq", Kind: "redis"},
	{Dependency: "bull", Kind: "redis"},
	{Dependency: "bee-queue", Kind: "redis"},
	{Dependency: "mongodb", Kind: "mongodb"},
	{Dependency: "mongoose", Kind: "mongodb"},
	{Dependency: "@aws-sdk/client-s3", Kind: "s3"},
	{Dependency: "@aws-sdk/client-sqs", Kind: "sqs"},
	{Dependency: "@aws-sdk/client-sns", Kind: "sns"},
	{Dependency: "@aws-sdk/client-dynamodb", Kind: "dynamodb"},
	{Dependency: "@aws-sdk/lib-dynamodb", Kind: "dynamodb"},
}

// nodeQueueDeps are job-queue libraries whose jobs run in a worker process.
var nodeQueueDeps = []string{"bullmq", "bull", "bee-queue"}

// prismaProviders maps a Prisma datasource provider to a backing service.
var prismaProviders = map[string]string{
	"postgresql": "postgres", "postgres": "postgres", "cockroachdb": "postgres",
	"mysql": "mysql", "mongodb": "mongodb",
}

var prismaProviderRE = newPattern(`(?s)datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*"(\w+)"`)

// backingServices derives databases, caches, queues and workers from the
// runtime dependencies (the package's and its workspace packages'). A static
// site has none: nothing runs server-side.
func (a *nodeApp) backingServices() {
	if a.s.Kind == KindStatic {
		return
	}
	a.s.BackingServices = append(a.s.BackingServices, MatchDependencies(a.pkgDir.Rel("package.json"), a.pkg.depNames(), nodeDependencyRules)...)
	if a.ws != nil && a.pkgDir == a.d {
		for _, dep := range a.ws.localDeps(a.pkg) {
			if p, err := readPackageJSON(dep); err == nil {
				a.s.BackingServices = append(a.s.BackingServices, MatchDependencies(dep.Rel("package.json"), p.depNames(), nodeDependencyRules)...)
				if p.has("@prisma/client") || p.has("prisma") {
					a.prisma(dep, p)
				}
			}
		}
	}
	if a.pkg.has("@prisma/client") || a.pkg.has("prisma") {
		a.prisma(a.pkgDir, a.pkg)
	}
	if q, ok := a.pkg.hasAny(nodeQueueDeps...); ok {
		a.s.BackingServices = append(a.s.BackingServices, Backing{
			Kind: "worker", Command: a.workerCommand(), Evidence: a.pkgDir.Rel("package.json") + ": dependency " + q + " (jobs run in a worker process)",
		})
	}
}

// prismaSchemaFile returns the Prisma schema of a package folder, relative to it.
func prismaSchemaFile(d *Dir, pkg *packageJSON) string {
	if s := path.Clean(pkg.PrismaSchema); pkg.PrismaSchema != "" && !strings.HasPrefix(s, "../") {
		if dir, file := path.Split(s); (dir == "" && d.Has(file)) || (dir != "" && d.Sub(strings.TrimSuffix(dir, "/")) != nil && d.Sub(strings.TrimSuffix(dir, "/")).Has(file)) {
			return s
		}
	}
	if p := d.Sub("prisma"); p != nil && p.Has("schema.prisma") {
		return "prisma/schema.prisma"
	}
	if d.Has("schema.prisma") {
		return "schema.prisma"
	}
	return ""
}

// prisma reads the datasource provider of the package's Prisma schema.
func (a *nodeApp) prisma(d *Dir, pkg *packageJSON) {
	schema := prismaSchemaFile(d, pkg)
	if schema == "" {
		return
	}
	data, err := d.Repo().Read(d.Rel(schema))
	if err != nil {
		return
	}
	m := prismaProviderRE.FindSubmatch(data)
	if m == nil {
		return
	}
	if kind, ok := prismaProviders[string(m[1])]; ok {
		a.s.BackingServices = append(a.s.BackingServices, Backing{Kind: kind, Evidence: fmt.Sprintf("%s: datasource provider %q", d.Rel(schema), m[1])})
	}
}

// nodeWorkerFiles are conventional worker entry files.
var nodeWorkerFiles = []string{"worker.js", "worker.mjs", "src/worker.js", "src/worker.mjs", "worker.ts", "src/worker.ts", "src/workers/index.ts", "src/workers/index.js"}

// workerCommand returns the command that starts the queue worker: a script
// named "worker" (or containing "worker"), else a conventional worker file.
func (a *nodeApp) workerCommand() string {
	if _, ok := a.pkg.Scripts["worker"]; ok {
		return a.cmds.run("worker")
	}
	for _, name := range jsSortedKeys(a.pkg.Scripts) {
		if strings.Contains(name, "worker") && !strings.Contains(name, "dev") {
			return a.cmds.run(name)
		}
	}
	for _, f := range nodeWorkerFiles {
		if a.fileExists(f) {
			return a.cmds.node(a.runnableQuiet(f))
		}
	}
	return ""
}

// runnableQuiet is runnable without recording evidence.
func (a *nodeApp) runnableQuiet(entry string) string {
	n := len(a.s.Evidence)
	out := a.runnable(entry)
	a.s.Evidence = a.s.Evidence[:n]
	return out
}

// nodeConfigFiles are install configuration files copied with the manifests.
var nodeConfigFiles = []string{".npmrc", ".yarnrc.yml", ".yarnrc", "bunfig.toml"}

// manifests sets the build context and the files a Dockerfile copies before
// the source: package.json, lockfile, install configuration and the Prisma
// schema (its postinstall generate step needs it); for a workspace member
// the root's files, the member's package.json and those of the workspace
// packages it depends on, all relative to the workspace root.
func (a *nodeApp) manifests() {
	ctx := a.d
	if a.ws != nil {
		ctx = a.ws.root
		a.s.Build.Context = ctx.Path
		a.s.Build.Workspace = ctx.Path
		a.s.Evidence = append(a.s.Evidence, a.ws.root.Evidence("build", a.ws.source, a.ws.line,
			"workspace member; built from the workspace root "+ctx.Path))
	}
	var out []string
	add := func(d *Dir, file string) {
		if d == nil || !d.Has(file) {
			return
		}
		rel := jsRelPath(ctx.Path, d.Rel(file))
		for _, o := range out {
			if o == rel {
				return
			}
		}
		out = append(out, rel)
	}
	addPkg := func(d *Dir) {
		add(d, "package.json")
		for _, l := range nodeLockfiles {
			add(d, l.file)
		}
	}
	addPkg(ctx)
	if a.ws != nil {
		add(ctx, "pnpm-workspace.yaml")
		add(ctx, "pnpm-workspace.yml")
	}
	for _, f := range nodeConfigFiles {
		add(ctx, f)
	}
	if a.pkgDir == a.d {
		addPkg(a.d)
		if a.ws != nil {
			for _, dep := range a.ws.localDeps(a.pkg) {
				add(dep, "package.json")
			}
		}
	}
	if a.pkgDir == a.d && (a.pkg.has("@prisma/client") || a.pkg.has("prisma")) {
		if schema := prismaSchemaFile(a.d, a.pkg); schema != "" {
			dir, file := path.Split(schema)
			if dir == "" {
				add(a.d, file)
			} else {
				add(a.d.Sub(strings.TrimSuffix(dir, "/")), file)
			}
		}
	}
	a.s.Build.Manifests = out
}
