package artifact

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// nodePM is how one Node package manager installs dependencies.
type nodePM struct {
	name        string // npm, yarn, yarn-berry, pnpm, bun
	lockfile    string
	cache       string // BuildKit cache mount target for the download cache
	installAll  string // every dependency, for the build
	installProd string // production dependencies only, for the runtime
	corepack    bool   // provided by corepack rather than the image
}

// nodePackageManager works out the package manager and its commands.
func nodePackageManager(s detect.Service) nodePM {
	member := memberDir(s)
	pmv := s.Build.PackageManagerVersion
	switch {
	case s.PackageManager == "pnpm":
		pm := nodePM{name: "pnpm", lockfile: "pnpm-lock.yaml", cache: "/pnpm/store", corepack: true}
		frozen := ""
		if hasManifest(s, pm.lockfile) {
			frozen = " --frozen-lockfile"
		}
		pm.installAll = "pnpm install" + frozen + " --store-dir=/pnpm/store"
		pm.installProd = "pnpm install" + frozen + " --prod --store-dir=/pnpm/store"
		if member != "." {
			// Only this workspace member and the workspace packages it uses.
			pm.installProd += fmt.Sprintf(" --filter \"{%s}...\"", member)
		}
		return pm
	case s.PackageManager == "yarn-berry" || (s.PackageManager == "yarn" && (atLeast(pmv, 2) || hasManifest(s, ".yarnrc.yml"))):
		pm := nodePM{name: "yarn-berry", lockfile: "yarn.lock", cache: "/root/.yarn/berry/cache", corepack: true}
		// The node-modules linker gives the runtime image a plain
		// node_modules folder, so it needs neither Yarn nor .pnp.cjs.
		immutable := ""
		if hasManifest(s, pm.lockfile) {
			immutable = " --immutable"
		}
		pm.installAll = "YARN_NODE_LINKER=node-modules yarn install" + immutable
		pm.installProd = "YARN_NODE_LINKER=node-modules yarn workspaces focus --all --production"
		return pm
	case s.PackageManager == "yarn":
		pm := nodePM{name: "yarn", lockfile: "yarn.lock", cache: "/usr/local/share/.cache/yarn", corepack: true}
		frozen := ""
		if hasManifest(s, pm.lockfile) {
			frozen = " --frozen-lockfile"
		}
		pm.installAll = "yarn install" + frozen
		pm.installProd = "yarn install" + frozen + " --production"
		return pm
	case s.PackageManager == "bun":
		pm := nodePM{name: "bun", lockfile: "bun.lock", cache: "/root/.bun/install/cache"}
		frozen := ""
		if hasManifest(s, "bun.lock") || hasManifest(s, "bun.lockb") {
			frozen = " --frozen-lockfile"
		}
		pm.installAll = "bun install" + frozen
		pm.installProd = "bun install" + frozen + " --production"
		return pm
	}
	pm := nodePM{name: "npm", lockfile: "package-lock.json", cache: "/root/.npm"}
	if hasManifest(s, "package-lock.json") || hasManifest(s, "npm-shrinkwrap.json") {
		pm.installAll = "npm ci --no-audit --no-fund"
		pm.installProd = "npm ci --no-audit --no-fund --omit=dev"
	} else {
		pm.installAll = "npm install --no-audit --no-fund"
		pm.installProd = "npm install --no-audit --no-fund --omit=dev"
	}
	if member != "." {
		pm.installProd += " --workspace=" + member + " --include-workspace-root"
	}
	return pm
}

// runScript is how the package manager runs a package.json script.
func (pm nodePM) runScript(script string) []string {
	switch pm.name {
	case "pnpm":
		return []string{"pnpm", "run", script}
	case "yarn", "yarn-berry":
		return []string{"yarn", "run", script}
	case "bun":
		return []string{"bun", "run", script}
	}
	return []string{"npm", "run", script}
}

func nodeDockerfile(s detect.Service) (*dockerfile, error) {
	pm := nodePackageManager(s)
	if pm.name == "bun" {
		return bunDockerfile(s, pm)
	}
	ver := major(s.LanguageVersion, "22")
	image := "node:" + ver + "-bookworm-slim"
	port := listenPort(s, 3000)
	member := memberDir(s)
	manifests := manifestsOr(s, "package.json")

	summary := "Node.js " + ver + ", " + pm.name
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	if s.Build.Workspace != "" {
		summary += ", workspace member " + member
	}
	d := newDockerfile(s, summary)

	d.stage("the Node runtime plus the package manager.", image, "base")
	d.line("WORKDIR /app")
	if pm.corepack {
		tool := strings.TrimSuffix(pm.name, "-berry")
		d.comment("Corepack provides " + tool + " at the version pinned in package.json's packageManager field.")
		d.line("ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_HOME=/usr/local/share/corepack")
		prepare := tool
		if v := s.Build.PackageManagerVersion; v != "" && len(versionParts(v)) > 0 {
			prepare += "@" + strings.Join(versionParts(v), ".")
		}
		if atLeast(ver, 25) {
			d.comment("Node 25 no longer bundles corepack.")
			d.line("RUN npm install --global corepack@0.34.0 && corepack enable %s && corepack prepare %s --activate", tool, prepare)
		} else {
			d.line("RUN corepack enable %s && corepack prepare %s --activate", tool, prepare)
		}
	}

	jsStages(d, s, pm, manifests, port, "every dependency, including the dev ones the build needs.\nOnly the manifests are copied, so editing code does not reinstall them.")
	d.comment("Binaries of dependencies (next, nest, ...) are found without npx.")
	bins := "/app/node_modules/.bin"
	if member != "." {
		bins = appDir(s) + "/node_modules/.bin:" + bins
	}
	d.line("ENV PATH=%s:$PATH", bins)
	d.line("COPY --from=prod-deps /app ./")
	if s.BuildCommand != "" {
		d.comment("The built app, without the build stage's dev dependencies.")
		d.line("COPY --from=build --exclude=**/node_modules /app ./")
	} else {
		d.line("COPY . .")
	}
	if member != "." {
		d.line("WORKDIR %s", appDir(s))
	}
	d.comment("The node user (uid 1000) comes with the image; the code stays owned by root,\nso the process cannot rewrite it.")
	d.user("node")
	d.expose(s, port)
	d.healthcheck(s, []string{"node", "-e", tcpProbeJS(port)})
	d.cmd(nodeStart(s, pm))
	return d, nil
}

// nodeStart is the start command, in exec form.
func nodeStart(s detect.Service, pm nodePM) []string {
	if s.StartCommand == "" {
		return pm.runScript("start")
	}
	args := execForm(s.StartCommand)
	// Detection writes a workspace member's commands from the workspace
	// root (node apps/api/dist/index.js, node dist/apps/api/main.js); the
	// runtime stage runs from the member's folder, so the file node runs is
	// made relative to it.
	if member := memberDir(s); member != "." && len(args) >= 2 && (args[0] == "node" || args[0] == "bun") &&
		!strings.HasPrefix(args[1], "-") && !path.IsAbs(args[1]) {
		if rel, err := filepath.Rel(member, args[1]); err == nil {
			args[1] = filepath.ToSlash(rel)
		}
	}
	return args
}

// tcpProbeJS is a one-line JavaScript TCP probe (no curl in slim images).
func tcpProbeJS(port int) string {
	return fmt.Sprintf("require('net').connect(%d,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))", port)
}

// bunDockerfile renders a Bun service: Bun is both the package manager and
// the runtime, and its image has a non-root "bun" user.
func bunDockerfile(s detect.Service, pm nodePM) (*dockerfile, error) {
	ver := major(s.Build.PackageManagerVersion, "1")
	if mm := majorMinor(s.Build.PackageManagerVersion, ""); mm != "" {
		ver = mm
	}
	image := "oven/bun:" + ver + "-slim"
	port := listenPort(s, 3000)
	member := memberDir(s)
	manifests := manifestsOr(s, "package.json")

	d := newDockerfile(s, "Bun "+ver)
	d.stage("Bun is the runtime and the package manager.", image, "base")
	d.line("WORKDIR /app")

	jsStages(d, s, pm, manifests, port, "every dependency, including the dev ones the build needs.")
	d.line("COPY --from=prod-deps /app ./")
	if s.BuildCommand != "" {
		d.line("COPY --from=build --exclude=**/node_modules /app ./")
	} else {
		d.line("COPY . .")
	}
	if member != "." {
		d.line("WORKDIR %s", appDir(s))
	}
	d.comment("The bun user comes with the image.")
	d.user("bun")
	d.expose(s, port)
	d.healthcheck(s, []string{"bun", "-e", tcpProbeJS(port)})
	d.cmd(nodeStart(s, pm))
	return d, nil
}

// jsStages writes the stages Node and Bun services share: all dependencies
// and the build (when there is a build command), production dependencies,
// and the start of the runtime stage with its environment.
func jsStages(d *dockerfile, s detect.Service, pm nodePM, manifests []string, port int, depsNote string) {
	if s.BuildCommand != "" {
		d.stage(depsNote, "base", "deps")
		d.copyManifests(manifests)
		d.line("RUN --mount=type=cache,target=%s %s", pm.cache, pm.installAll)
		d.stage("compiles the app.", "deps", "build")
		d.line("COPY . .")
		if member := memberDir(s); member != "." {
			d.line("WORKDIR %s", appDir(s))
		}
		d.line("RUN %s", s.BuildCommand)
	}
	d.stage("production dependencies only.", "base", "prod-deps")
	d.copyManifests(manifests)
	d.line("RUN --mount=type=cache,target=%s %s", pm.cache, pm.installProd)
	d.stage("what runs in production.", "base", "runtime")
	envs := []string{"NODE_ENV=production"}
	if s.Kind != detect.KindWorker {
		envs = append(envs, fmt.Sprintf("PORT=%d", port))
	}
	d.line("ENV %s", strings.Join(envs, " "))
}
