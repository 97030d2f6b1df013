package artifact

import (
	"path"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// Build stages of the static site generators that are not Node packages.
// Their tool and runtime versions are the ones sites.go pins for
// buildspec.yml and the GitHub workflow, so the three build the same site
// with the same tool on the same runtime (see the comment on the constants).

// hugoBuildStage installs Hugo extended from its GitHub release, checked
// against the release's SHA-256 checksums, and runs the build command.
func hugoBuildStage(d *dockerfile, s detect.Service) {
	d.stage("Hugo extended "+hugoVersion+" builds the site.", "debian:bookworm-slim", "build")
	d.line("%s", aptInstallCached("ca-certificates", "curl"))
	d.comment("Hugo extended (SCSS support) from its GitHub release for the platform being\nbuilt, checked against the release's SHA-256 checksums before it is unpacked.\nHUGO_VERSION matches buildspec.yml and the GitHub workflow.")
	d.line("ARG HUGO_VERSION=%s", hugoVersion)
	d.line("ARG TARGETARCH")
	d.line("%s", hugoInstallRun())
	d.line("WORKDIR /app")
	d.line("COPY . .")
	buildInMember(d, s)
	d.comment("Hugo's file cache (modules, processed images) persists between builds.")
	d.line("ENV HUGO_CACHEDIR=/root/.cache/hugo")
	d.line("RUN --mount=type=cache,target=/root/.cache/hugo %s", s.BuildCommand)
}

// hugoInstallRun is the RUN that downloads, verifies and unpacks Hugo. It
// is the download of hugoInstall (buildspec and workflow), with the
// architecture taken from BuildKit's TARGETARCH instead of uname.
func hugoInstallRun() string {
	base := "https://github.com/gohugoio/hugo/releases/download/v${HUGO_VERSION}"
	lines := []string{
		`case "${TARGETARCH}" in amd64|arm64) ;; *) echo "Hugo publishes no linux/${TARGETARCH} build" >&2; exit 1 ;; esac`,
		`HUGO_TGZ="hugo_extended_${HUGO_VERSION}_linux-${TARGETARCH}.tar.gz"`,
		`HUGO_SUMS="hugo_${HUGO_VERSION}_checksums.txt"`,
		`curl -fsSLo "/tmp/${HUGO_TGZ}" "` + base + `/${HUGO_TGZ}"`,
		`curl -fsSLo "/tmp/${HUGO_SUMS}" "` + base + `/${HUGO_SUMS}"`,
		`(cd /tmp && grep " ${HUGO_TGZ}\$" "${HUGO_SUMS}" | sha256sum -c -)`,
		`tar -xzf "/tmp/${HUGO_TGZ}" -C /usr/local/bin hugo`,
		`rm -f "/tmp/${HUGO_TGZ}" "/tmp/${HUGO_SUMS}"`,
		`hugo version`,
	}
	return "RUN " + strings.Join(lines, " \\\n    && ")
}

// mkdocsBuildStage installs MkDocs and its plugins from the site's
// requirements files, or MkDocs alone at the pinned version, and runs the
// build command.
func mkdocsBuildStage(d *dockerfile, s detect.Service) {
	ver := sitePythonVersion
	d.stage("MkDocs builds the site with Python "+ver+".", "python:"+ver+"-slim-bookworm", "build")
	d.line("ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1")
	d.line("WORKDIR /app")
	var reqs []string
	for _, m := range s.Build.Manifests {
		if path.Base(m) == "requirements.txt" {
			reqs = append(reqs, m)
		}
	}
	if len(reqs) > 0 {
		d.comment("MkDocs and its plugins first, so a page edit does not reinstall them.")
		d.copyManifests(reqs)
		args := make([]string, 0, 2*len(reqs))
		for _, r := range sortedCopy(reqs) {
			args = append(args, "-r", r)
		}
		d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install %s", strings.Join(args, " "))
	} else {
		d.comment("No requirements.txt: MkDocs alone, pinned.")
		d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install mkdocs==%s", mkdocsVersion)
	}
	d.line("COPY . .")
	buildInMember(d, s)
	d.line("RUN %s", s.BuildCommand)
}

// jekyllBuildStage installs the site's gems with Bundler (compilers for
// native extensions included), or Jekyll alone at the pinned version, and
// runs the build command in production mode.
func jekyllBuildStage(d *dockerfile, s detect.Service) {
	ver := siteRubyVersion
	d.stage("Jekyll builds the site with Ruby "+ver+".\nCompilers for gems with native extensions (sass-embedded, eventmachine).", "ruby:"+ver+"-slim-bookworm", "build")
	d.line("%s", aptInstallCached("build-essential", "git"))
	d.line("ENV JEKYLL_ENV=production")
	d.line("WORKDIR /app")
	var gemfiles []string
	gemfileDir := ""
	for _, m := range s.Build.Manifests {
		switch path.Base(m) {
		case "Gemfile":
			if gemfileDir == "" || path.Dir(m) == memberDir(s) {
				gemfileDir = path.Dir(m)
			}
			gemfiles = append(gemfiles, m)
		case "Gemfile.lock", "gems.rb", "gems.locked", ".ruby-version":
			gemfiles = append(gemfiles, m)
		}
	}
	cmd := s.BuildCommand
	if gemfileDir != "" {
		if gemfileDir != "." {
			d.line("ENV BUNDLE_GEMFILE=/app/%s/Gemfile", gemfileDir)
		}
		d.comment("Gems first, so a page edit does not reinstall them. Downloads are cached\noutside the image; the installed gems are not.")
		d.copyManifests(gemfiles)
		d.line("RUN --mount=type=cache,target=/root/.cache/bundle \\")
		d.line("    BUNDLE_USER_CACHE=/root/.cache/bundle BUNDLE_GLOBAL_GEM_CACHE=true bundle install \\")
		d.line("    && rm -rf /usr/local/bundle/cache")
	} else {
		d.comment("No Gemfile: Jekyll alone, pinned.")
		d.line("RUN gem install --no-document jekyll -v %s \\", jekyllVersion)
		d.line("    && rm -rf /usr/local/bundle/cache")
		// Without a Gemfile there is no bundle to execute in.
		if rest, ok := strings.CutPrefix(strings.TrimSpace(cmd), "bundle exec "); ok {
			cmd = strings.TrimSpace(rest)
		}
	}
	d.line("COPY . .")
	buildInMember(d, s)
	d.line("RUN %s", cmd)
}

// sortedCopy returns list sorted, leaving list as it was.
func sortedCopy(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}
