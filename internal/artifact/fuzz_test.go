package artifact

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/dockerlint"
)

// FuzzDockerfile feeds arbitrary strings into the fields generators copy
// into Dockerfiles: either the input is refused, or BuildKit parses the
// result.
func FuzzDockerfile(f *testing.F) {
	f.Add("node", "22", "npm run build", "node server.js", "./cmd/api", "package.json")
	f.Add("python", "^3.12", "", "uvicorn app:app --port $PORT", "app.main:app", "requirements.txt")
	f.Add("rust", "1.83", "", "", "bin\"x", "Cargo.toml")
	f.Add("static", "", "hugo --minify", "", "", "")
	f.Add("static", "3.13", "python -m mkdocs build", "", "", "docs/requirements.txt")
	f.Add("static", "3.3.6", "bundle exec jekyll build", "", "", "Gemfile")
	f.Fuzz(func(t *testing.T, lang, version, build, start, entry, manifest string) {
		s := detect.Service{
			Name: "fuzz", Path: ".", Kind: detect.KindWeb, Language: lang, LanguageVersion: version,
			BuildCommand: build, StartCommand: start, Port: 8080,
			Build: detect.Build{Context: ".", Entrypoint: entry, Manifests: []string{manifest}},
		}
		b, err := Dockerfile(s)
		if err != nil {
			return
		}
		if _, err := dockerlint.Lint("fuzz.Dockerfile", b); err != nil {
			t.Errorf("Dockerfile(%+v) rendered a file BuildKit rejects: %v\n%s", s, err, b)
		}
	})
}
