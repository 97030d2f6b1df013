package intent

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/hoist-dev/hoist/internal/spec"
)

// addSeeds adds every corpus description as a seed.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("")
	f.Add("\"unterminated 'quote `tick")
	f.Add("- \n1) \n• 2-")
	f.Add("\xff\xfe bad utf8 4GB\x00")
}

func FuzzTokenize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		prev := 0
		for _, tok := range toks {
			if tok.Pos < prev || tok.End <= tok.Pos || tok.End > len(s) {
				t.Fatalf("token %q at %d-%d out of order or range (len %d)", tok.Text, tok.Pos, tok.End, len(s))
			}
			prev = tok.End
			if tok.Kind != TokQuoted && tok.Kind != TokBreak && s[tok.Pos:tok.End] != tok.Text {
				t.Fatalf("token %q does not match input %q", tok.Text, s[tok.Pos:tok.End])
			}
		}
		if !reflect.DeepEqual(toks, Tokenize(s)) {
			t.Fatalf("Tokenize is not deterministic")
		}
	})
}

func FuzzNew(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		r, err := New(s)
		if err != nil {
			if err != ErrEmpty {
				t.Fatalf("New(%q): %v", s, err)
			}
			return
		}
		if errs := spec.Validate(r.Spec); len(errs) > 0 {
			t.Fatalf("New(%q) gave an invalid spec: %v", s, errs)
		}
		if p := buildProblems(r.Spec); len(p) > 0 {
			t.Fatalf("New(%q) gave a spec that would not build: %v", s, p)
		}
		for _, u := range r.Unrecognized {
			if u.Position+len(u.Text) <= len(s) && s[u.Position:u.Position+len(u.Text)] != u.Text && utf8.ValidString(s) {
				t.Fatalf("New(%q): unrecognized %q not at %d", s, u.Text, u.Position)
			}
		}
		again, err := New(s)
		if err != nil || !reflect.DeepEqual(r, again) {
			t.Fatalf("New(%q) is not deterministic", s)
		}
	})
}

func FuzzChange(f *testing.F) {
	addSeeds(f)
	doc, err := spec.Load("testdata/corpus/bases/shop.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Change(doc.Spec, s)
		if err != nil {
			if err != ErrEmpty {
				t.Fatalf("Change(%q): %v", s, err)
			}
			return
		}
		if errs := spec.Validate(r.Spec); len(errs) > 0 {
			t.Fatalf("Change(%q) gave an invalid spec: %v", s, errs)
		}
		if p := buildProblems(r.Spec); len(p) > 0 {
			t.Fatalf("Change(%q) gave a spec that would not build: %v", s, p)
		}
	})
}
