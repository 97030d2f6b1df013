package awsrules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/hoist-dev/hoist/internal/spec"
)

// TestGeneratedInfraGroupB expands every example spec and runs the group
// B rules over the IR, outside and inside production: what Hoist
// generates must have no high or critical finding. Lower findings are
// logged (go test -v) so regressions in expansion stay visible.
func TestGeneratedInfraGroupB(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "expand", "testdata", "specs", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no example specs found")
	}
	rules := groupB()
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			doc, err := spec.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if errs := doc.Validate(); len(errs) > 0 {
				t.Fatalf("%s is invalid: %v", p, errs)
			}
			res, err := expand.Expand(doc.Spec)
			if err != nil {
				t.Fatal(err)
			}
			for _, prod := range []bool{false, true} {
				c := rule.NewContext(res.Graph, prod)
				for _, r := range rules {
					for _, res := range res.Graph.Resources {
						if !slices.Contains(r.Types, res.Type) {
							continue
						}
						for _, v := range r.Check(c, res) {
							msg := fmt.Sprintf("%s %s (production=%v): %s %s.%s: %s", r.ID, r.Severity, prod, res.Type, res.ID, v.Path, v.Message)
							if r.Severity >= rule.High {
								t.Error(msg)
							} else {
								t.Log(msg)
							}
						}
					}
				}
			}
		})
	}
}

// BenchmarkGroupBRules measures running every group B rule over the IR
// of every example spec.
func BenchmarkGroupBRules(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "expand", "testdata", "specs", "*.yaml"))
	if err != nil || len(paths) == 0 {
		b.Fatal("no example specs", err)
	}
	var graphs []*ir.Graph
	for _, p := range paths {
		doc, err := spec.Load(p)
		if err != nil {
			b.Fatal(err)
		}
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			b.Fatal(err)
		}
		graphs = append(graphs, res.Graph)
	}
	rules := groupB()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, g := range graphs {
			c := rule.NewContext(g, true)
			for _, r := range rules {
				for _, res := range g.Resources {
					if slices.Contains(r.Types, res.Type) {
						r.Check(c, res)
					}
				}
			}
		}
	}
}
