package detect

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestLowestAllowedMinor(t *testing.T) {
	tests := []struct {
		constraint string
		supported  []string
		dialect    constraintDialect
		want       string
		ok         bool
	}{
		{">=3.11", pythonSupportedMinors, dialectPEP440, "3.11", true},
		{">=3.8", pythonSupportedMinors, dialectPEP440, "3.10", true},
		{">=3.9,<3.14", pythonSupportedMinors, dialectPEP440, "3.10", true},
		{">3.11", pythonSupportedMinors, dialectPEP440, "3.11", true}, // 3.11.1 is allowed
		{">3.11.*", pythonSupportedMinors, dialectPEP440, "3.12", true},
		{"<3.12", pythonSupportedMinors, dialectPEP440, "3.10", true},
		{"~=3.12", pythonSupportedMinors, dialectPEP440, "3.12", true},
		{"~=3.12.1", pythonSupportedMinors, dialectPEP440, "3.12", true},
		{"==3.13.*", pythonSupportedMinors, dialectPEP440, "3.13", true},
		{"^3.12", pythonSupportedMinors, dialectPEP440, "3.12", true},
		{"~3.11", pythonSupportedMinors, dialectPEP440, "3.11", true},
		{">=3.8,<3.10", pythonSupportedMinors, dialectPEP440, "", false},
		{">=3.16", pythonSupportedMinors, dialectPEP440, "3.16", true}, // newer than the table
		{"garbage", pythonSupportedMinors, dialectPEP440, "", false},
		{"", pythonSupportedMinors, dialectPEP440, "", false},
		{"^8.3", phpSupportedMinors, dialectComposer, "8.3", true},
		{">=8.2", phpSupportedMinors, dialectComposer, "8.2", true},
		{">=7.4", phpSupportedMinors, dialectComposer, "8.2", true},
		{"^7.4 || ^8.1", phpSupportedMinors, dialectComposer, "8.2", true},
		{"~8.3", phpSupportedMinors, dialectComposer, "8.3", true},
		{">=8.3 <8.5", phpSupportedMinors, dialectComposer, "8.3", true},
		{"8.4.*", phpSupportedMinors, dialectComposer, "8.4", true},
		{"^7.4", phpSupportedMinors, dialectComposer, "", false},
		{"~> 3.2", rubySupportedMinors, dialectRubyGems, "3.3", true},
		{">= 3.1, < 3.4", rubySupportedMinors, dialectRubyGems, "3.3", true},
		{"~> 3.4.1", rubySupportedMinors, dialectRubyGems, "3.4", true},
		{"~> 1.14", elixirSupportedMinors, dialectRubyGems, "1.15", true},
		{"~> 1.17", elixirSupportedMinors, dialectRubyGems, "1.17", true},
		{"~> 1.17 or ~> 1.16", elixirSupportedMinors, dialectRubyGems, "1.16", true},
	}
	for _, tt := range tests {
		got, ok := lowestAllowedMinor(tt.constraint, tt.supported, tt.dialect)
		if got != tt.want || ok != tt.ok {
			t.Errorf("lowestAllowedMinor(%q): got %q, %v, want %q, %v", tt.constraint, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseRequirements(t *testing.T) {
	data := strings.Join([]string{
		"# comment",
		"Django>=5.0,<5.2  # inline comment",
		"psycopg[binary,pool]==3.2.1 ; python_version >= '3.10'",
		"gunicorn==22.0.0 \\",
		"    --hash=sha256:abc",
		"-r base.txt",
		"--requirement=extra/more.txt",
		"-c constraints.txt",
		"-e git+https://example.com/sdk.git#egg=Example_SDK",
		"-e .",
		"--index-url https://pypi.example.com/simple",
		"https://example.com/pkg.tar.gz#egg=url-pkg",
		"requests @ https://example.com/requests.whl",
		"./local/path",
		"wheel-1.0-py3-none-any.whl",
		"zope.interface",
		"",
	}, "\n")
	reqs, incs := parseRequirements([]byte(data))
	var got []string
	for _, r := range reqs {
		got = append(got, fmt.Sprintf("%s%v@%d", r.Name, r.Extras, r.Line))
	}
	want := []string{"django[]@2", "psycopg[binary pool]@3", "gunicorn[]@4", "example-sdk[]@9", "url-pkg[]@12", "requests[]@13", "zope-interface[]@16"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseRequirements requirements: got %v, want %v", got, want)
	}
	wantInc := []pyInclude{{Path: "base.txt", Line: 6}, {Path: "extra/more.txt", Line: 7}}
	if !reflect.DeepEqual(incs, wantInc) {
		t.Errorf("parseRequirements includes: got %v, want %v", incs, wantInc)
	}
}

func TestParsePyProjectSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		name, input string
		line, col   int
	}{
		{"error at the start of a line", "[project]\ndependencies = [\n  \"a\"\nversion = \"1\"\n", 4, 1},
		{"error inside a line", "[project]\nname = = \"x\"\n", 2, 8},
	}
	for _, tt := range tests {
		_, err := parsePyProject([]byte(tt.input))
		se, ok := err.(*syntaxError)
		if !ok {
			t.Errorf("%s: got error %v, want a *syntaxError", tt.name, err)
			continue
		}
		if se.Line != tt.line || se.Column != tt.col {
			t.Errorf("%s: got %d:%d, want %d:%d (%s)", tt.name, se.Line, se.Column, tt.line, tt.col, se.Msg)
		}
	}
}

func TestParsePyProjectPoetry(t *testing.T) {
	data := `[tool.poetry]
name = "svc"

[tool.poetry.dependencies]
python = { version = ">=3.12,<3.14" }
Flask = "^3.0"
celery = { version = "^5.4", extras = ["redis"] }

[tool.poetry.scripts]
svc = "svc.cli:run"
`
	p, err := parsePyProject([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "svc" || p.PoetryPython != ">=3.12,<3.14" || !p.HasPoetry {
		t.Errorf("parsePyProject: got name %q python %q poetry %v, want svc, >=3.12,<3.14, true", p.Name, p.PoetryPython, p.HasPoetry)
	}
	got := fmt.Sprint(p.Deps)
	want := "[{flask [] 6} {celery [redis] 7}]"
	if got != want {
		t.Errorf("parsePyProject deps: got %s, want %s", got, want)
	}
	if !reflect.DeepEqual(p.Scripts, []string{"svc"}) || p.ScriptTargets["svc"] != "svc.cli:run" {
		t.Errorf("parsePyProject scripts: got %v %v, want [svc] svc.cli:run", p.Scripts, p.ScriptTargets)
	}
}

func TestParseSetupFiles(t *testing.T) {
	name, deps := parseSetupPy([]byte("from setuptools import setup\nsetup(\n    name='legacy-app',\n    install_requires=[\n        'Flask>=2',\n        \"redis\",\n    ],\n)\n"))
	if name != "legacy-app" || fmt.Sprint(deps) != "[{flask [] 5} {redis [] 6}]" {
		t.Errorf("parseSetupPy: got %q %v, want legacy-app [{flask [] 5} {redis [] 6}]", name, deps)
	}
	name, deps = parseSetupCfg([]byte("[metadata]\nname = cfg-app\n\n[options]\ninstall_requires =\n    fastapi>=0.100\n    asyncpg\npython_requires = >=3.10\n"))
	if name != "cfg-app" || fmt.Sprint(deps) != "[{fastapi [] 6} {asyncpg [] 7}]" {
		t.Errorf("parseSetupCfg: got %q %v, want cfg-app [{fastapi [] 6} {asyncpg [] 7}]", name, deps)
	}
}

func TestParseToolVersions(t *testing.T) {
	data := []byte("# tools\nnodejs 22.1.0\npython 3.12.4 3.11.9\nelixir 1.17.3-otp-27\nruby system\n")
	tests := []struct {
		tool, want string
		line       int
	}{
		{"python", "3.12.4", 3},
		{"elixir", "1.17.3", 4},
		{"ruby", "", 0},
		{"php", "", 0},
	}
	for _, tt := range tests {
		got, line := parseToolVersions(data, tt.tool)
		if got != tt.want || line != tt.line {
			t.Errorf("parseToolVersions(%s): got %q line %d, want %q line %d", tt.tool, got, line, tt.want, tt.line)
		}
	}
}

// analyzeOnly runs one detector over a tree and returns its services.
func analyzeOnly(t *testing.T, det Detector, files map[string]string) *Analysis {
	t.Helper()
	a, err := AnalyzeWith(writeTree(t, files), []Detector{det})
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	return a
}

func TestPythonDetect(t *testing.T) {
	tests := []struct {
		name            string
		files           map[string]string
		services        int
		start, entry    string
		kind, version   string
		worker          string
		packageManager  string
		framework       string
		backingContains string
	}{
		{
			name: "flask app outside the conventional files is found by Enrich",
			files: map[string]string{
				"requirements.txt":  "flask\ngunicorn\n",
				"web/server.py":     "from flask import Flask\nserver = Flask(__name__)\n",
				"tests/conftest.py": "from flask import Flask\nfake = Flask(__name__)\n",
			},
			services: 1, start: "gunicorn --bind 0.0.0.0:8000 web.server:server", entry: "web.server:server",
			kind: "web", version: "3.13", packageManager: "pip", framework: "flask",
		},
		{
			name:     "fastapi with no app instance falls back to main:app",
			files:    map[string]string{"pyproject.toml": "[project]\nname='x'\ndependencies=['fastapi']\n[tool.uv]\n"},
			services: 1, start: "uvicorn main:app --host 0.0.0.0 --port 8000", entry: "main:app",
			kind: "web", version: "3.13", packageManager: "uv", framework: "fastapi",
		},
		{
			name: "docs/requirements.txt belongs to the project above",
			files: map[string]string{
				"requirements.txt":      "fastapi\n",
				"main.py":               "import fastapi\napp = fastapi.FastAPI()\n",
				"docs/requirements.txt": "sphinx\n",
			},
			services: 1, start: "uvicorn main:app --host 0.0.0.0 --port 8000", entry: "main:app",
			kind: "web", version: "3.13", packageManager: "pip", framework: "fastapi",
		},
		{
			name: "celery app found by Enrich, requires-python range",
			files: map[string]string{
				"pyproject.toml":   "[project]\nname='jobs'\nrequires-python='>=3.12'\ndependencies=['celery[redis]']\n",
				"jobs/__main__.py": "print('hi')\n",
				"jobs/__init__.py": "",
				"jobs/queue.py":    "from celery import Celery\nbroker = Celery('jobs')\n",
			},
			services: 1, start: "python -m jobs", entry: "jobs", kind: "worker", version: "3.12", packageManager: "pip",
			worker: "celery -A jobs.queue:broker worker --loglevel=info", backingContains: "redis",
		},
		{
			name: "django asgi with uvicorn and no gunicorn",
			files: map[string]string{
				"requirements.txt":        "django\nuvicorn\n",
				"manage.py":               "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.production')\n",
				"config/wsgi.py":          "",
				"config/asgi.py":          "",
				"config/settings/base.py": "STATIC_ROOT = 'x'\n",
			},
			services: 1, start: "uvicorn config.asgi:application --host 0.0.0.0 --port 8000", entry: "config.asgi:application",
			kind: "web", version: "3.13", packageManager: "pip", framework: "django",
		},
		{
			name:     "a lone setup.py is a weak claim with nothing to start",
			files:    map[string]string{"setup.py": "setup(name='lib')\n"},
			services: 1, kind: "worker", version: "3.13", packageManager: "pip",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeOnly(t, pythonDetector{}, tt.files)
			if len(a.Services) != tt.services {
				t.Fatalf("got %d services, want %d: %+v", len(a.Services), tt.services, a.Services)
			}
			s := a.Services[0]
			got := []string{s.StartCommand, s.Build.Entrypoint, s.Kind, s.LanguageVersion, s.PackageManager, s.Framework}
			want := []string{tt.start, tt.entry, tt.kind, tt.version, tt.packageManager, tt.framework}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("start, entrypoint, kind, version, package manager, framework: got %q, want %q", got, want)
			}
			if tt.worker != "" {
				found := false
				for _, b := range s.BackingServices {
					found = found || b.Kind == KindWorker && b.Command == tt.worker
				}
				if !found {
					t.Errorf("worker: got %+v, want command %q", s.BackingServices, tt.worker)
				}
			}
			if tt.backingContains != "" && !strings.Contains(fmt.Sprint(s.BackingServices), tt.backingContains) {
				t.Errorf("backing services: got %+v, want one of kind %s", s.BackingServices, tt.backingContains)
			}
		})
	}
}

func TestPythonEnvPatterns(t *testing.T) {
	src := `import os
from os import environ, getenv
a = os.environ["A_ONE"]
b = os.environ.get('B_TWO', 'x')
c = getenv("C_THREE")
d = environ["D_FOUR"]
e = env("E_FIVE")
f = env.bool("F_SIX", default=False)
g = config("G_SEVEN", cast=int)
h = os.environ.setdefault("NOT_READ", "x")
i = os.environ["lowercase"]
`
	s := Service{}
	a := analyzeOnly(t, pythonDetector{}, map[string]string{"requirements.txt": "requests\n", "main.py": src})
	s = a.Services[0]
	want := []string{"A_ONE", "B_TWO", "C_THREE", "D_FOUR", "E_FIVE", "F_SIX", "G_SEVEN"}
	if !reflect.DeepEqual(s.Env, want) {
		t.Errorf("env names from main.py: got %v, want %v", s.Env, want)
	}
}
