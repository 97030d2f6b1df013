package spec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse feeds Parse arbitrary bytes. It must never panic, every error
// must be located, and whatever parses must survive Validate, Defaults,
// Marshal and Update, reading back as the same Spec.
// Seeds: every fixture under testdata plus testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"good", "bad", "update"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("fuzz.yaml", data)
		if err != nil {
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("Parse(%q): got error %T %v, want a non-empty Errors", data, err, err)
			}
			for _, e := range errs {
				if e.Line < 1 || e.Column < 1 || e.File != "fuzz.yaml" {
					t.Fatalf("Parse(%q): error %q has no file:line:col", data, e.Error())
				}
			}
			return
		}
		for _, e := range doc.Validate() {
			if e.Line < 1 || e.Column < 1 {
				t.Fatalf("Parse(%q).Validate(): error %q has no line:col", data, e.Error())
			}
		}
		full := Clone(doc.Spec)
		Defaults(full)
		Validate(full)

		for _, s := range []*Spec{doc.Spec, full} {
			out, err := Marshal(s)
			if err != nil {
				t.Fatalf("Marshal(Parse(%q)): %v", data, err)
			}
			back, err := Parse("marshal.yaml", out)
			if err != nil {
				t.Fatalf("Parse(Marshal(Parse(%q))): %v\n%s", data, err, out)
			}
			if diff := cmp.Diff(s, back.Spec, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("Parse(Marshal(s)) differs for input %q (-want +got):\n%s", data, diff)
			}
		}

		out, err := doc.Update(full)
		if err != nil {
			t.Fatalf("Update for input %q: %v", data, err)
		}
		back, err := Parse("update.yaml", out)
		if err != nil {
			t.Fatalf("Parse(Update()) for input %q: %v\n%s", data, err, out)
		}
		if diff := cmp.Diff(full, back.Spec, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Parse(Update(s)) differs for input %q (-want +got):\n%s\n%s", data, diff, out)
		}
	})
}
