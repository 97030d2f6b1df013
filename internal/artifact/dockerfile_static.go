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

func staticDockerfile(s detect.Service) (*dockerfile, error) {
	out := s.Build.OutputDir
	if out == "" {
		out = "."
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

	from := "."
	if s.BuildCommand != "" {
		pm := nodePackageManager(s)
		ver := major(s.LanguageVersion, "22")
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
		if member != "." {
			d.line("WORKDIR %s", appDir(s))
		}
		d.line("RUN %s", s.BuildCommand)
		from = "build"
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
	if from == "build" {
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

func isSPA(framework string) bool {
	f := strings.ToLower(framework)
	for _, s := range spaFrameworks {
		if f == s {
			return true
		}
	}
	return false
}
