package detect

import (
	"strconv"
	"strings"
	"testing"
)

func TestGoMajorMinor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.23", "1.23"},
		{"1.23.4", "1.23"},
		{"go1.24.2", "1.24"},
		{"1.25rc1", "1.25"},
		{"1", ""},
		{"", ""},
		{"go", ""},
		{"x.y", ""},
	}
	for _, tt := range tests {
		if got := goMajorMinor(tt.in); got != tt.want {
			t.Errorf("goMajorMinor(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGoBinaryName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"github.com/acme/hello", "hello"},
		{"example.com/shop/v2", "shop"},
		{"v2", "v2"},
		{"example.com/tools/vet", "vet"},
		{"hello", "hello"},
	}
	for _, tt := range tests {
		if got := goBinaryName(tt.in); got != tt.want {
			t.Errorf("goBinaryName(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseGoMod(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		module    string
		goVersion string
		toolchain string
		direct    []string
		errLine   int
	}{
		{
			name:      "requires",
			src:       "module example.com/a\n\ngo 1.22\n\ntoolchain go1.24.1\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n\tgithub.com/x/y v1.0.0 // indirect\n)\n",
			module:    "example.com/a",
			goVersion: "1.22",
			toolchain: "go1.24.1",
			direct:    []string{"github.com/lib/pq"},
		},
		{
			name:   "unterminated block",
			src:    "module example.com/b\ngo 1.21\nrequire (\n\tgithub.com/x/y v1.0.0\n",
			module: "example.com/b", goVersion: "1.21",
			errLine: 5,
		},
		{
			name:    "garbage line",
			src:     "module example.com/c\n\"unclosed\n",
			module:  "example.com/c",
			errLine: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := parseGoMod("go.mod", []byte(tt.src))
			if tt.errLine > 0 {
				se, ok := err.(*goSyntaxError)
				if !ok {
					t.Fatalf("parseGoMod(%q): got error %v, want a syntax error at line %d", tt.src, err, tt.errLine)
				}
				if se.Line != tt.errLine {
					t.Errorf("parseGoMod(%q): got error line %d, want %d (%v)", tt.src, se.Line, tt.errLine, se)
				}
			} else if err != nil {
				t.Fatalf("parseGoMod(%q): got error %v, want none", tt.src, err)
			}
			if info.Module != tt.module || info.GoVersion != tt.goVersion || info.Toolchain != tt.toolchain {
				t.Errorf("parseGoMod(%q): got module %q go %q toolchain %q, want %q %q %q", tt.src, info.Module, info.GoVersion, info.Toolchain, tt.module, tt.goVersion, tt.toolchain)
			}
			var direct []string
			for _, r := range info.Requires {
				if !r.Indirect {
					direct = append(direct, r.Path)
				}
			}
			if strings.Join(direct, ",") != strings.Join(tt.direct, ",") {
				t.Errorf("parseGoMod(%q): got direct requires %v, want %v", tt.src, direct, tt.direct)
			}
		})
	}
}

func TestParseGoWork(t *testing.T) {
	w, err := parseGoWork("go.work", []byte("go 1.23.0\n\nuse (\n\t./api\n\t./libs/shared/\n\t.\n)\n"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, u := range w.Uses {
		dirs = append(dirs, u.Dir)
	}
	if got, want := strings.Join(dirs, ","), "api,libs/shared,."; got != want {
		t.Errorf("parseGoWork uses: got %q, want %q", got, want)
	}
	if w.GoVersion != "1.23.0" || w.GoLine != 1 {
		t.Errorf("parseGoWork go: got %q at line %d, want 1.23.0 at line 1", w.GoVersion, w.GoLine)
	}
	if _, err := parseGoWork("go.work", []byte("use (\n")); err == nil {
		t.Errorf("parseGoWork(%q): got no error, want one", "use (\n")
	}
}

func TestParseGoImports(t *testing.T) {
	tests := []struct {
		name, src, pkg string
		imports        []string
	}{
		{"grouped", "// doc\npackage main\n\nimport (\n\t\"net/http\"\n\tg \"github.com/gin-gonic/gin\"\n)\n", "main", []string{"net/http", "github.com/gin-gonic/gin"}},
		{"single", "package store\nimport \"os\"\n", "store", []string{"os"}},
		{"ignored by build tag", "//go:build ignore\n\npackage main\n", "", nil},
		{"syntax error after imports", "package main\nimport \"os\"\nfunc {", "main", []string{"os"}},
		{"not go", "hello world", "", nil},
	}
	for _, tt := range tests {
		p := parseGoImports("x.go", []byte(tt.src))
		var got []string
		for _, i := range p.Imports {
			got = append(got, i.Path)
		}
		if p.Name != tt.pkg || strings.Join(got, ",") != strings.Join(tt.imports, ",") {
			t.Errorf("%s: parseGoImports(%q): got package %q imports %v, want %q %v", tt.name, tt.src, p.Name, got, tt.pkg, tt.imports)
		}
	}
}

func TestGoFramework(t *testing.T) {
	tests := []struct {
		imports []string
		want    string
	}{
		{[]string{"net/http", "github.com/go-chi/chi/v5"}, "chi"},
		{[]string{"github.com/labstack/echo/v4/middleware", "net/http"}, "echo"},
		{[]string{"github.com/gofiber/fiber/v2"}, "fiber"},
		{[]string{"github.com/gorilla/mux"}, "gorilla-mux"},
		{[]string{"net/http"}, "net-http"},
		{[]string{"net/http/httptest2"}, "net-http"},
		{[]string{"github.com/gin-gonic/ginx"}, ""},
		{[]string{"os"}, ""},
	}
	for _, tt := range tests {
		var imps []goImport
		for _, p := range tt.imports {
			imps = append(imps, goImport{Path: p})
		}
		if got, _ := goBestFramework(imps); got != tt.want {
			t.Errorf("goBestFramework(%v): got %q, want %q", tt.imports, got, tt.want)
		}
	}
}

func TestGoPortPatterns(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"port := os.Getenv(\"PORT\")\nif port == \"\" {\n\tport = \"8081\"\n}", "8081"},
		{"addr := cmp.Or(os.Getenv(\"PORT\"), \"3000\")", "3000"},
		{"http.ListenAndServe(\":9000\", nil)", "9000"},
		{"srv := &http.Server{Addr: \"0.0.0.0:7000\"}", "7000"},
		{"redis.NewClient(&redis.Options{Addr: \"localhost:6379\"})", ""},
		{"if timeout == \"\" { timeout = \"30\" }", ""},
	}
	for _, tt := range tests {
		got := ""
		for _, re := range goPortPatterns {
			if ms := FindAll([]byte(tt.src), re); len(ms) > 0 {
				got = ms[0].Value
				break
			}
		}
		if got != tt.want {
			t.Errorf("go port in %q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestGoListen(t *testing.T) {
	tests := []struct {
		src       string
		framework bool // the program imports gin, echo or fiber
		want      bool
	}{
		{"log.Fatal(http.ListenAndServe(addr, mux))", false, true},
		{"lis, _ := net.Listen(\"tcp\", addr)", false, true},
		{"grpcServer.Serve(lis)", false, true},
		{"r.Run()", true, true},
		{"e.Logger.Fatal(e.Start(\":1323\"))", true, true},
		{"app.Listen(\":\" + port)", true, true},
		{"if err := srv.Run(mux); err != nil {}", true, false},
		{"exec.Command(\"ls\").Run()", false, false},
		{"time.Sleep(time.Second)", false, false},
	}
	for _, tt := range tests {
		got := goListenRE.MatchString(tt.src) || (tt.framework && goFrameworkListenRE.MatchString(tt.src))
		if got != tt.want {
			t.Errorf("listening in %q (framework import %v): got %v, want %v", tt.src, tt.framework, got, tt.want)
		}
	}
}

func TestGoDetector(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // name kind port entrypoint
		notes int
	}{
		{
			name: "library only",
			files: map[string]string{
				"go.mod":     "module example.com/lib\n\ngo 1.22\n",
				"lib.go":     "package lib\n",
				"cmd/README": "no mains here",
			},
			notes: 1,
		},
		{
			name: "root main and cmd tool",
			files: map[string]string{
				"go.mod":              "module example.com/svc\n\ngo 1.22\n",
				"main.go":             "package main\nimport \"net/http\"\nfunc main() { http.ListenAndServe(\":8000\", nil) }\n",
				"cmd/migrate/main.go": "package main\nfunc main() {}\n",
				"cmd/migrate/doc.go":  "package documentation\n",
				"cmd/notes/notes.txt": "not go",
			},
			want: []string{"svc web 8000 .", "migrate worker 0 ./cmd/migrate"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, tt.files)
			a, err := AnalyzeWith(root, []Detector{golangDetector{}})
			if len(tt.want) == 0 {
				if err != ErrNoServices {
					t.Fatalf("%s: got error %v, want ErrNoServices", tt.name, err)
				}
			} else if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var got []string
			for _, s := range a.Services {
				got = append(got, s.Name+" "+s.Kind+" "+strconv.Itoa(s.Port)+" "+s.Build.Entrypoint)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%s: got services %q, want %q", tt.name, got, tt.want)
			}
			if len(a.Notes) != tt.notes {
				t.Errorf("%s: got notes %v, want %d", tt.name, a.Notes, tt.notes)
			}
		})
	}
}
