package dockerrules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// wantRe matches an expectation comment: "# want: HOIST-DF-003" on its own
// line, directly above the instruction it is about (Dockerfile comments
// cannot share a line with an instruction).
var wantRe = regexp.MustCompile(`^\s*#\s*want:\s*([A-Z0-9-]+(?:[\s,]+[A-Z0-9-]+)*)\s*$`)

// expectations maps "# want:" comments to the line of the next
// instruction, and returns "line: ID" strings.
func expectations(t *testing.T, file string, data []byte) []string {
	t.Helper()
	lines := splitLines(data)
	var out []string
	for i, l := range lines {
		m := wantRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		next := 0
		for j := i + 1; j < len(lines); j++ {
			s := strings.TrimSpace(lines[j])
			if s == "" || strings.HasPrefix(s, "#") {
				continue
			}
			next = j + 1
			break
		}
		if next == 0 {
			t.Fatalf("%s:%d: # want: with no instruction after it", file, i+1)
		}
		for _, id := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			out = append(out, fmt.Sprintf("%d: %s", next, id))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// findingLines runs one rule over a fixture and returns "line: ID".
func findingLines(t *testing.T, r Rule, file string, data, ignore []byte) []string {
	t.Helper()
	d, err := Parse(file, data, ignore)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	var out []string
	for _, f := range r.Check(d) {
		if f.Line < 1 || f.Column < 1 || f.Message == "" {
			t.Errorf("%s: %s: got finding %+v, want a message and a 1-based line and column", file, r.ID, f)
		}
		out = append(out, fmt.Sprintf("%d: %s", f.Line, r.ID))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func readOptional(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRuleFixtures runs every rule over testdata/<ID>/fail.Dockerfile
// (findings exactly where the "# want:" comments say) and
// testdata/<ID>/pass.Dockerfile (no finding). fail.dockerignore and
// pass.dockerignore, when present, are the .dockerignore of each.
func TestRuleFixtures(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			failFile := filepath.Join(dir, "fail.Dockerfile")
			fail, err := os.ReadFile(failFile)
			if err != nil {
				t.Fatalf("every rule needs a failing fixture: %v", err)
			}
			want := expectations(t, failFile, fail)
			if len(want) == 0 {
				t.Fatalf("%s: got no # want: comments, want at least one", failFile)
			}
			for _, w := range want {
				if !strings.HasSuffix(w, " "+r.ID) {
					t.Errorf("%s: expectation %q names another rule", failFile, w)
				}
			}
			got := findingLines(t, r, failFile, fail, readOptional(t, filepath.Join(dir, "fail.dockerignore")))
			if !slices.Equal(got, want) {
				t.Errorf("%s: got findings\n%s\nwant\n%s", failFile, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			passFile := filepath.Join(dir, "pass.Dockerfile")
			pass, err := os.ReadFile(passFile)
			if err != nil {
				t.Fatalf("every rule needs a passing fixture: %v", err)
			}
			if got := findingLines(t, r, passFile, pass, readOptional(t, filepath.Join(dir, "pass.dockerignore"))); len(got) > 0 {
				t.Errorf("%s: got findings\n%s\nwant none", passFile, strings.Join(got, "\n"))
			}
		})
	}
}

// TestFixtureFoldersMatchRules catches a fixture folder left behind by a
// renamed or removed rule.
func TestFixtureFoldersMatchRules(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range Rules() {
		ids[r.ID] = true
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "HOIST-") && !ids[e.Name()] {
			t.Errorf("testdata/%s: got a fixture folder for no rule, want one per rule", e.Name())
		}
	}
}
