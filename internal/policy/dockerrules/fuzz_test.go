package dockerrules

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary Dockerfiles and .dockerignore files to Parse
// and every rule but HOIST-DF-BUILDKIT (internal/dockerlint fuzzes that
// one): nothing may panic, and a parsed file's findings must point inside it.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.Dockerfile")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte(".git\n**/node_modules\n!keep\n[a-"))
	}
	f.Add([]byte("FROM scratch\n"), []byte(nil))
	f.Add([]byte("# escape=`\nFROM alpine:3.20\nRUN echo `\n  hi | sh\n"), []byte(nil))
	f.Add([]byte("FROM a\nRUN <<EOF\ncase x in a|b) y;; esac\nEOF\n"), []byte("*"))
	rules := Rules()
	f.Fuzz(func(t *testing.T, data, ignore []byte) {
		d, err := Parse("fuzz.Dockerfile", data, ignore)
		if err != nil {
			return
		}
		for _, r := range rules {
			if r.ID == "HOIST-DF-BUILDKIT" {
				continue
			}
			for _, fd := range r.Check(d) {
				if fd.Line < 1 || fd.Line > len(d.Lines) || fd.Column < 1 {
					t.Fatalf("%s: finding %+v outside the file's %d lines", r.ID, fd, len(d.Lines))
				}
			}
		}
	})
}
