package artifact

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/dockerlint"
	"github.com/hoist-dev/hoist/internal/golden"
)

// web builds a web service in the repository root with the usual defaults.
func web(name, lang, version, pm string, port int, manifests ...string) detect.Service {
	return detect.Service{
		Name: name, Path: ".", Kind: detect.KindWeb, Language: lang, LanguageVersion: version,
		PackageManager: pm, Port: port, Env: []string{"DATABASE_URL", "SESSION_SECRET"},
		Build: detect.Build{Context: ".", Manifests: manifests},
	}
}

func with(s detect.Service, f func(*detect.Service)) detect.Service {
	f(&s)
	return s
}

// dockerfileCases covers every language, package manager and framework the
// generators know. The name is the golden file's name.
var dockerfileCases = []struct {
	name string
	svc  detect.Service
}{
	{"node-npm", with(web("api", "node", "22.11.0", "npm", 3000, "package.json", "package-lock.json"), func(s *detect.Service) {
		s.Framework, s.StartCommand = "express", "node server.js"
	})},
	{"node-npm-next", with(web("web", "node", ">=20", "npm", 3000, "package.json", "package-lock.json"), func(s *detect.Service) {
		s.Framework, s.BuildCommand, s.StartCommand = "next", "npm run build", "next start"
	})},
	{"node-npm-nolock-worker", with(web("jobs", "node", "", "npm", 0, "package.json"), func(s *detect.Service) {
		s.Kind, s.StartCommand = detect.KindWorker, "node worker.js"
	})},
	{"node-yarn-classic", with(web("shop", "node", "20", "yarn", 8080, "package.json", "yarn.lock"), func(s *detect.Service) {
		s.Build.PackageManagerVersion, s.BuildCommand, s.StartCommand = "1.22.22", "yarn build", "node dist/main.js"
	})},
	{"node-yarn-berry", with(web("portal", "node", "22", "yarn", 3000, ".yarnrc.yml", "package.json", "yarn.lock", ".yarn/releases/yarn-4.5.1.cjs"), func(s *detect.Service) {
		s.Build.PackageManagerVersion, s.BuildCommand, s.StartCommand = "4.5.1", "yarn build", "yarn start"
	})},
	{"node-pnpm", with(web("svc", "node", "24", "pnpm", 4000, "package.json", "pnpm-lock.yaml"), func(s *detect.Service) {
		s.Framework, s.Build.PackageManagerVersion, s.BuildCommand, s.StartCommand = "nestjs", "9.15.0", "pnpm build", "node dist/main.js"
	})},
	{"node-pnpm-node25", with(web("edge", "node", "25", "pnpm", 3000, "package.json", "pnpm-lock.yaml"), func(s *detect.Service) {
		s.StartCommand = "node --enable-source-maps index.js"
	})},
	{"node-bun", with(web("bunapi", "node", "", "bun", 3000, "package.json", "bun.lock"), func(s *detect.Service) {
		s.Build.PackageManagerVersion, s.StartCommand = "1.2.5", "bun run src/index.ts"
	})},
	{"node-monorepo-pnpm", with(web("api", "node", "22", "pnpm", 3001, "package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "apps/api/package.json", "packages/shared/package.json"), func(s *detect.Service) {
		s.Path, s.Build.Workspace = "apps/api", "."
		s.BuildCommand, s.StartCommand = "pnpm run build", "node apps/api/dist/index.js" // root-relative, as detection writes it
	})},
	{"node-monorepo-npm", with(web("admin", "node", "20", "npm", 3002, "package.json", "package-lock.json", "apps/admin/package.json"), func(s *detect.Service) {
		s.Path, s.Build.Workspace = "apps/admin", "."
		s.StartCommand = "node --port $PORT src/index.js"
	})},
	{"deno", with(web("denoapp", "deno", "2.1.4", "deno", 8000, "deno.json", "deno.lock"), func(s *detect.Service) {
		s.Build.Entrypoint, s.StartCommand = "main.ts", "deno run --allow-net --allow-env main.ts"
	})},
	{"python-pip-flask", with(web("flaskapp", "python", "3.12.4", "pip", 5000, "requirements.txt"), func(s *detect.Service) {
		s.Framework, s.Build.Entrypoint = "flask", "app:app"
		s.BackingServices = []detect.Backing{{Kind: "postgres"}}
	})},
	{"python-poetry-fastapi", with(web("fast", "python", "^3.13", "poetry", 8000, "pyproject.toml", "poetry.lock"), func(s *detect.Service) {
		s.Framework, s.Build.Entrypoint = "fastapi", "app.main:app"
	})},
	{"python-uv-fastapi", with(web("uvapi", "python", "3.13", "uv", 8080, "pyproject.toml", "uv.lock"), func(s *detect.Service) {
		s.Framework, s.Build.Entrypoint = "fastapi", "src.api:app"
	})},
	{"python-pipenv-django", with(web("site", "python", "3.11", "pipenv", 8000, "Pipfile", "Pipfile.lock"), func(s *detect.Service) {
		s.Framework, s.Build.Entrypoint = "django", "mysite.wsgi:application"
		s.BackingServices = []detect.Backing{{Kind: "mysql"}, {Kind: "redis"}}
	})},
	{"python-pdm-worker", with(web("crunch", "python", "3.12", "pdm", 0, "pyproject.toml", "pdm.lock"), func(s *detect.Service) {
		s.Kind, s.StartCommand = detect.KindWorker, "python -m crunch.worker"
	})},
	{"go", with(web("gosvc", "go", "1.23.4", "go", 8080, "go.mod", "go.sum"), func(s *detect.Service) {
		s.Build.Entrypoint = "./cmd/api"
	})},
	{"go-root-worker", with(web("ticker", "go", "1.24", "go", 0, "go.mod", "go.sum"), func(s *detect.Service) {
		s.Kind = detect.KindWorker
	})},
	{"java-maven-wrapper-spring", with(web("orders", "java", "21", "maven", 8080, "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties"), func(s *detect.Service) {
		s.Framework = "spring-boot"
	})},
	{"java-maven", with(web("billing", "java", "17", "maven", 8081, "pom.xml"), func(s *detect.Service) {
		s.Build.Entrypoint = "target/billing.jar"
	})},
	{"java-gradle-wrapper", with(web("catalog", "java", "21", "gradle", 8080, "build.gradle.kts", "settings.gradle.kts", "gradlew", "gradle/wrapper/gradle-wrapper.jar", "gradle/wrapper/gradle-wrapper.properties"), func(s *detect.Service) {
		s.Framework = "spring-boot"
	})},
	{"java-gradle", with(web("quarkus", "java", "21", "gradle", 8080, "build.gradle", "settings.gradle"), func(s *detect.Service) {
		s.Framework = "quarkus"
	})},
	{"ruby-rails", with(web("rails", "ruby", "3.3.5", "bundler", 3000, "Gemfile", "Gemfile.lock"), func(s *detect.Service) {
		s.Framework = "rails"
		s.BackingServices = []detect.Backing{{Kind: "postgres"}, {Kind: "redis"}}
	})},
	{"ruby-sinatra", with(web("sin", "ruby", "3.4", "bundler", 4567, "Gemfile", "Gemfile.lock"), func(s *detect.Service) {
		s.Framework, s.StartCommand = "sinatra", "bundle exec rackup -o 0.0.0.0 -p 4567"
	})},
	{"php-laravel", with(web("larry", "php", "^8.3", "composer", 8000, "composer.json", "composer.lock"), func(s *detect.Service) {
		s.Framework, s.StartCommand = "laravel", "php artisan serve --host=0.0.0.0 --port=8000"
		s.BackingServices = []detect.Backing{{Kind: "mysql"}, {Kind: "redis"}}
	})},
	{"php-symfony", with(web("sym", "php", "8.4", "composer", 8080, "composer.json", "composer.lock", "symfony.lock"), func(s *detect.Service) {
		s.Framework = "symfony"
		s.BackingServices = []detect.Backing{{Kind: "postgres"}}
	})},
	{"php-plain", web("plainphp", "php", "", "composer", 80, "composer.json")},
	{"rust", with(web("rusty", "rust", "1.83.0", "cargo", 8080, "Cargo.toml", "Cargo.lock"), func(s *detect.Service) {
		s.Build.Entrypoint = "rusty"
	})},
	{"rust-workspace-member", with(web("gateway", "rust", "1.85", "cargo", 9000, "Cargo.toml", "Cargo.lock", "crates/gateway/Cargo.toml"), func(s *detect.Service) {
		s.Path, s.Build.Workspace, s.Build.Entrypoint = "crates/gateway", ".", "gateway"
	})},
	{"dotnet", with(web("dotapi", "dotnet", "8.0", "nuget", 8080, "Api.csproj"), func(s *detect.Service) {
		s.Build.Entrypoint = "Api"
	})},
	{"dotnet10-worker", with(web("dotworker", "dotnet", "net10.0", "nuget", 0, "src/Worker/Worker.csproj"), func(s *detect.Service) {
		s.Kind = detect.KindWorker
	})},
	{"elixir-phoenix", with(web("phx", "elixir", "1.17.3", "mix", 4000, "mix.exs", "mix.lock"), func(s *detect.Service) {
		s.Framework, s.Build.Entrypoint = "phoenix", "phx"
	})},
	{"static-vite", with(web("site", "static", "22", "npm", 8080, "package.json", "package-lock.json"), func(s *detect.Service) {
		s.Kind, s.Framework, s.BuildCommand, s.Build.OutputDir = detect.KindStatic, "vite", "npm run build", "dist"
	})},
	{"static-plain", with(web("docs", "static", "", "", 0), func(s *detect.Service) {
		s.Kind, s.Build.OutputDir = detect.KindStatic, "public"
	})},
	{"static-monorepo-pnpm", with(web("marketing", "static", "20", "pnpm", 8080, "package.json", "pnpm-lock.yaml", "apps/marketing/package.json"), func(s *detect.Service) {
		s.Path, s.Build.Workspace = "apps/marketing", "."
		s.Kind, s.Framework, s.BuildCommand, s.Build.OutputDir = detect.KindStatic, "astro", "pnpm build", "dist"
	})},
	{"static-hugo", with(web("blog", "static", "", "", 0), func(s *detect.Service) {
		s.Kind, s.Framework, s.BuildCommand = detect.KindStatic, "hugo", "hugo --minify"
	})},
	{"static-hugo-member-script", with(web("handbook", "static", "", "", 0), func(s *detect.Service) {
		s.Path, s.Kind, s.Framework, s.BuildCommand, s.Build.OutputDir = "sites/handbook", detect.KindStatic, "hugo", "./build.sh", "dist"
	})},
	{"static-mkdocs", with(web("docs", "static", "3.13", "pip", 0, "requirements.txt"), func(s *detect.Service) {
		s.Kind, s.Framework, s.BuildCommand, s.Build.OutputDir = detect.KindStatic, "mkdocs", "mkdocs build", "build/site"
	})},
	{"static-mkdocs-pinned-member", with(web("manual", "static", "", "", 0), func(s *detect.Service) {
		s.Path, s.Kind, s.Framework, s.BuildCommand = "docs", detect.KindStatic, "mkdocs", "python -m mkdocs build --strict"
	})},
	{"static-jekyll", with(web("journal", "static", "3.3.6", "bundler", 0, "Gemfile", "Gemfile.lock"), func(s *detect.Service) {
		s.Kind, s.Framework, s.BuildCommand, s.Build.OutputDir = detect.KindStatic, "jekyll", "bundle exec jekyll build", "_site"
	})},
	{"static-jekyll-no-gemfile", with(web("notes", "static", "", "", 0), func(s *detect.Service) {
		s.Kind, s.Framework, s.BuildCommand = detect.KindStatic, "jekyll", "bundle exec jekyll build"
	})},
}

func TestDockerfileGolden(t *testing.T) {
	if len(dockerfileCases) < 25 {
		t.Fatalf("got %d Dockerfile cases, want at least 25", len(dockerfileCases))
	}
	seen := map[string]bool{}
	for _, tc := range dockerfileCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Dockerfile(tc.svc)
			if err != nil {
				t.Fatalf("Dockerfile(%s): %v", tc.name, err)
			}
			seen[tc.svc.Language] = true
			golden.Assert(t, "testdata/dockerfile/"+tc.name+".Dockerfile", got)
		})
	}
	for _, lang := range DockerfileLanguages() {
		if !seen[lang] {
			t.Errorf("language %q has no golden Dockerfile case", lang)
		}
	}
}

// TestDockerfileLintClean runs BuildKit's full linter on every generated
// Dockerfile: zero warnings is the bar.
func TestDockerfileLintClean(t *testing.T) {
	for _, tc := range dockerfileCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Dockerfile(tc.svc)
			if err != nil {
				t.Fatal(err)
			}
			warnings, err := dockerlint.Lint(tc.name+".Dockerfile", got)
			if err != nil {
				t.Fatalf("dockerlint.Lint(%s): %v", tc.name, err)
			}
			for _, w := range warnings {
				t.Errorf("%s:%s", tc.name, w)
			}
		})
	}
}

var fromRE = regexp.MustCompile(`(?m)^FROM (\S+)`)

// pinned reports whether an image reference names a version: a tag with a
// number or a Debian release name, or a repository that carries its
// release (distroless/static-debian12) with a variant tag.
func pinned(ref string) bool {
	i := strings.LastIndex(ref, ":")
	if i < 0 || strings.Contains(ref[i:], "/") {
		return false // no tag
	}
	repo, tag := ref[:i], ref[i+1:]
	switch {
	case tag == "latest":
		return false
	case regexp.MustCompile(`\d`).MatchString(tag), strings.Contains(tag, "bookworm"), strings.Contains(tag, "noble"):
		return true
	}
	return regexp.MustCompile(`debian\d+$`).MatchString(repo)
}

// TestDockerfileProperties checks the rules every generated file must keep,
// independently of the golden files.
func TestDockerfileProperties(t *testing.T) {
	for _, tc := range dockerfileCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Dockerfile(tc.svc)
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if !strings.HasPrefix(got, "# syntax=docker/dockerfile:1\n") {
				t.Errorf("%s: first line is %q, want the syntax directive", tc.name, strings.SplitN(got, "\n", 2)[0])
			}
			if strings.Contains(got, "# check=") {
				t.Errorf("%s: contains a check directive that could silence the linter", tc.name)
			}
			froms := fromRE.FindAllStringSubmatch(got, -1)
			stages := map[string]bool{}
			for _, l := range strings.Split(got, "\n") {
				if f := strings.Fields(l); len(f) >= 4 && f[0] == "FROM" && f[2] == "AS" {
					stages[f[3]] = true
				}
			}
			// A static site without a build step is the one single-stage file.
			if len(froms) < 2 && !(tc.svc.Language == "static" && tc.svc.BuildCommand == "") {
				t.Errorf("%s: got %d stages, want a multi-stage build", tc.name, len(froms))
			}
			for _, m := range froms {
				if img := m[1]; !stages[img] && !pinned(img) {
					t.Errorf("%s: base image %q is not pinned to a version", tc.name, img)
				}
			}
			users := regexp.MustCompile(`(?m)^USER (\S+)`).FindAllStringSubmatch(got, -1)
			if len(users) == 0 {
				t.Errorf("%s: no USER instruction", tc.name)
			} else if u := users[len(users)-1][1]; u == "root" || u == "0" || strings.HasPrefix(u, "0:") {
				t.Errorf("%s: runs as %q, want a non-root user", tc.name, u)
			}
			if !regexp.MustCompile(`(?m)^(CMD|ENTRYPOINT) \[`).MatchString(got) {
				t.Errorf("%s: no exec-form CMD or ENTRYPOINT", tc.name)
			}
			web := tc.svc.Kind != detect.KindWorker
			if hasExpose := strings.Contains(got, "\nEXPOSE "); hasExpose != web {
				t.Errorf("%s: EXPOSE present = %v, want %v (kind %s)", tc.name, hasExpose, web, tc.svc.Kind)
			}
			distroless := strings.Contains(got, "gcr.io/distroless/")
			if distroless && strings.Contains(got, "\nHEALTHCHECK ") {
				t.Errorf("%s: HEALTHCHECK in a distroless image, which has nothing to run it", tc.name)
			}
			// Deno's module cache is also its runtime cache, so it is a layer.
			if len(tc.svc.Build.Manifests) > 0 && tc.svc.Language != "deno" && !strings.Contains(got, "--mount=type=cache") {
				t.Errorf("%s: no BuildKit cache mount for the package manager", tc.name)
			}
			// Manifests are copied before the full source.
			if first, all := strings.Index(got, "COPY "+firstManifest(tc.svc)), strings.Index(got, "COPY . ."); len(tc.svc.Build.Manifests) > 0 && all >= 0 && (first < 0 || first > all) {
				t.Errorf("%s: manifests not copied before the source (manifest COPY at %d, COPY . . at %d)", tc.name, first, all)
			}
			for _, name := range tc.svc.Env {
				if strings.Contains(got, name) {
					t.Errorf("%s: env var %s from the service's env list appears in the Dockerfile", tc.name, name)
				}
			}
		})
	}
}

// firstManifest is the manifest that copyManifests writes first.
func firstManifest(s detect.Service) string {
	d := &dockerfile{}
	d.copyManifests(s.Build.Manifests)
	f := strings.Fields(d.b.String())
	if len(f) < 2 {
		return "\x00none"
	}
	return f[1]
}

func TestDockerfileDeterministic(t *testing.T) {
	for _, tc := range dockerfileCases {
		a, errA := Dockerfile(tc.svc)
		b, errB := Dockerfile(tc.svc)
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v / %v", tc.name, errA, errB)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", tc.name)
		}
		ia, ib := Dockerignore(tc.svc), Dockerignore(tc.svc)
		if !bytes.Equal(ia, ib) {
			t.Errorf("%s: two .dockerignore renders differ", tc.name)
		}
	}
}

func TestDockerfileErrors(t *testing.T) {
	tests := []struct {
		name     string
		svc      detect.Service
		want     string
		existing bool
	}{
		{"docker language", detect.Service{Name: "legacy", Path: "svc", Language: "docker", Build: detect.Build{Dockerfile: "svc/Dockerfile"}}, `svc/Dockerfile: existing Dockerfile is kept`, true},
		{"existing Dockerfile on a node service", with(web("api", "node", "22", "npm", 3000, "package.json"), func(s *detect.Service) { s.Build.Dockerfile = "Dockerfile" }), "existing Dockerfile is kept", true},
		{"unknown language", web("x", "cobol", "", "", 8080), `no Dockerfile generator for language "cobol"`, false},
		{"newline in start command", with(web("x", "node", "22", "npm", 3000), func(s *detect.Service) { s.StartCommand = "node a.js\nRUN curl evil" }), "contains a newline", false},
		{"manifest escapes the context", web("x", "node", "22", "npm", 3000, "../package.json"), "must be relative", false},
		{"manifest with a space", web("x", "node", "22", "npm", 3000, "my package.json"), "must be relative", false},
		{"secret inline in start command", with(web("x", "node", "22", "npm", 3000), func(s *detect.Service) { s.StartCommand = "API_TOKEN=hunter2hunter2 node a.js" }), "sets API_TOKEN inline", false},
		{"access key in build command", with(web("x", "python", "3.12", "pip", 8000), func(s *detect.Service) { s.BuildCommand = "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE" }), "AWS access key id", false},
		{"port out of range", web("x", "go", "1.23", "go", 70000), "port 70000 out of range", false},
		{"rust binary with a quote", with(web("x", "rust", "1.83", "cargo", 8080), func(s *detect.Service) { s.Build.Entrypoint = `bin"x` }), "unsupported characters", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Dockerfile(tc.svc)
			if err == nil {
				t.Fatalf("Dockerfile(%s): got no error and %d bytes, want an error containing %q", tc.name, len(got), tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Dockerfile(%s): got error %q, want it to contain %q", tc.name, err, tc.want)
			}
			if is := errors.Is(err, ErrExistingDockerfile); is != tc.existing {
				t.Errorf("Dockerfile(%s): errors.Is(err, ErrExistingDockerfile) = %v, want %v", tc.name, is, tc.existing)
			}
			for _, secret := range []string{"hunter2hunter2", "AKIAIOSFODNN7EXAMPLE"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("Dockerfile(%s): error %q repeats the secret value", tc.name, err)
				}
			}
		})
	}
}

func TestVersionHelpers(t *testing.T) {
	tests := []struct {
		raw, major, majorMinor string
	}{
		{"22.11.0", "22", "22.11"},
		{">=20", "20", "def"},
		{"^3.13", "3", "3.13"},
		{"~> 3.3.5", "3", "3.3"},
		{"net10.0", "10", "10.0"},
		{"lts/*", "def", "def"},
		{"", "def", "def"},
		{"1.023", "1", "1.23"},
	}
	for _, tc := range tests {
		if got := major(tc.raw, "def"); got != tc.major {
			t.Errorf("major(%q): got %q, want %q", tc.raw, got, tc.major)
		}
		if got := majorMinor(tc.raw, "def"); got != tc.majorMinor {
			t.Errorf("majorMinor(%q): got %q, want %q", tc.raw, got, tc.majorMinor)
		}
	}
}

func TestExecForm(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"node server.js", `["node", "server.js"]`},
		{"  gunicorn app:app  ", `["gunicorn", "app:app"]`},
		{"uvicorn main:app --port $PORT", `["/bin/sh", "-c", "exec uvicorn main:app --port $PORT"]`},
		{"npm run migrate && node server.js", `["/bin/sh", "-c", "npm run migrate && node server.js"]`},
		{`node -e "console.log(1)"`, `["/bin/sh", "-c", "exec node -e \"console.log(1)\""]`},
	}
	for _, tc := range tests {
		if got := jsonArgs(execForm(tc.in)); got != tc.want {
			t.Errorf("execForm(%q): got %s, want %s", tc.in, got, tc.want)
		}
	}
}
