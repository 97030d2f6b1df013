package detect

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// nodeWriteTree creates files (slash paths relative to root) with contents.
func nodeWriteTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNodeMajorForRange(t *testing.T) {
	tests := []struct {
		rng, want string
		ok        bool
	}{
		{">=18", "18", true},
		{">=18.0.0", "18", true},
		{">= 18", "18", true},
		{"^20.11", "20", true},
		{"^20.11.1", "20", true},
		{"~20.11.0", "20", true},
		{"20.x", "20", true},
		{"20", "20", true},
		{"v20", "20", true},
		{">=19", "20", true},
		{"^19", "19", true},
		{">=14", "18", true},
		{"^16", "16", true},
		{"<17", "16", true},
		{">=18 <21", "18", true},
		{">18", "20", true},
		{">=19.0.0 <20", "19", true},
		{">18.99.99 <20", "18", true},
		{"^18 || ^20", "18", true},
		{"^21 || ^22", "22", true},
		{"18 - 20", "18", true},
		{">=20.9.0 <=22", "20", true},
		{"*", "18", true},
		{"", "18", true},
		{"latest", "", false},
		{"^abc", "", false},
		{"<0", "", false},
		{">=99999999999999999999", "", false},
	}
	for _, tt := range tests {
		got, ok := nodeMajorForRange(tt.rng)
		if got != tt.want || ok != tt.ok {
			t.Errorf("nodeMajorForRange(%q) = %q, %v; want %q, %v", tt.rng, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseNodeVersionPin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"v20.11.0\n", "20.11.0"},
		{"20\n", "20"},
		{"  22.3  ", "22.3"},
		{"lts/iron", "20"},
		{"lts/Jod\n", "22"},
		{"lts/*", "22"},
		{"node", "22"},
		{"stable", "22"},
		{"18 # pinned for the SDK", "18"},
		{">=20", "20"},
		{"", ""},
		{"# only a comment", ""},
		{"garbage!", ""},
		{"20.1.2.3", ""},
	}
	for _, tt := range tests {
		got, _ := parseNodeVersionPin(tt.in)
		if got != tt.want {
			t.Errorf("parseNodeVersionPin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestToolVersionsNode(t *testing.T) {
	got, line := toolVersionsNode([]byte("python 3.12.1\nnodejs 20.11.1\n"))
	if got != "20.11.1" || line != 2 {
		t.Errorf("toolVersionsNode: got %q line %d, want %q line 2", got, line, "20.11.1")
	}
	if got, _ := toolVersionsNode([]byte("ruby 3.3.0\n")); got != "" {
		t.Errorf("toolVersionsNode without nodejs: got %q, want empty", got)
	}
}

func TestParsePackageManagerField(t *testing.T) {
	tests := []struct {
		in, pm, ver string
		ok          bool
	}{
		{"pnpm@9.1.0", "pnpm", "9.1.0", true},
		{"pnpm@9.1.0+sha512.abcdef", "pnpm", "9.1.0", true},
		{"yarn@4.5.1", "yarn", "4.5.1", true},
		{"yarn@1.22.22", "yarn", "1.22.22", true},
		{"bun@1.1.34", "bun", "1.1.34", true},
		{"npm@10.9.0", "npm", "10.9.0", true},
		{"pnpm@10.0.0-rc.1", "pnpm", "10.0.0-rc.1", true},
		{"deno@2", "", "", false},
		{"pnpm", "", "", false},
		{"pnpm@latest", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		pm, ver, ok := parsePackageManagerField(tt.in)
		if pm != tt.pm || ver != tt.ver || ok != tt.ok {
			t.Errorf("parsePackageManagerField(%q) = %q, %q, %v; want %q, %q, %v", tt.in, pm, ver, ok, tt.pm, tt.ver, tt.ok)
		}
	}
}

func TestParsePackageJSON(t *testing.T) {
	tests := []struct {
		name, in   string
		workspaces []string
		bin        map[string]string
		start      string
		engines    string
	}{
		{"workspaces array", `{"name":"r","workspaces":["apps/*","packages/*"]}`, []string{"apps/*", "packages/*"}, nil, "", ""},
		{"workspaces object", `{"workspaces":{"packages":["pkgs/*"],"nohoist":["**/x"]}}`, []string{"pkgs/*"}, nil, "", ""},
		{"bin string", `{"name":"cli","bin":"./bin/cli.js"}`, nil, map[string]string{"cli": "./bin/cli.js"}, "", ""},
		{"bin map", `{"bin":{"a":"a.js","b":"b.js"}}`, nil, map[string]string{"a": "a.js", "b": "b.js"}, "", ""},
		{"wrong types ignored", `{"scripts":{"start":"node .","x":5},"engines":"node","workspaces":7}`, nil, nil, "node .", ""},
		{"engines", `{"engines":{"node":" >=20 ","npm":">=10"}}`, nil, nil, "", ">=20"},
		{"bom", "\ufeff{\"scripts\":{\"start\":\"node s.js\"}}", nil, nil, "node s.js", ""},
	}
	for _, tt := range tests {
		p, err := parsePackageJSON([]byte(tt.in))
		if err != nil {
			t.Errorf("%s: parsePackageJSON(%q): got error %v, want none", tt.name, tt.in, err)
			continue
		}
		if !reflect.DeepEqual(p.Workspaces, tt.workspaces) {
			t.Errorf("%s: workspaces: got %q, want %q", tt.name, p.Workspaces, tt.workspaces)
		}
		if !reflect.DeepEqual(p.Bin, tt.bin) {
			t.Errorf("%s: bin: got %v, want %v", tt.name, p.Bin, tt.bin)
		}
		if p.Scripts["start"] != tt.start {
			t.Errorf("%s: start script: got %q, want %q", tt.name, p.Scripts["start"], tt.start)
		}
		if p.EnginesNode != tt.engines {
			t.Errorf("%s: engines.node: got %q, want %q", tt.name, p.EnginesNode, tt.engines)
		}
	}
}

func TestParsePackageJSONErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int // 0: not a syntax error
	}{
		{"trailing comma", "{\n  \"name\": \"x\",\n}\n", 3, 1},
		{"missing comma", "{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3},
		{"truncated", "{\n  \"name\": \"x\"", 2, 13},
		{"unicode before error", "{\"é\": 1 x}", 1, 9},
		{"bom shifts nothing", "\ufeff{\n,}", 2, 1},
		{"array", `["not", "an", "object"]`, 0, 0},
		{"null", `null`, 0, 0},
		{"empty", ``, 1, 1},
	}
	for _, tt := range tests {
		_, err := parsePackageJSON([]byte(tt.in))
		if err == nil {
			t.Errorf("%s: parsePackageJSON(%q): got no error, want one", tt.name, tt.in)
			continue
		}
		var se *jsSyntaxError
		isSyntax := errors.As(err, &se)
		if tt.line == 0 {
			if isSyntax {
				t.Errorf("%s: got syntax error %v, want a non-syntax error", tt.name, err)
			}
			continue
		}
		if !isSyntax {
			t.Errorf("%s: got %v, want a syntax error at %d:%d", tt.name, err, tt.line, tt.col)
			continue
		}
		if se.Line != tt.line || se.Column != tt.col {
			t.Errorf("%s: parsePackageJSON(%q): got position %d:%d, want %d:%d (%v)", tt.name, tt.in, se.Line, se.Column, tt.line, tt.col, err)
		}
	}
}

func TestJSKeyLine(t *testing.T) {
	data := []byte("{\n  \"description\": \"uses \\\"next\\\" heavily\",\n  \"dependencies\": {\n    \"next\": \"15\"\n  }\n}")
	if got := jsKeyLine(data, "next"); got != 4 {
		t.Errorf("jsKeyLine(next): got %d, want 4 (a value mentioning the name is not a key)", got)
	}
	if got := jsKeyLine(data, "nuxt"); got != 0 {
		t.Errorf("jsKeyLine(nuxt): got %d, want 0", got)
	}
}

func TestJSMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"apps/*", "apps/web", true},
		{"apps/*", "apps/web/src", false},
		{"apps/*", "packages/ui", false},
		{"packages/**", "packages/a/b", true},
		{"packages/**", "packages", true},
		{"**/app", "x/y/app", true},
		{"apps/web", "apps/web", true},
		{"apps/[", "apps/[", false},
	}
	for _, tt := range tests {
		if got := jsMatchGlob(tt.pattern, tt.path); got != tt.want {
			t.Errorf("jsMatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
	ws := &jsWorkspace{patterns: []string{"./apps/*", "packages/*/", "!packages/legacy"}}
	for path, want := range map[string]bool{"apps/web": true, "packages/ui": true, "packages/legacy": false, "tools/x": false} {
		if got := ws.matches(path); got != want {
			t.Errorf("workspace %v matches(%q) = %v, want %v", ws.patterns, path, got, want)
		}
	}
}

func TestParsePnpmWorkspace(t *testing.T) {
	got, err := parsePnpmWorkspace([]byte("packages:\n  - 'apps/*'\n  - \"packages/*\"\n  - '!**/test/**'\n"))
	want := []string{"apps/*", "packages/*", "!**/test/**"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parsePnpmWorkspace: got %q, %v; want %q, nil", got, err, want)
	}
	if _, err := parsePnpmWorkspace([]byte("packages:\n  - a\n - b: [\n")); err == nil {
		t.Error("parsePnpmWorkspace(malformed): got no error, want one")
	}
}

func TestNodeScriptPort(t *testing.T) {
	tests := map[string]int{
		"next start -p 4000":        4000,
		"next start --port=8081":    8081,
		"nuxt start --port 5001":    5001,
		"node server.js":            0,
		"vite preview --port 99999": 0,
		"node app.js -p4000":        0,
	}
	for script, want := range tests {
		if got := nodeScriptPort(script); got != want {
			t.Errorf("nodeScriptPort(%q) = %d, want %d", script, got, want)
		}
	}
}

func TestNodeCmds(t *testing.T) {
	ws := &jsWorkspace{}
	turbo := &jsWorkspace{turbo: true}
	tests := []struct {
		c                    nodeCmds
		run, exec, node, bld string
	}{
		{nodeCmds{pm: "npm"}, "npm run worker", "npx next start", "node build", "npm run build"},
		{nodeCmds{pm: "yarn"}, "yarn worker", "yarn next start", "node build", "yarn build"},
		{nodeCmds{pm: "pnpm"}, "pnpm run worker", "pnpm exec next start", "node build", "pnpm run build"},
		{nodeCmds{pm: "bun"}, "bun run worker", "bunx next start", "bun run build", "bun run build"},
		{nodeCmds{pm: "npm", ws: ws, name: "@a/web", rel: "apps/web"}, "npm run worker --workspace apps/web", "npm exec --workspace apps/web -- next start", "node apps/web/build", "npm run build --workspace apps/web"},
		{nodeCmds{pm: "pnpm", ws: ws, name: "web", rel: "apps/web"}, "pnpm --filter web run worker", "pnpm --filter web exec next start", "node apps/web/build", "pnpm --filter web run build"},
		{nodeCmds{pm: "yarn", ws: ws, name: "web", rel: "apps/web"}, "yarn workspace web worker", "yarn workspace web next start", "node apps/web/build", "yarn workspace web build"},
		{nodeCmds{pm: "pnpm", ws: turbo, name: "web", rel: "apps/web"}, "pnpm --filter web run worker", "pnpm --filter web exec next start", "node apps/web/build", "pnpm exec turbo run build --filter=web"},
		{nodeCmds{pm: "pnpm", ws: ws, rel: "apps/web"}, "pnpm --filter ./apps/web run worker", "pnpm --filter ./apps/web exec next start", "node apps/web/build", "pnpm --filter ./apps/web run build"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s ws=%v name=%q", tt.c.pm, tt.c.ws != nil, tt.c.name)
		if got := tt.c.run("worker"); got != tt.run {
			t.Errorf("%s: run: got %q, want %q", name, got, tt.run)
		}
		if got := tt.c.exec("next start"); got != tt.exec {
			t.Errorf("%s: exec: got %q, want %q", name, got, tt.exec)
		}
		if got := tt.c.node("build"); got != tt.node {
			t.Errorf("%s: node: got %q, want %q", name, got, tt.node)
		}
		if got := tt.c.build(); got != tt.bld {
			t.Errorf("%s: build: got %q, want %q", name, got, tt.bld)
		}
	}
	if got := (nodeCmds{pm: "npm"}).run("start"); got != "npm start" {
		t.Errorf("npm run(start): got %q, want %q", got, "npm start")
	}
}

// TestNodeClaims checks which package.json folders are claimed, and how strongly.
func TestNodeClaims(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		dir   string
		want  int // 0: no claim
	}{
		{"tailwind tooling beside Django", map[string]string{
			"manage.py":    "",
			"package.json": `{"scripts":{"build:css":"tailwindcss -o static/app.css"},"devDependencies":{"tailwindcss":"^3"}}`,
		}, ".", 0},
		{"start script beside a Gemfile is weak", map[string]string{
			"Gemfile":      "source 'https://rubygems.org'",
			"package.json": `{"scripts":{"start":"esbuild app/javascript/*.* --watch"},"dependencies":{"esbuild":"^0.24"}}`,
		}, ".", Weak},
		{"tooling only", map[string]string{
			"package.json": `{"devDependencies":{"prettier":"^3","husky":"^9"},"scripts":{"format":"prettier -w ."}}`,
		}, ".", 0},
		{"runtime deps, nothing runnable", map[string]string{
			"package.json": `{"dependencies":{"lodash":"^4"}}`,
		}, ".", Weak},
		{"start script", map[string]string{
			"package.json": `{"scripts":{"start":"node app.js"}}`,
		}, ".", Strong},
		{"framework", map[string]string{
			"package.json": `{"dependencies":{"express":"^4"}}`,
		}, ".", Strong},
		{"conventional server file", map[string]string{
			"package.json": `{"name":"x"}`,
			"index.js":     "require('http').createServer(() => {}).listen(8080)",
		}, ".", Medium},
		{"conventional file that is no server", map[string]string{
			"package.json": `{"name":"x","dependencies":{"lodash":"^4"}}`,
			"index.js":     "module.exports = 1",
		}, ".", Weak},
		{"vite in a Laravel app has no index.html", map[string]string{
			"composer.json": `{}`,
			"package.json":  `{"devDependencies":{"vite":"^5","laravel-vite-plugin":"^1","vue":"^3"},"scripts":{"build":"vite build"}}`,
		}, ".", 0},
		{"workspace library", map[string]string{
			"package.json":             `{"workspaces":["packages/*"]}`,
			"packages/ui/package.json": `{"name":"ui","main":"index.js","dependencies":{"react":"^18"}}`,
			"packages/ui/index.js":     "module.exports = {}",
		}, "packages/ui", 0},
		{"workspace root that delegates", map[string]string{
			"package.json":              `{"workspaces":["apps/*"],"scripts":{"start":"turbo run start"},"dependencies":{"express":"^4"}}`,
			"apps/api/package.json":     `{"name":"api","scripts":{"start":"node i.js"}}`,
			"apps/api/i.js":             "",
			"apps/not-member/index.txt": "",
		}, ".", 0},
		{"folder not listed by the workspace is standalone", map[string]string{
			"package.json":          `{"workspaces":["apps/*"]}`,
			"tools/x/package.json":  `{"name":"x","scripts":{"start":"node x.js"}}`,
			"tools/x/x.js":          "",
			"apps/api/package.json": `{"name":"api"}`,
		}, "tools/x", Strong},
	}
	for _, tt := range tests {
		root := t.TempDir()
		nodeWriteTree(t, root, tt.files)
		repo, err := Scan(root)
		if err != nil {
			t.Fatal(err)
		}
		c := nodeDetector{}.Detect(repo.Dir(tt.dir))
		got := 0
		if c != nil {
			got = c.Strength
		}
		if got != tt.want {
			t.Errorf("%s: claim strength for %s: got %d, want %d", tt.name, tt.dir, got, tt.want)
		}
	}
}

func TestNodePackageManagerAndVersion(t *testing.T) {
	tests := []struct {
		name             string
		files            map[string]string
		dir              string
		pm, pmVer, nodeV string
	}{
		{"default", map[string]string{"package.json": `{"scripts":{"start":"node ."}}`}, ".", "npm", "", "22"},
		{"bun binary lockfile", map[string]string{"package.json": `{"scripts":{"start":"bun i.ts"}}`, "bun.lockb": "\x00\x01"}, ".", "bun", "", "22"},
		{"yarn berry via yarnPath", map[string]string{"package.json": `{"scripts":{"start":"node ."}}`, "yarn.lock": "", ".yarnrc.yml": "yarnPath: .yarn/releases/yarn-3.6.4.cjs\n"}, ".", "yarn", "3.6.4", "22"},
		{"packageManager beats lockfile", map[string]string{"package.json": `{"packageManager":"yarn@1.22.22","scripts":{"start":"node ."}}`, "package-lock.json": "{}"}, ".", "yarn", "1.22.22", "22"},
		{"tool-versions and volta", map[string]string{"package.json": `{"volta":{"node":"18.20.4"},"scripts":{"start":"node ."}}`, ".tool-versions": "nodejs 20.18.0\n"}, ".", "npm", "", "20.18.0"},
		{"volta beats engines", map[string]string{"package.json": `{"volta":{"node":"18.20.4"},"engines":{"node":">=20"},"scripts":{"start":"node ."}}`}, ".", "npm", "", "18.20.4"},
		{"nvmrc at the repository root", map[string]string{".nvmrc": "v22.11.0", "svc/package.json": `{"scripts":{"start":"node ."}}`}, "svc", "npm", "", "22.11.0"},
		{"lockfile and engines at the workspace root", map[string]string{
			"package.json": `{"workspaces":["apps/*"],"engines":{"node":"^20.11"}}`, "yarn.lock": "# yarn lockfile v1\n",
			"apps/api/package.json": `{"name":"api","scripts":{"start":"node ."}}`,
		}, "apps/api", "yarn", "1", "20"},
	}
	for _, tt := range tests {
		root := t.TempDir()
		nodeWriteTree(t, root, tt.files)
		repo, err := Scan(root)
		if err != nil {
			t.Fatal(err)
		}
		c := nodeDetector{}.Detect(repo.Dir(tt.dir))
		if c == nil {
			t.Errorf("%s: got no claim, want one", tt.name)
			continue
		}
		s := c.Services[0]
		if s.PackageManager != tt.pm || s.Build.PackageManagerVersion != tt.pmVer || s.LanguageVersion != tt.nodeV {
			t.Errorf("%s: got pm %q@%q node %q, want %q@%q node %q", tt.name, s.PackageManager, s.Build.PackageManagerVersion, s.LanguageVersion, tt.pm, tt.pmVer, tt.nodeV)
		}
		if notes := repo.Notes(); len(notes) > 0 {
			t.Errorf("%s: got notes %v, want none", tt.name, notes)
		}
	}
}

// TestNodeModulesNeverRead builds a repository whose node_modules holds
// 5,000 files, among them package.json files that would be claimed and
// sources that read environment variables, and checks that none of it is
// indexed, read or reported.
func TestNodeModulesNeverRead(t *testing.T) {
	root := t.TempDir()
	nodeWriteTree(t, root, map[string]string{
		"package.json": `{"name":"app","scripts":{"start":"node server.js"},"dependencies":{"express":"^4"}}`,
		"server.js":    "require('express')().listen(process.env.PORT || 8080)",
	})
	// 50 packages of 100 files each: a package.json and 99 sources.
	for p := 0; p < 50; p++ {
		dir := filepath.Join(root, "node_modules", fmt.Sprintf("pkg%02d", p))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 100; i++ {
			name := fmt.Sprintf("f%02d.js", i)
			body := "module.exports = process.env.LEAKED_FROM_NODE_MODULES;\nrequire('http').createServer().listen(9999)\n"
			if i == 0 {
				name = "package.json"
				body = `{"name":"dep","scripts":{"start":"node f01.js"},"dependencies":{"pg":"^8","express":"^4"}}`
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	repo, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyzeRepo(repo, Registry())
	if err != nil {
		t.Fatal(err)
	}
	if repo.FileCount() != 2 {
		t.Errorf("indexed files: got %d, want 2 (node_modules must not be walked)", repo.FileCount())
	}
	for _, d := range repo.Dirs() {
		if strings.Contains(d.Path, "node_modules") {
			t.Errorf("indexed folder %s, want node_modules skipped", d.Path)
		}
	}
	repo.mu.Lock()
	for p := range repo.cache {
		if strings.Contains(p, "node_modules") {
			t.Errorf("read %s, want nothing under node_modules read", p)
		}
	}
	repo.mu.Unlock()
	if len(a.Services) != 1 || a.Services[0].Path != "." {
		t.Fatalf("services: got %+v, want one at .", a.Services)
	}
	s := a.Services[0]
	if want := []string{"PORT"}; !reflect.DeepEqual(s.Env, want) {
		t.Errorf("env: got %q, want %q", s.Env, want)
	}
	if s.Port != 8080 || len(s.BackingServices) != 0 {
		t.Errorf("port, backing: got %d, %v; want 8080, none", s.Port, s.BackingServices)
	}
	for _, n := range a.Notes {
		if strings.Contains(n.File, "node_modules") {
			t.Errorf("note %v, want none about node_modules", n)
		}
	}
}

func TestNodeEnvAndPortScan(t *testing.T) {
	root := t.TempDir()
	nodeWriteTree(t, root, map[string]string{
		"package.json": `{"dependencies":{"express":"^4","pg":"^8"},"scripts":{"start":"node src/app.js"}}`,
		"src/db.js":    "new Pool({ host: process.env.PGHOST, port: 5432 })",
		"src/app.js": "const {\n  API_KEY,\n  TIMEOUT_MS = '5000',\n  ...rest\n} = process.env;\n" +
			"const h = process.env['X_HEADER'];\nconst lower = process.env.lowercase;\n" +
			"const mode = import.meta.env.MODE;\nconst base = import.meta.env.VITE_BASE;\n" +
			"app.listen(Number(process.env.PORT) || 4100);\n",
	})
	repo, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	s := Service{Framework: "express", Kind: KindWeb}
	nodeDetector{}.Enrich(repo.Dir("."), &s, func(*Dir) bool { return false })
	want := []string{"PGHOST", "API_KEY", "TIMEOUT_MS", "X_HEADER", "VITE_BASE", "PORT"}
	if !reflect.DeepEqual(sortedUnique(s.Env), sortedUnique(append([]string(nil), want...))) {
		t.Errorf("env: got %q, want %q", sortedUnique(s.Env), sortedUnique(want))
	}
	if s.Port != 4100 {
		t.Errorf("port: got %d, want 4100 (5432 is a database port in a connection config)", s.Port)
	}
}
