package detect

import (
	"bytes"
	"testing"
)

func FuzzParseGoMod(f *testing.F) {
	f.Add([]byte("module example.com/a\n\ngo 1.22\n\ntoolchain go1.24.1\n\nrequire github.com/lib/pq v1.10.9\n"))
	f.Add([]byte("module example.com/b\ngo 1.21\nrequire (\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := parseGoMod("go.mod", data)
		if info == nil {
			t.Fatalf("parseGoMod(%q): got nil info", data)
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if se, ok := err.(*goSyntaxError); ok && (se.Line < 0 || se.Line > lines+1) {
			t.Errorf("parseGoMod(%q): got error line %d, want within 0..%d", data, se.Line, lines+1)
		}
		_ = goMajorMinor(info.GoVersion)
		_ = goBinaryName(info.Module)
	})
}

func FuzzParseGoWork(f *testing.F) {
	f.Add([]byte("go 1.23.0\n\nuse (\n\t./api\n\t./worker\n)\n"))
	f.Add([]byte("use ../outside\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := parseGoWork("go.work", data)
		if err != nil {
			return
		}
		for _, u := range w.Uses {
			if u.Dir == "" {
				t.Errorf("parseGoWork(%q): got an empty use path", data)
			}
		}
	})
}

func FuzzParseGoImports(f *testing.F) {
	f.Add([]byte("package main\n\nimport (\n\t\"net/http\"\n\tg \"github.com/gin-gonic/gin\"\n)\n"))
	f.Add([]byte("//go:build ignore\npackage main\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := parseGoImports("x.go", data)
		for _, imp := range p.Imports {
			if imp.Line < 1 {
				t.Errorf("parseGoImports(%q): import %q at line %d", data, imp.Path, imp.Line)
			}
		}
		_, _ = goBestFramework(p.Imports)
	})
}
