package artifact

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/dockerlint"
)

// site builds a static site service in the repository root.
func site(name, framework, build, out string, manifests ...string) detect.Service {
	return detect.Service{
		Name: name, Path: ".", Kind: detect.KindStatic, Language: "static", Framework: framework,
		BuildCommand: build, Build: detect.Build{Context: ".", OutputDir: out, Manifests: manifests},
	}
}

func TestStaticSiteTool(t *testing.T) {
	tests := []struct {
		name string
		svc  detect.Service
		want string
	}{
		{"no build command", site("s", "", "", "."), toolNone},
		{"hugo", site("s", "hugo", "hugo --minify", ""), toolHugo},
		{"hugo from a path", site("s", "", "/usr/local/bin/hugo", ""), toolHugo},
		{"hugo behind a script", site("s", "hugo", "./build.sh", ""), toolHugo},
		{"mkdocs", site("s", "mkdocs", "mkdocs build", ""), toolMkDocs},
		{"mkdocs as a module", site("s", "", "python -m mkdocs build", ""), toolMkDocs},
		{"mkdocs behind make", site("s", "MkDocs", "make docs", ""), toolMkDocs},
		{"jekyll through bundler", site("s", "jekyll", "bundle exec jekyll build", ""), toolJekyll},
		{"jekyll with an env assignment", site("s", "", "JEKYLL_ENV=production jekyll build", ""), toolJekyll},
		{"npm", site("s", "vite", "npm run build", "dist"), toolNPM},
		{"npm wins over a hugo framework", site("s", "hugo", "npm run build", "public"), toolNPM},
		{"unknown tool, unknown framework", site("s", "eleventy", "./build.sh", "_site"), toolOther},
	}
	for _, tc := range tests {
		if got := staticSiteTool(tc.svc); got != tc.want {
			t.Errorf("staticSiteTool(%s: %q, framework %q): got %q, want %q", tc.name, tc.svc.BuildCommand, tc.svc.Framework, got, tc.want)
		}
	}
}

// TestStaticGeneratorsWithoutNode checks that a Hugo, MkDocs or Jekyll site
// is built with its own tool: no Node image, npm or package.json, which such
// a site does not have. The build command runs after the source is copied,
// and the runtime copies the generator's output folder.
func TestStaticGeneratorsWithoutNode(t *testing.T) {
	tests := []struct {
		name      string
		svc       detect.Service
		image     string
		installer string // the command that installs the tool
		output    string // the folder the runtime copies from the build stage
	}{
		{"hugo default output", site("a", "hugo", "hugo --minify", ""), "debian:bookworm-slim", "sha256sum -c", "/app/public"},
		{"hugo custom output", site("a", "hugo", "hugo", "dist"), "debian:bookworm-slim", "sha256sum -c", "/app/dist"},
		{"mkdocs with requirements", site("a", "mkdocs", "mkdocs build", "", "requirements.txt"), "python:" + sitePythonVersion + "-slim-bookworm", "pip install -r requirements.txt", "/app/site"},
		{"mkdocs without requirements", site("a", "mkdocs", "mkdocs build", "build/site"), "python:" + sitePythonVersion + "-slim-bookworm", "pip install mkdocs==" + mkdocsVersion, "/app/build/site"},
		{"mkdocs requirements in the member", with(site("a", "mkdocs", "mkdocs build", "", "docs/requirements.txt"), func(s *detect.Service) { s.Path = "docs" }), "python:", "pip install -r docs/requirements.txt", "/app/docs/site"},
		{"jekyll with a Gemfile", site("a", "jekyll", "bundle exec jekyll build", "", "Gemfile", "Gemfile.lock"), "ruby:" + siteRubyVersion + "-slim-bookworm", "bundle install", "/app/_site"},
		// A detected runtime version is not used: buildspec.yml and the workflow
		// cannot know it, and the three must build on the same runtime.
		{"jekyll, detected ruby gives way to the CI one", with(site("a", "jekyll", "bundle exec jekyll build", "_site", "Gemfile"), func(s *detect.Service) { s.LanguageVersion = "3.4.1" }), "ruby:" + siteRubyVersion + "-slim-bookworm", "bundle install", "/app/_site"},
		{"mkdocs, detected python gives way to the CI one", with(site("a", "mkdocs", "mkdocs build", ""), func(s *detect.Service) { s.LanguageVersion = "3.10" }), "python:" + sitePythonVersion + "-slim-bookworm", "pip install mkdocs==", "/app/site"},
		{"jekyll without a Gemfile", site("a", "jekyll", "jekyll build", ""), "ruby:", "gem install --no-document jekyll -v " + jekyllVersion, "/app/_site"},
		{"jekyll in a member", with(site("a", "jekyll", "bundle exec jekyll build", "", "blog/Gemfile", "blog/Gemfile.lock"), func(s *detect.Service) { s.Path = "blog" }), "ruby:", "ENV BUNDLE_GEMFILE=/app/blog/Gemfile", "/app/blog/_site"},
	}
	node := regexp.MustCompile(`(?i)\bnpm\b|package\.json|\bnode:|corepack|yarn|pnpm`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Dockerfile(tc.svc)
			if err != nil {
				t.Fatalf("Dockerfile(%s): %v", tc.name, err)
			}
			got := string(b)
			if m := node.FindString(got); m != "" {
				t.Errorf("Dockerfile(%s): got %q in the file, want no Node tooling:\n%s", tc.name, m, got)
			}
			if !strings.Contains(got, "FROM "+tc.image) {
				t.Errorf("Dockerfile(%s): got no FROM %s, want the build stage on it", tc.name, tc.image)
			}
			install, source, build := strings.Index(got, tc.installer), strings.Index(got, "COPY . ."), strings.Index(got, "RUN "+strings.TrimPrefix(tc.svc.BuildCommand, "bundle exec "))
			if install < 0 {
				t.Errorf("Dockerfile(%s): got no %q, want the tool installed", tc.name, tc.installer)
			}
			if source < 0 || install > source {
				t.Errorf("Dockerfile(%s): got install at %d and COPY . . at %d, want the install first", tc.name, install, source)
			}
			if build < 0 {
				// the build line may carry a cache mount before the command
				build = strings.Index(got, " "+tc.svc.BuildCommand+"\n")
			}
			if build < source {
				t.Errorf("Dockerfile(%s): got the build command %q at %d and COPY . . at %d, want it after the source", tc.name, tc.svc.BuildCommand, build, source)
			}
			if want := "COPY --from=build " + tc.output + " /usr/share/nginx/html"; !strings.Contains(got, want) {
				t.Errorf("Dockerfile(%s): got no %q", tc.name, want)
			}
			warnings, err := dockerlint.Lint(tc.name, b)
			if err != nil {
				t.Fatalf("dockerlint.Lint(%s): %v", tc.name, err)
			}
			for _, w := range warnings {
				t.Errorf("dockerlint.Lint(%s): got warning %s, want none", tc.name, w)
			}
		})
	}
}

// TestStaticHugoPinsTheSharedVersion checks that the Dockerfile installs the
// Hugo release buildspec.yml and the workflow install, picks the archive by
// TARGETARCH and verifies it before unpacking.
func TestStaticHugoPinsTheSharedVersion(t *testing.T) {
	b, err := Dockerfile(site("blog", "hugo", "hugo --minify", "public"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		"ARG HUGO_VERSION=" + hugoVersion + "\n",
		"ARG TARGETARCH\n",
		`HUGO_TGZ="hugo_extended_${HUGO_VERSION}_linux-${TARGETARCH}.tar.gz"`,
		"https://github.com/gohugoio/hugo/releases/download/v${HUGO_VERSION}/${HUGO_SUMS}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("hugo Dockerfile: got no %q", want)
		}
	}
	verify, unpack := strings.Index(got, "sha256sum -c"), strings.Index(got, "tar -xzf")
	if verify < 0 || unpack < 0 || verify > unpack {
		t.Errorf("hugo Dockerfile: got sha256sum -c at %d and tar -xzf at %d, want the check before unpacking", verify, unpack)
	}
}

// TestStaticJekyllWithoutGemfileDropsBundleExec checks that a Jekyll build
// command written for Bundler still runs when there is no Gemfile, where
// `bundle exec` would fail.
func TestStaticJekyllWithoutGemfileDropsBundleExec(t *testing.T) {
	b, err := Dockerfile(site("notes", "jekyll", "bundle exec jekyll build --trace", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); strings.Contains(got, "bundle exec") || !strings.Contains(got, "\nRUN jekyll build --trace\n") {
		t.Errorf("jekyll without a Gemfile: got\n%s\nwant RUN jekyll build --trace and no bundle exec", got)
	}
}
