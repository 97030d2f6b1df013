package artifact

import (
	"fmt"
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/spec"
)

// Static sites are deployed as files: the site's build command runs in CI,
// its output is synced to the site's S3 bucket and CloudFront's cache is
// invalidated. Locally (compose.yaml) each site runs the nginx Dockerfile
// Hoist writes beside it.
//
// Tools a site's build may need. Versions are pinned so that two builds of
// the same commit use the same tool; they were chosen from release notes
// known when this was written (not fetched), so bump them deliberately.
const (
	siteNodeVersion = "22"
	// hugoVersion is a Hugo release; the extended edition (SCSS) is installed
	// from the project's GitHub release and checked against its checksums.
	hugoVersion   = "0.145.0"
	mkdocsVersion = "1.6.1"
	jekyllVersion = "4.3.4"
	// Language runtimes for MkDocs and Jekyll sites (CodeBuild
	// runtime-versions, the setup actions of the workflow and the build
	// stage of the site's Dockerfile).
	//
	// siteNodeVersion, sitePythonVersion and siteRubyVersion are used as
	// they are, even when detection found another version (.ruby-version,
	// .python-version, engines): the spec's static_sites entry carries no
	// runtime, so buildspec.yml and the workflow cannot know the detected
	// one, and a site that built locally in Docker must build the same way
	// in CI. Honouring a detected version needs a runtime field in
	// spec.StaticSite first, then all three can read it.
	sitePythonVersion = "3.12"
	siteRubyVersion   = "3.3"
)

// Cache-Control of uploaded files. Fingerprinted assets change name when
// their content changes, so browsers may keep them for a year; HTML must be
// revalidated on every visit so a deployment shows at once; anything else
// (robots.txt, unfingerprinted images) is kept for five minutes.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheShort     = "public, max-age=300"
	cacheHTML      = "no-cache"
)

// nodeFingerprinted are the folders where JavaScript build tools put files
// whose names carry a content hash: Vite (assets/), Next.js (_next/static/),
// Astro (_astro/), Nuxt (_nuxt/), SvelteKit (_app/immutable/) and Create
// React App (static/js, static/css, static/media). Other generators (Hugo,
// MkDocs, Jekyll) do not fingerprint by default, so nothing of theirs gets
// the year-long cache.
var nodeFingerprinted = []string{"assets/*", "_next/static/*", "_astro/*", "_nuxt/*", "_app/immutable/*", "static/js/*", "static/css/*", "static/media/*"}

// rawExcludes keep a site that is uploaded as it is (no build command) from
// publishing the repository's own files.
var rawExcludes = []string{".git/*", ".github/*", ".gitignore", ".dockerignore", "Dockerfile", "node_modules/*", "hoist.yaml", "buildspec.yml", "compose.yaml", "README.md"}

// Site tools: what a build command needs installed.
const (
	toolNone   = "none"   // no build command: the folder is uploaded as it is
	toolNPM    = "npm"    // npm run build, npx ...
	toolPNPM   = "pnpm"   // pnpm build, pnpm --filter ...
	toolYarn   = "yarn"   // yarn build (classic or Berry)
	toolBun    = "bun"    // bun run build
	toolHugo   = "hugo"   // hugo --minify
	toolMkDocs = "mkdocs" // mkdocs build
	toolJekyll = "jekyll" // bundle exec jekyll build, jekyll build
	toolOther  = "other"  // anything else: the build image must provide it
)

// siteTool names the tool a build command runs, from its first word that
// is not an environment assignment.
func siteTool(cmd string) string {
	words := strings.Fields(cmd)
	for len(words) > 0 && strings.Contains(words[0], "=") {
		words = words[1:]
	}
	if len(words) == 0 {
		return toolNone
	}
	switch w := path.Base(words[0]); w {
	case "npm", "npx":
		return toolNPM
	case "pnpm", "pnpx":
		return toolPNPM
	case "yarn":
		return toolYarn
	case "bun", "bunx":
		return toolBun
	case "hugo":
		return toolHugo
	case "mkdocs":
		return toolMkDocs
	case "jekyll":
		return toolJekyll
	case "bundle":
		if strings.Contains(cmd, "jekyll") {
			return toolJekyll
		}
	case "python", "python3":
		if len(words) > 2 && words[1] == "-m" && words[2] == "mkdocs" {
			return toolMkDocs
		}
	}
	return toolOther
}

func isNodeTool(t string) bool {
	return t == toolNPM || t == toolPNPM || t == toolYarn || t == toolBun
}

// lockfiles are the lockfile names of a Node package manager.
func lockfiles(tool string) []string {
	switch tool {
	case toolNPM:
		return []string{"package-lock.json"}
	case toolPNPM:
		return []string{"pnpm-lock.yaml"}
	case toolYarn:
		return []string{"yarn.lock"}
	case toolBun:
		return []string{"bun.lock", "bun.lockb"}
	}
	return nil
}

// installCommands are a Node package manager's install commands with and
// without a lockfile. Yarn Berry (a .yarnrc.yml beside the lockfile) spells
// "do not touch the lockfile" --immutable; classic Yarn --frozen-lockfile.
func installCommands(tool string) (locked, unlocked string) {
	switch tool {
	case toolPNPM:
		return "pnpm install --frozen-lockfile", "pnpm install"
	case toolYarn:
		return "if [ -f .yarnrc.yml ]; then yarn install --immutable; else yarn install --frozen-lockfile; fi", "yarn install"
	case toolBun:
		return "bun install --frozen-lockfile", "bun install"
	}
	return "npm ci", "npm install"
}

// sitePath is a site's folder, "." for the repository root.
func sitePath(st spec.StaticSite) string {
	if st.Path == "" {
		return "."
	}
	return path.Clean(st.Path)
}

// siteOutput is the repository-relative folder that is uploaded: the
// build's output folder, or the site's folder when nothing is built.
func siteOutput(st spec.StaticSite) string {
	if st.BuildCommand == "" && st.OutputDir == "" {
		return sitePath(st)
	}
	return path.Join(sitePath(st), st.OutputDir)
}

// siteContext is the compose build context of a site's Dockerfile. Hoist
// writes that Dockerfile for the context detection found, which hoist.yaml
// does not record: a workspace member builds from the workspace root. It is
// inferred here from what the spec does say: an output folder outside the
// site's folder (nx builds apps/web into dist/apps/web) or a build command
// that addresses a workspace member from the root (npm --workspace, pnpm
// --filter, nx, turbo, lerna) means the repository root; otherwise the
// site's folder.
func siteContext(st spec.StaticSite) string {
	p := sitePath(st)
	if p == "." {
		return "."
	}
	if out := path.Join(p, st.OutputDir); out != p && !strings.HasPrefix(out, p+"/") {
		return "."
	}
	if workspaceCommand(st.BuildCommand) {
		return "."
	}
	return p
}

// workspaceCommand reports a build command that addresses a workspace
// member from the workspace root: npm --workspace, pnpm --filter, nx,
// turbo or lerna. Such a command runs at the root; any other in the site's
// folder.
func workspaceCommand(cmd string) bool {
	words := strings.Fields(cmd)
	for i, w := range words {
		switch {
		case w == "--workspace" || w == "-w" || strings.HasPrefix(w, "--workspace=") || w == "--filter" || strings.HasPrefix(w, "--filter="):
			return true
		case i < 2 && (w == "nx" || w == "turbo" || w == "lerna"):
			return true
		}
	}
	return false
}

// siteBuildDir is the folder a site's build command runs in.
func siteBuildDir(st spec.StaticSite) string {
	if workspaceCommand(st.BuildCommand) {
		return "."
	}
	return sitePath(st)
}

// siteDockerfile is where Hoist writes a site's Dockerfile.
func siteDockerfile(st spec.StaticSite) string {
	return path.Join(sitePath(st), "Dockerfile")
}

// siteBucketVar and siteDistributionVar name the variables that carry a
// site's S3 bucket and CloudFront distribution id; the IaC stack outputs
// both and the CodeBuild project or the GitHub environment supplies them.
func siteBucketVar(st spec.StaticSite) string       { return "SITE_BUCKET_" + envName(st.Name) }
func siteDistributionVar(st spec.StaticSite) string { return "DISTRIBUTION_ID_" + envName(st.Name) }

// siteTools lists the tools the sites need, in the order of toolOrder.
func siteTools(sites []spec.StaticSite) map[string]bool {
	used := map[string]bool{}
	for _, st := range sites {
		used[siteTool(st.BuildCommand)] = true
	}
	return used
}

// hugoInstall downloads the Hugo extended release for this machine's
// architecture into dir, after checking it against the release's published
// SHA-256 checksums.
func hugoInstall(dir string) []string {
	return []string{
		`case "$(uname -m)" in aarch64|arm64) HUGO_ARCH=arm64 ;; *) HUGO_ARCH=amd64 ;; esac`,
		`HUGO_TGZ="hugo_extended_${HUGO_VERSION}_linux-${HUGO_ARCH}.tar.gz"`,
		`curl -fsSLo "/tmp/$HUGO_TGZ" "https://github.com/gohugoio/hugo/releases/download/v${HUGO_VERSION}/$HUGO_TGZ"`,
		`curl -fsSLo /tmp/hugo_checksums.txt "https://github.com/gohugoio/hugo/releases/download/v${HUGO_VERSION}/hugo_${HUGO_VERSION}_checksums.txt"`,
		`(cd /tmp && grep " $HUGO_TGZ\$" hugo_checksums.txt | sha256sum -c -)`,
		fmt.Sprintf(`mkdir -p %s && tar -xzf "/tmp/$HUGO_TGZ" -C %s hugo`, dir, dir),
	}
}

// syncPass is one `aws s3 sync` of a site's output with its filters.
type syncPass struct {
	comment string
	filters []string // --exclude/--include arguments, in order
	cache   string   // Cache-Control, "" for the final deleting pass
	delete  bool
}

// syncPasses uploads a site in an order that never serves a page whose
// assets are missing: assets first, then HTML, then a last pass that only
// deletes what the build no longer has (everything is uploaded by then).
// Later filters win in `aws s3 sync`, so the raw-folder excludes go last.
func syncPasses(tool string, raw bool) []syncPass {
	var excl []string
	if raw {
		for _, e := range rawExcludes {
			excl = append(excl, "--exclude", e)
		}
	}
	var passes []syncPass
	var others []string
	if isNodeTool(tool) {
		f := []string{"--exclude", "*"}
		for _, p := range nodeFingerprinted {
			f = append(f, "--include", p)
			others = append(others, "--exclude", p)
		}
		passes = append(passes, syncPass{"Fingerprinted assets: cached for a year.", f, cacheImmutable, false})
	}
	passes = append(passes,
		syncPass{"Other files except HTML: cached for five minutes.", append(append([]string{"--exclude", "*.html"}, others...), excl...), cacheShort, false},
		syncPass{"HTML: revalidated on every visit, so a deployment shows at once.", append([]string{"--exclude", "*", "--include", "*.html"}, excl...), cacheHTML, false},
		syncPass{"Delete what the build no longer has (all is uploaded: this only deletes).", excl, "", true},
	)
	return passes
}

// syncCommand renders one pass as a shell command from src to the bucket
// named by the shell variable bucketVar.
func syncCommand(p syncPass, src, bucketVar string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `aws s3 sync %s "s3://$%s" --no-progress`, shellQuote(src), bucketVar)
	if p.delete {
		b.WriteString(" --delete")
	}
	for i := 0; i+1 < len(p.filters); i += 2 {
		fmt.Fprintf(&b, ` %s "%s"`, p.filters[i], p.filters[i+1])
	}
	if p.cache != "" {
		fmt.Fprintf(&b, ` --cache-control "%s"`, p.cache)
	}
	return b.String()
}

// invalidateCommand clears CloudFront's cache of every path of a site.
func invalidateCommand(distVar string) string {
	return fmt.Sprintf(`aws cloudfront create-invalidation --distribution-id "$%s" --paths "/*"`, distVar)
}

// requireVar fails with a message when a variable is empty.
func requireVar(name, what string) string {
	return fmt.Sprintf(`test -n "$%s" || { echo "%s is not set: %s" >&2; exit 1; }`, name, name, what)
}
