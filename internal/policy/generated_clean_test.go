package policy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/load"
	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/render/terraform"
	"github.com/hoist-dev/hoist/internal/spec"
)

// TestGeneratedInfraIsClean is the secure-by-default promise: every
// example spec, as Hoist expands it and as the CloudFormation and Terraform
// it renders read back, has no high or critical finding from any built-in
// rule, in a development and in a production stack.
func TestGeneratedInfraIsClean(t *testing.T) {
	specs, err := filepath.Glob("../expand/testdata/specs/*.yaml")
	if err != nil || len(specs) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	for _, path := range specs {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			doc, err := spec.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := expand.Expand(doc.Spec)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			tmpl, err := cloudformation.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "cfn", "template.yaml"), tmpl)
			files, err := terraform.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			for n, data := range files {
				write(t, filepath.Join(dir, "tf", n), data)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "hoist.yaml"), data)
			inputs, err := load.Path(dir, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var targets []policy.Target
			for _, in := range inputs {
				if in.Err != nil {
					t.Fatalf("%s: %v", in.Path, in.Err)
				}
				for _, g := range in.Graphs {
					targets = append(targets, policy.Target{Kind: in.Kind, Path: in.Path, Graph: g, Raw: in.Raw, Sources: in.Sources})
				}
			}
			if len(targets) != 3 {
				t.Fatalf("got %d targets, want hoist.yaml, CloudFormation and Terraform", len(targets))
			}
			for _, prod := range []bool{false, true} {
				rep, err := policy.Check(targets, policy.Options{Production: prod, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
				if err != nil {
					t.Fatal(err)
				}
				if rep.Summary.ResourcesScanned == 0 {
					t.Fatal("nothing was checked")
				}
				for _, f := range rep.Unsuppressed() {
					if f.Severity >= rule.High {
						t.Errorf("production=%v: %s %s %s:%d %s: %s", prod, f.Severity, f.RuleID, filepath.Base(f.File), f.Line, f.Resource, f.Message)
					}
				}
			}
		})
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
