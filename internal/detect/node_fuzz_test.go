package detect

import (
	"errors"
	"testing"
)

// FuzzParsePackageJSON checks that any input either parses or fails with an
// error, never panics, and that syntax errors point inside the file.
func FuzzParsePackageJSON(f *testing.F) {
	f.Add([]byte(`{"name":"a","scripts":{"start":"node ."},"workspaces":{"packages":["apps/*"]},"bin":"x.js"}`))
	f.Add([]byte("{\n  \"name\": \"x\",\n}\n"))
	f.Add([]byte("\ufeff{\"engines\":{\"node\":\">=18\"}}"))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePackageJSON(data)
		if err == nil {
			if p == nil {
				t.Fatalf("parsePackageJSON(%q): nil result without error", data)
			}
			_ = p.allDepNames()
			_ = p.line("name")
			if p.EnginesNode != "" {
				nodeMajorForRange(p.EnginesNode)
			}
			return
		}
		var se *jsSyntaxError
		if errors.As(err, &se) {
			lines := 1
			for _, b := range data {
				if b == '\n' {
					lines++
				}
			}
			if se.Line < 1 || se.Line > lines || se.Column < 1 {
				t.Fatalf("parsePackageJSON(%q): position %d:%d outside the input (%d lines)", data, se.Line, se.Column, lines)
			}
		}
	})
}

// FuzzNodeMajorForRange checks that engines.node ranges never panic and
// resolve to a major number when they resolve at all.
func FuzzNodeMajorForRange(f *testing.F) {
	for _, s := range []string{">=18", "^20.11 || ~22", "18 - 20", ">= 19 <21", "x", "^0.0.1", "v20.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rng string) {
		major, ok := nodeMajorForRange(rng)
		if ok && !isNodeVersion(major) {
			t.Fatalf("nodeMajorForRange(%q) = %q, want a number", rng, major)
		}
		parseNodeVersionPin(rng)
	})
}

// FuzzParsePnpmWorkspace checks that pnpm-workspace.yaml parsing never panics.
func FuzzParsePnpmWorkspace(f *testing.F) {
	f.Add([]byte("packages:\n  - 'apps/*'\n  - '!**/test/**'\n"))
	f.Add([]byte("packages: apps/*\n"))
	f.Add([]byte("- a\n- b: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pats, err := parsePnpmWorkspace(data)
		if err != nil {
			_ = jsYAMLNote("pnpm-workspace.yaml", err)
			return
		}
		ws := &jsWorkspace{patterns: pats}
		ws.matches("apps/web")
	})
}
