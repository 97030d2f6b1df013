package intent

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hoist-dev/hoist/internal/spec"
)

// corpusFloor is the exact-match rate below which TestCorpus fails. The
// expected outputs were written by hand for what a person would expect,
// before comparing with the engine; the rate measures how often the
// engine agrees.
const corpusFloor = 0.90

// golden is an expected result, written by hand.
type golden struct {
	// Spec is the expected spec as spec.Marshal writes it.
	Spec string `yaml:"spec"`
	// Assumptions are the engine's own choices as "field = value"
	// (compared as a set). The values spec.Defaults fills are not listed:
	// the test checks them against spec.Defaults itself.
	Assumptions []string `yaml:"assumptions"`
	// Unrecognized are the reported phrases, in order; the test checks
	// each position points at its text.
	Unrecognized []string `yaml:"unrecognized"`
	// Warnings: each must start one of the warnings (compared as a set).
	Warnings []string `yaml:"warnings"`
}

type corpusCase struct {
	name string
	desc string
	base string // file name under testdata/corpus/bases, for a change
}

func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	files, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := corpusCase{name: strings.TrimSuffix(filepath.Base(f), ".txt"), desc: string(data)}
		if rest, ok := strings.CutPrefix(c.desc, "base: "); ok {
			line, desc, _ := strings.Cut(rest, "\n")
			c.base, c.desc = strings.TrimSpace(line), desc
		}
		c.desc = strings.TrimSuffix(c.desc, "\n")
		out = append(out, c)
	}
	return out
}

func runCase(t testing.TB, c corpusCase) (*Result, error) {
	if c.base == "" {
		return New(c.desc)
	}
	doc, err := spec.Load(filepath.Join("testdata/corpus/bases", c.base))
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return Change(doc.Spec, c.desc)
}

// engineAssumptions returns the assumptions of r that spec.Defaults did
// not make, as "field = value", after checking that the ones it did make
// are exactly what spec.Defaults fills (for a change: a subset of it).
func engineAssumptions(t *testing.T, name string, r *Result, change bool) []string {
	ds := spec.Defaults(spec.Clone(r.Spec))
	isDefault := func(a Assumption) bool {
		return slices.ContainsFunc(ds, func(d spec.Default) bool {
			return d.Path == a.Field && fmt.Sprint(d.Value) == a.Value && d.Reason == a.Reason
		})
	}
	var own []string
	n := 0
	for _, a := range r.Assumptions {
		if a.Reason == "" {
			t.Errorf("%s: assumption %s has no reason", name, a.Field)
		}
		if isDefault(a) {
			n++
			continue
		}
		own = append(own, a.Field+" = "+a.Value)
	}
	if !change && n != len(ds) {
		t.Errorf("%s: %d of the %d values spec.Defaults fills are listed as assumptions", name, n, len(ds))
	}
	return own
}

func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < 200 {
		t.Errorf("the corpus has %d descriptions, want at least 200", len(cases))
	}
	exact := 0
	var mismatches []string
	counts := map[string]int{}
	for _, c := range cases {
		want, err := readGolden(c.name)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if c.base != "" {
			counts["change"]++
		}
		if len(want.Unrecognized) > 0 {
			counts["unrecognized"]++
		}
		for _, w := range want.Warnings {
			if strings.HasPrefix(w, "refused:") {
				counts["unsafe"]++
				break
			}
		}
		r, err := runCase(t, c)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if errs := spec.Validate(r.Spec); len(errs) > 0 {
			t.Errorf("%s: the result does not validate: %v", c.name, errs)
		}
		for _, u := range r.Unrecognized {
			if u.Position < 0 || u.Position+len(u.Text) > len(c.desc) || c.desc[u.Position:u.Position+len(u.Text)] != u.Text {
				t.Errorf("%s: unrecognized %q does not sit at byte %d of the description", c.name, u.Text, u.Position)
			}
		}
		diffs := compare(t, c, want, r)
		if len(diffs) == 0 {
			exact++
			continue
		}
		mismatches = append(mismatches, fmt.Sprintf("%s:\n    %s", c.name, strings.Join(diffs, "\n    ")))
	}
	rate := float64(exact) / float64(max(1, len(cases)))
	t.Logf("exact match: %d of %d descriptions (%.1f%%); change cases %d, with unrecognized %d, unsafe %d", exact, len(cases), 100*rate, counts["change"], counts["unrecognized"], counts["unsafe"])
	for _, m := range mismatches {
		t.Logf("mismatch %s", m)
	}
	if rate < corpusFloor {
		t.Errorf("exact-match rate %.1f%% is below the floor %.0f%%", 100*rate, 100*corpusFloor)
	}
	for what, least := range map[string]int{"change": 20, "unrecognized": 20, "unsafe": 10} {
		if counts[what] < least {
			t.Errorf("the corpus has %d %s cases, want at least %d", counts[what], what, least)
		}
	}
}

func readGolden(name string) (*golden, error) {
	data, err := os.ReadFile(filepath.Join("testdata/corpus", name+".golden.yaml"))
	if err != nil {
		return nil, err
	}
	var g golden
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("%s.golden.yaml: %w", name, err)
	}
	return &g, nil
}

// compare lists how r differs from the expectation, "got X, want Y".
func compare(t *testing.T, c corpusCase, want *golden, r *Result) []string {
	var diffs []string
	b, err := spec.Marshal(r.Spec)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != want.Spec {
		diffs = append(diffs, fmt.Sprintf("spec: got\n%s    want\n%s", indent(string(b)), indent(want.Spec)))
	}
	got := engineAssumptions(t, c.name, r, c.base != "")
	wantA := slices.Clone(want.Assumptions)
	slices.Sort(got)
	slices.Sort(wantA)
	if !slices.Equal(got, wantA) {
		diffs = append(diffs, fmt.Sprintf("assumptions: got %q, want %q", got, wantA))
	}
	var gotU []string
	for _, u := range r.Unrecognized {
		gotU = append(gotU, u.Text)
	}
	if !slices.Equal(gotU, want.Unrecognized) {
		diffs = append(diffs, fmt.Sprintf("unrecognized: got %q, want %q", gotU, want.Unrecognized))
	}
	if !warningsMatch(r.Warnings, want.Warnings) {
		diffs = append(diffs, fmt.Sprintf("warnings: got %q, want prefixes %q", r.Warnings, want.Warnings))
	}
	return diffs
}

// warningsMatch pairs each expected prefix with a distinct warning.
func warningsMatch(got, prefixes []string) bool {
	if len(got) != len(prefixes) {
		return false
	}
	used := make([]bool, len(got))
	for _, p := range prefixes {
		found := false
		for i, g := range got {
			if !used[i] && strings.HasPrefix(g, p) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func indent(s string) string {
	return "      " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n      ") + "\n"
}
