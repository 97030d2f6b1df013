package intent

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/spec"
)

// buildProblems lists why a result's spec would not build: what
// spec.Validate says after spec.Defaults (as hoist new and expansion run
// them), and what expansion needs of a function that Validate leaves to
// it: a runtime language Lambda has, and an entry point.
func buildProblems(s *spec.Spec) []string {
	c := spec.Clone(s)
	spec.Defaults(c)
	var out []string
	for _, err := range spec.Validate(c) {
		out = append(out, err.Error())
	}
	for i, f := range c.Functions {
		if _, ok := spec.FunctionRuntimes[f.Runtime.Language]; !ok {
			out = append(out, fmt.Sprintf("functions[%d] (%s): runtime.language %q has no Lambda runtime", i, f.Name, f.Runtime.Language))
		}
		if f.Handler == "" {
			out = append(out, fmt.Sprintf("functions[%d] (%s): no handler", i, f.Name))
		}
	}
	return out
}

// TestCorpusBuilds checks every corpus result against buildProblems.
func TestCorpusBuilds(t *testing.T) {
	for _, c := range loadCorpus(t) {
		r, err := runCase(t, c)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p := buildProblems(r.Spec); len(p) > 0 {
			t.Errorf("%s: the result would not build:\n  %s", c.name, strings.Join(p, "\n  "))
		}
	}
}

// TestBuildProblemsCatches makes sure the check can fail: a function
// without a runtime, and one whose language Lambda lacks.
func TestBuildProblemsCatches(t *testing.T) {
	for _, f := range []spec.Function{{Name: "f"}, {Name: "f", Runtime: spec.Runtime{Language: "php"}}} {
		s := &spec.Spec{Version: spec.Version, Name: "app", Functions: []spec.Function{f}}
		if p := buildProblems(s); len(p) == 0 {
			t.Errorf("buildProblems(%+v) found nothing", f)
		}
	}
}

// TestFunctionsBuild covers the ways a function comes to be: named with
// or without a language, a service turned into one, a language Lambda
// lacks, a version it lacks.
func TestFunctionsBuild(t *testing.T) {
	tests := []struct {
		desc, lang string
	}{
		{"a lambda that writes to a DynamoDB table", "node"},
		{"a python api and a lambda", "python"},
		{"a go worker and a ruby api and a lambda", "node"},
		{"a java lambda", "java"},
		{"a dotnet function", "dotnet"},
		{"a php api on lambda", "node"},
		{"a node 18 api on lambda", "node"},
		{"a serverless api in rust", "rust"},
		{"a small elixir api on Lambda with 3 tasks", "node"},
	}
	for _, tt := range tests {
		r, err := New(tt.desc)
		if err != nil {
			t.Fatalf("New(%q): %v", tt.desc, err)
		}
		if len(r.Spec.Functions) == 0 {
			t.Errorf("New(%q) made no function", tt.desc)
			continue
		}
		if got := r.Spec.Functions[len(r.Spec.Functions)-1].Runtime.Language; got != tt.lang {
			t.Errorf("New(%q): function language %q, want %q", tt.desc, got, tt.lang)
		}
		if p := buildProblems(r.Spec); len(p) > 0 {
			t.Errorf("New(%q) would not build:\n  %s", tt.desc, strings.Join(p, "\n  "))
		}
	}
}
