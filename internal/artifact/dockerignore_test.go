package artifact

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/golden"
)

func TestDockerignoreGolden(t *testing.T) {
	done := map[string]bool{}
	for _, tc := range dockerfileCases {
		// One golden per language, plus the static site that ships its files.
		key := tc.svc.Language
		if tc.name == "static-plain" {
			key = tc.name
		}
		if done[key] {
			continue
		}
		done[key] = true
		t.Run(key, func(t *testing.T) {
			golden.Assert(t, "testdata/dockerignore/"+key+".dockerignore", Dockerignore(tc.svc))
		})
	}
}

func TestDockerignoreRules(t *testing.T) {
	mustHave := map[string][]string{
		"":       {".git", "**/.env", "**/.env.*", "!**/.env.example", "**/*.pem", "**/*.key", "**/id_rsa*", "**/.aws", "**/Dockerfile", "**/compose.yaml"},
		"node":   {"**/node_modules"},
		"python": {"**/.venv", "**/__pycache__", "**/.pytest_cache"},
		"php":    {"**/vendor"},
		"rust":   {"**/target"},
		"java":   {"**/target", "**/.gradle"},
		"dotnet": {"**/bin", "**/obj"},
		"elixir": {"**/_build", "**/deps"},
	}
	for _, lang := range DockerfileLanguages() {
		got := "\n" + string(Dockerignore(detect.Service{Name: "x", Language: lang})) + "\n"
		for _, key := range []string{"", lang} {
			for _, p := range mustHave[key] {
				if !strings.Contains(got, "\n"+p+"\n") {
					t.Errorf("Dockerignore(language %s): missing pattern %q", lang, p)
				}
			}
		}
		// The !.env.example re-include must come after the .env.* exclusion.
		if strings.Index(got, "!**/.env.example") < strings.Index(got, "**/.env.*") {
			t.Errorf("Dockerignore(language %s): !**/.env.example comes before **/.env.*, so it has no effect", lang)
		}
	}
	// Go keeps vendor/: go build uses it.
	if got := "\n" + string(Dockerignore(detect.Service{Language: "go"})); strings.Contains(got, "\n**/vendor\n") || strings.Contains(got, "\nvendor\n") {
		t.Errorf("Dockerignore(go): ignores vendor/, which go build needs")
	}
}

func TestDockerignoreKeepsStaticOutput(t *testing.T) {
	s := detect.Service{Name: "site", Language: "static", Kind: detect.KindStatic, Build: detect.Build{OutputDir: "dist"}}
	if got := string(Dockerignore(s)); strings.Contains(got, "\n**/dist\n") || strings.Contains(got, "\ndist\n") {
		t.Errorf("Dockerignore(static, output dist, no build): ignores the site's own files:\n%s", got)
	}
	s.BuildCommand = "npm run build"
	s.Build.OutputDir = ".cache"
	if got := string(Dockerignore(s)); !strings.Contains(got, "\n**/.cache\n") {
		t.Errorf("Dockerignore(static with build): got no **/.cache, want build caches ignored")
	}
}

// TestDockerignoreStaticSites checks the generator caches, installed gems
// and build output a static site's context leaves out, and that a site
// without a build command keeps its own folder.
func TestDockerignoreStaticSites(t *testing.T) {
	caches := []string{"**/.jekyll-cache", "**/resources/_gen", "**/vendor/bundle", "**/.bundle"}
	tests := []struct {
		name    string
		svc     detect.Service
		want    []string // patterns that must be present
		wantNot []string // patterns that must be absent
	}{
		{"hugo, default output", site("s", "hugo", "hugo --minify", ""), append([]string{"public", "**/_site"}, caches...), nil},
		{"mkdocs, default output", site("s", "mkdocs", "mkdocs build", ""), []string{"site"}, nil},
		{"jekyll, default output", site("s", "jekyll", "bundle exec jekyll build", ""), append([]string{"_site", "**/_site"}, caches...), nil},
		{"vite, output dist; public/ is source", site("s", "vite", "npm run build", "dist"), []string{"dist"}, []string{"public", "**/public"}},
		{"site in a member of a root context", with(site("s", "hugo", "hugo", "public"), func(s *detect.Service) { s.Path = "docs" }), []string{"docs/public"}, []string{"public"}},
		{"no build, site in public/", site("s", "", "", "public"), caches, []string{"public", "**/public"}},
		{"no build, site in _site/", site("s", "", "", "_site"), caches, []string{"_site", "**/_site"}},
		{"build writes into the folder itself", site("s", "", "./build.sh", "."), caches, []string{"."}},
		{"output outside the context", site("s", "", "./build.sh", "../out"), caches, []string{"../out"}},
		{"output with a glob character", site("s", "", "./build.sh", "out*"), caches, []string{"out*"}},
	}
	for _, tc := range tests {
		got := "\n" + string(Dockerignore(tc.svc))
		for _, p := range tc.want {
			if !strings.Contains(got, "\n"+p+"\n") {
				t.Errorf("Dockerignore(%s): got no %q, want it ignored:\n%s", tc.name, p, got)
			}
		}
		for _, p := range tc.wantNot {
			if strings.Contains(got, "\n"+p+"\n") {
				t.Errorf("Dockerignore(%s): got %q, want it kept in the context", tc.name, p)
			}
		}
	}
}
