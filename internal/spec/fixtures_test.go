package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
)

// fixtures returns the .yaml files in testdata/<dir>, sorted.
func fixtures(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no fixtures in testdata/%s", dir)
	}
	return files
}

// problems returns what Parse or, failing nothing there, Validate reports
// for the file, one error per line.
func problems(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("hoist.yaml", data)
	if err != nil {
		if _, ok := err.(Errors); !ok {
			t.Fatalf("%s: Parse returned %T, want Errors", file, err)
		}
		return err.Error()
	}
	if errs := doc.Validate(); len(errs) > 0 {
		return errs.Error()
	}
	return ""
}

var locatedRE = regexp.MustCompile(`^hoist\.yaml:[1-9]\d*:[1-9]\d*: `)

func TestBadFixtures(t *testing.T) {
	for _, file := range fixtures(t, "bad") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			got := problems(t, file)
			if got == "" {
				t.Fatalf("%s: got no errors, want some", file)
			}
			for _, line := range strings.Split(got, "\n") {
				if !locatedRE.MatchString(line) {
					t.Errorf("%s: error %q has no file:line:col", file, line)
				}
			}
			golden.Assert(t, strings.TrimSuffix(file, ".yaml")+".golden", []byte(got+"\n"))
		})
	}
}

func TestGoodFixtures(t *testing.T) {
	for _, file := range fixtures(t, "good") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			if got := problems(t, file); got != "" {
				t.Fatalf("%s: got errors, want none:\n%s", file, got)
			}
			doc, err := Load(file)
			if err != nil {
				t.Fatal(err)
			}
			s := doc.Spec
			defaults := Defaults(s)
			if errs := Validate(s); len(errs) > 0 {
				t.Errorf("%s: after Defaults, got errors, want none:\n%s", file, errs)
			}
			if again := Defaults(s); len(again) != 0 {
				t.Errorf("%s: a second Defaults filled %v, want nothing", file, again)
			}
			if defaults == nil {
				defaults = []Default{}
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			if err := enc.Encode(map[string]any{"defaults": defaults, "spec": s}); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, strings.TrimSuffix(file, ".yaml")+".golden.json", buf.Bytes())
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "hoist.yaml"))
	if err == nil || !os.IsNotExist(err) {
		t.Fatalf("Load(missing file): got %v, want a not-exist error", err)
	}
}

func TestLoadKeepsWhatUserWrote(t *testing.T) {
	doc, err := Parse("hoist.yaml", []byte("version: 1\nname: a\nservices:\n  - name: api\n    port: 80\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Spec.Region; got != "" {
		t.Errorf("Region after Parse: got %q, want \"\" (loading must not fill defaults)", got)
	}
	if got := doc.Spec.Services[0].CPU; got != 0 {
		t.Errorf("Services[0].CPU after Parse: got %d, want 0", got)
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		in   Error
		want string
	}{
		{Error{File: "hoist.yaml", Line: 12, Column: 5, Path: "services[1].port", Message: "must be 1-65535, got 70000"}, "hoist.yaml:12:5: services[1].port: must be 1-65535, got 70000"},
		{Error{File: "hoist.yaml", Line: 3, Column: 1, Message: "invalid YAML: x"}, "hoist.yaml:3:1: invalid YAML: x"},
		{Error{Path: "name", Message: "is required"}, "name: is required"},
		{Error{Message: "no spec"}, "no spec"},
	}
	for _, tt := range tests {
		if got := tt.in.Error(); got != tt.want {
			t.Errorf("%#v.Error(): got %q, want %q", tt.in, got, tt.want)
		}
	}
	if err := (Errors{}).Err(); err != nil {
		t.Errorf("empty Errors.Err(): got %v, want nil", err)
	}
}

func TestPosition(t *testing.T) {
	doc, err := Parse("hoist.yaml", []byte("version: 1\nname: a\nservices:\n  - name: api\n    port: 80\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path      string
		line, col int
		ok        bool
	}{
		{"services[0].port", 5, 11, true},
		{"services[0]", 4, 5, true},
		{"services", 3, 1, true},
		{"services[0].cpu", 4, 5, false},
		{"region", 1, 1, false},
	}
	for _, tt := range tests {
		line, col, ok := doc.Position(tt.path)
		if line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("Position(%q): got %d:%d %v, want %d:%d %v", tt.path, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"name", "port", "cpu", "memory", "health_check", "min_count"}
	tests := []struct{ word, want string }{
		{"prot", "port"},
		{"Port", "port"},
		{"memroy", "memory"},
		{"healthcheck", "health_check"},
		{"cpus", "cpu"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, keys); got != tt.want {
			t.Errorf("suggest(%q): got %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestFargateMemory(t *testing.T) {
	tests := []struct {
		cpu         int
		first, last int
		n           int
	}{
		{256, 512, 2048, 3},
		{512, 1024, 4096, 4},
		{1024, 2048, 8192, 7},
		{2048, 4096, 16384, 13},
		{4096, 8192, 30720, 23},
		{8192, 16384, 61440, 12},
		{16384, 32768, 122880, 12},
	}
	for _, tt := range tests {
		m := FargateMemory(tt.cpu)
		if len(m) != tt.n || m[0] != tt.first || m[len(m)-1] != tt.last {
			t.Errorf("FargateMemory(%d): got %d values %v, want %d from %d to %d", tt.cpu, len(m), m, tt.n, tt.first, tt.last)
		}
	}
	if m := FargateMemory(300); m != nil {
		t.Errorf("FargateMemory(300): got %v, want nil", m)
	}
}

func TestParseLimits(t *testing.T) {
	// An alias-heavy file: each service repeats a long env list.
	var b strings.Builder
	b.WriteString("version: 1\nname: a\nservices:\n  - &a\n    name: s\n    env: [")
	b.WriteString(strings.Repeat("A,", 500))
	b.WriteString("B]\n")
	b.WriteString(strings.Repeat("  - *a\n", 200))
	_, err := Parse("hoist.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "document is too large") {
		t.Errorf("alias-heavy file: got %v, want a \"document is too large\" error", err)
	}

	// Many unknown keys: the list stops at maxErrors.
	var c strings.Builder
	c.WriteString("version: 1\nname: a\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&c, "junk%d: 1\n", i)
	}
	_, err = Parse("hoist.yaml", []byte(c.String()))
	errs, _ := err.(Errors)
	if len(errs) != maxErrors+1 || !strings.Contains(errs[len(errs)-1].Message, "too many errors") {
		t.Errorf("200 unknown keys: got %d errors ending %v, want %d ending with \"too many errors\"", len(errs), errs[len(errs)-1:], maxErrors+1)
	}
}
