package detect

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// makeMonorepo writes a monorepo of 30 services (10 Node, 10 Python, 10 Go)
// with about 20,000 files in all, plus a 5,000-file node_modules at the
// root that must not be walked. It returns the root.
func makeMonorepo(tb testing.TB) string {
	tb.Helper()
	root := tb.TempDir()
	write := func(p, c string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("package.json", `{"name":"mono","private":true,"workspaces":["services/node-*"]}`)
	write("package-lock.json", `{"lockfileVersion":3}`)
	for i := 0; i < 5000; i++ {
		write(fmt.Sprintf("node_modules/pkg%d/index.js", i), "module.exports = 1;\n")
	}
	const perService = 660 // 30 * 660 + manifests ≈ 20,000 files
	for s := 0; s < 10; s++ {
		dir := fmt.Sprintf("services/node-%02d", s)
		write(dir+"/package.json", fmt.Sprintf(`{"name":"node-%02d","scripts":{"start":"node src/index.js"},"dependencies":{"express":"^4.21.0","pg":"^8.0.0"}}`, s))
		for f := 0; f < perService; f++ {
			write(fmt.Sprintf("%s/src/m%02d/f%d.js", dir, f%20, f), fmt.Sprintf("const v = process.env.VAR_%d;\nmodule.exports = () => v;\n", f%7))
		}
		write(dir+"/src/index.js", "require('express')().listen(process.env.PORT || 3000);\n")
	}
	for s := 0; s < 10; s++ {
		dir := fmt.Sprintf("services/py-%02d", s)
		write(dir+"/requirements.txt", "fastapi==0.115.0\nuvicorn==0.32.0\npsycopg==3.2.3\n")
		write(dir+"/app/main.py", "import os\nfrom fastapi import FastAPI\napp = FastAPI()\nDB = os.environ['DATABASE_URL']\n")
		for f := 0; f < perService; f++ {
			write(fmt.Sprintf("%s/app/m%02d/f%d.py", dir, f%20, f), fmt.Sprintf("import os\nX = os.getenv('PY_VAR_%d')\n", f%5))
		}
	}
	for s := 0; s < 10; s++ {
		dir := fmt.Sprintf("services/go-%02d", s)
		write(dir+"/go.mod", fmt.Sprintf("module example.com/go%02d\n\ngo 1.23\n", s))
		write(dir+"/main.go", "package main\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc main() { _ = os.Getenv(\"TOKEN\"); http.ListenAndServe(\":8080\", nil) }\n")
		for f := 0; f < perService; f++ {
			write(fmt.Sprintf("%s/internal/p%02d/f%d.go", dir, f%20, f), fmt.Sprintf("package p%02d\n\nimport \"os\"\n\nvar V%d = os.Getenv(\"GO_VAR_%d\")\n", f%20, f, f%3))
		}
	}
	return root
}

func TestMonorepoFindsAllServices(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 25,000 files")
	}
	root := makeMonorepo(t)
	a, err := Analyze(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(a.Services); got != 30 {
		for _, s := range a.Services {
			t.Logf("found %s (%s) at %s", s.Name, s.Language, s.Path)
		}
		t.Fatalf("got %d services, want 30", got)
	}
	if a.Files < 19000 || a.Files > 21000 {
		t.Errorf("indexed %d files, want about 20,000 (node_modules must not count)", a.Files)
	}
}

// BenchmarkAnalyzeMonorepo: the target is under 100 ms and 100 MB on
// a 2-core machine.
func BenchmarkAnalyzeMonorepo(b *testing.B) {
	root := makeMonorepo(b)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		a, err := Analyze(root)
		if err != nil || len(a.Services) != 30 {
			b.Fatalf("got %v services, err %v", len(a.Services), err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkAnalyzeSmall: one small repository; the target including process
// start-up is under 10 ms (measure the binary with hyperfine for that).
func BenchmarkAnalyzeSmall(b *testing.B) {
	dir, err := filepath.Abs("../../examples/node-express")
	if err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		if _, err := Analyze(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
