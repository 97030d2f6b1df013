package artifact

import (
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// nginxImage serves static sites: unprivileged (uid 101, port 8080).
const nginxImage = "nginxinc/nginx-unprivileged:1.28-bookworm"

// spaFrameworks route every unknown path to index.html.
var spaFrameworks = []string{"angular", "create-react-app", "react", "solid", "svelte", "vite", "vue"}

// staticBuilder writes the build stage of a static site; it runs the build
// command in /app (or the member folder) so the output lands under it.
type staticBuilder struct {
	tool   string
	render func(d *dockerfile, s detect.Service)
}

// staticBuilders is the registry of site generators with a build stage of
// their own, in a fixed order. A build command of any other tool runs in
// the Node stage, as JavaScript generators do.
var staticBuilders = []staticBuilder{
	{toolHugo, hugoBuildStage},
	{toolMkDocs, mkdocsBuildStage},
	{toolJekyll, jekyllBuildStage},
}

// staticSiteTool is the tool whose build stage a site gets: the one its
// build command runs, or, for a command that names none (a script or
// make), the generator detection found. Anything else builds with Node.
func staticSiteTool(s detect.Service) string {
	if s.BuildCommand == "" {
		return toolNone
	}
	t := siteTool(s.BuildCommand)
	if t == toolOther {
		switch strings.ToLower(s.Framework) {
		case "hugo":
			return toolHugo
		case "mkdocs":
			return toolMkDocs
		case "jekyll":
			return toolJekyll
		}
	}
	return t
}

func staticDockerfile(s detect.Service) (*dockerfile, error) {
	out := s.Build.OutputDir
	tool := staticSiteTool(s)
	if out == "" {
		out = defaultSiteOutput(tool)
	}
	member := memberDir(s)
	srcDir := out
	if member != "." {
		srcDir = path.Join(member, out)
	}

	summary := "static site served by nginx"
	if s.Framework != "" {
		summary += ", built with " + s.Framework
	}
	d := newDockerfile(s, summary)

	if tool != toolNone {
		render := nodeBuildStage
		for _, b := range staticBuilders {
			if b.tool == tool {
				render = b.render
			}
		}
		render(d, s)
	}

	d.stage("nginx as an unprivileged user (101), listening on 8080.", nginxImage, "runtime")
	if isSPA(s.Framework) {
		d.comment("Single-page app: unknown paths fall back to index.html.")
		d.line("COPY <<'EOF' /etc/nginx/conf.d/default.conf")
		d.line("server {")
		d.line("    listen 8080;")
		d.line("    root /usr/share/nginx/html;")
		d.line("    location / {")
		d.line("        try_files $uri $uri/ /index.html;")
		d.line("    }")
		d.line("}")
		d.line("EOF")
	}
	if tool != toolNone {
		d.line("COPY --from=build /app/%s /usr/share/nginx/html", path.Clean(srcDir))
	} else {
		d.line("COPY %s /usr/share/nginx/html", path.Clean(srcDir))
	}
	d.user("101")
	d.line("EXPOSE 8080")
	d.healthcheck(detect.Service{Kind: detect.KindStatic}, []string{"curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/"})
	d.cmd([]string{"nginx", "-g", "daemon off;"})
	return d, nil
}

// defaultSiteOutput is where a generator writes the site when detection
// found no output folder: Hugo public/, MkDocs site/, Jekyll _site/. A Node
// build or no build at all has no convention, so the folder itself is used.
func defaultSiteOutput(tool string) string {
	switch tool {
	case toolHugo:
		return "public"
	case toolMkDocs:
		return "site"
	case toolJekyll:
		return "_site"
	}
	return "."
}

// nodeBuildStage installs the site's Node dependencies with its package
// manager and runs the build command, on the Node version buildspec.yml and
// the workflow use (siteNodeVersion), whatever version detection found.
func nodeBuildStage(d *dockerfile, s detect.Service) {
	pm := nodePackageManager(s)
	ver := siteNodeVersion
	d.stage("runs the site's build command.", "node:"+ver+"-bookworm-slim", "build")
	d.line("WORKDIR /app")
	if pm.corepack {
		tool := strings.TrimSuffix(pm.name, "-berry")
		d.line("ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0")
		d.line("RUN corepack enable %s", tool)
	} else if pm.name == "bun" {
		d.line("RUN npm install --global bun@%s", major(s.Build.PackageManagerVersion, "1"))
	}
	d.copyManifests(manifestsOr(s, "package.json"))
	d.line("RUN --mount=type=cache,target=%s %s", pm.cache, pm.installAll)
	d.line("COPY . .")
	buildInMember(d, s)
	d.line("RUN %s", s.BuildCommand)
}

// buildInMember moves into a workspace member's folder before its build.
func buildInMember(d *dockerfile, s detect.Service) {
	if memberDir(s) != "." {
		d.line("WORKDIR %s", appDir(s))
	}
}

func isSPA(framework string) bool {
	f := strings.ToLower(framework)
	for _, s := range spaFrameworks {
		if f == s {
			return true
		}
	}
	return false
}
