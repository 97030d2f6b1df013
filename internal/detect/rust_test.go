package detect

import (
	"errors"
	"strings"
	"testing"
)

func TestParseCargoToml(t *testing.T) {
	src := `[package]
name = "svc"
rust-version = "1.79.0"
default-run = "server"

[[bin]]
name = "server"

[[bin]]
name = "cli"

[dependencies]
axum = "0.8"
db = { package = "sqlx", version = "0.8", features = ["postgres", "runtime-tokio"] }
shared = { workspace = true, features = ["extra"] }
`
	c, err := parseCargoToml([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "svc" || c.RustVersion != "1.79.0" || c.DefaultRun != "server" || strings.Join(c.Bins, ",") != "server,cli" {
		t.Errorf("parseCargoToml: got name %q rust-version %q default-run %q bins %v, want svc 1.79.0 server [server cli]", c.Name, c.RustVersion, c.DefaultRun, c.Bins)
	}
	var deps []string
	for _, d := range c.Deps {
		deps = append(deps, d.Name+"["+strings.Join(d.Features, "+")+"]")
	}
	if got, want := strings.Join(deps, " "), "axum[] shared[extra] sqlx[postgres+runtime-tokio]"; got != want {
		t.Errorf("parseCargoToml deps: got %q, want %q", got, want)
	}
	if c.line("rust-version") != 3 {
		t.Errorf("line of rust-version: got %d, want 3", c.line("rust-version"))
	}

	ws, err := parseCargoToml([]byte("[workspace]\nmembers = [\"crates/*\", \"tools/cli\"]\nexclude = [\"crates/old\"]\n[workspace.package]\nrust-version = \"1.85\"\n[workspace.dependencies]\nsqlx = { version = \"0.8\", features = [\"mysql\"] }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !ws.IsWorkspace || ws.HasPackageTable || strings.Join(ws.Members, ",") != "crates/*,tools/cli" || ws.WorkspaceRustV != "1.85" || len(ws.WorkspaceDeps["sqlx"].Features) != 1 {
		t.Errorf("parseCargoToml workspace: got %+v", ws)
	}

	for _, bad := range []struct {
		src       string
		line, col int
	}{
		{"[package]\nname = \"x\nversion = \"1\"\n", 2, 8},
		{"[package]\nname = \"x\"\nedition = 2021-\n", 3, 11},
		{"[dependencies]\naxum = \n", 2, 7},
	} {
		_, err := parseCargoToml([]byte(bad.src))
		var se *cargoSyntaxError
		if !errors.As(err, &se) {
			t.Errorf("parseCargoToml(%q): got %v, want a syntax error", bad.src, err)
			continue
		}
		if se.Line != bad.line {
			t.Errorf("parseCargoToml(%q): got line %d col %d, want line %d (%s)", bad.src, se.Line, se.Column, bad.line, se.Msg)
		}
	}
}

func TestRustBacking(t *testing.T) {
	tests := []struct {
		deps []cargoDep
		want string
	}{
		{[]cargoDep{{Name: "sqlx", Features: []string{"runtime-tokio", "postgres"}}}, "postgres"},
		{[]cargoDep{{Name: "sqlx", Features: []string{"mysql"}}}, "mysql"},
		{[]cargoDep{{Name: "sqlx", Features: []string{"sqlite"}}}, ""},
		{[]cargoDep{{Name: "diesel", Features: []string{"postgres"}}, {Name: "redis"}}, "postgres,redis"},
		{[]cargoDep{{Name: "tokio-postgres"}, {Name: "mongodb"}, {Name: "aws-sdk-s3"}, {Name: "aws-sdk-sqs"}, {Name: "mysql_async"}}, "postgres,mongodb,s3,sqs,mysql"},
	}
	for _, tt := range tests {
		var kinds []string
		for _, b := range rustBacking("Cargo.toml", tt.deps) {
			kinds = append(kinds, b.Kind)
		}
		if got := strings.Join(kinds, ","); got != tt.want {
			t.Errorf("rustBacking(%+v): got %q, want %q", tt.deps, got, tt.want)
		}
	}
}

func TestRustMajorMinor(t *testing.T) {
	for in, want := range map[string]string{"1.79.0": "1.79", "1.80": "1.80", "stable": "", "nightly-2024-05-01": "", "2.0": "", "": ""} {
		if got := rustMajorMinor(in); got != want {
			t.Errorf("rustMajorMinor(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestRustPortPatterns(t *testing.T) {
	tests := []struct{ src, want string }{
		{`let addr = SocketAddr::from(([0, 0, 0, 0], 3000));`, "3000"},
		{`HttpServer::new(f).bind(("0.0.0.0", 8080))?`, "8080"},
		{`TcpListener::bind("0.0.0.0:4000").await`, "4000"},
		{`let port = env::var("PORT").unwrap_or_else(|_| "5000".to_string());`, "5000"},
		{`warp::serve(routes).run(([127, 0, 0, 1], 3030)).await;`, ""},
		{`let url = "redis://127.0.0.1/";`, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, re := range rustPortPatterns {
			if ms := FindAll([]byte(tt.src), re); len(ms) > 0 {
				got = ms[0].Value
				break
			}
		}
		if got != tt.want {
			t.Errorf("rust port in %q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestRustWorkspaceMembers(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Cargo.toml":              "[workspace]\nmembers = [\"crates/*\", \"tools/gen\"]\nexclude = [\"crates/old\"]\n",
		"crates/a/Cargo.toml":     "[package]\nname = \"a\"\n",
		"crates/b/Cargo.toml":     "[package]\nname = \"b\"\n",
		"crates/old/Cargo.toml":   "[package]\nname = \"old\"\n",
		"crates/notes/README.md":  "not a crate",
		"tools/gen/Cargo.toml":    "[package]\nname = \"gen\"\n",
		"tools/unused/Cargo.toml": "[package]\nname = \"unused\"\n",
	})
	repo, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	d := repo.Dir(".")
	c := loadCargo(d)
	var got []string
	for _, m := range rustMembers(d, c) {
		got = append(got, m.Path)
	}
	if want := "crates/a,crates/b,tools/gen"; strings.Join(got, ",") != want {
		t.Errorf("rustMembers: got %v, want %s", got, want)
	}
}

func TestRustLibraryIsNotAService(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Cargo.toml": "[package]\nname = \"lib\"\n",
		"src/lib.rs": "pub fn f() {}\n",
	})
	if _, err := AnalyzeWith(root, []Detector{rustDetector{}}); !errors.Is(err, ErrNoServices) {
		t.Errorf("library crate: got %v, want ErrNoServices", err)
	}
}
