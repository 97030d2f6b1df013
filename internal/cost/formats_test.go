package cost_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/cost"
	"github.com/hoist-dev/hoist/internal/expand"
	cfnimport "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	tfimport "github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/importer/tfplan"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/render/terraform"
	"github.com/hoist-dev/hoist/internal/spec"
)

func estimate(t *testing.T, g *ir.Graph) *cost.Report {
	t.Helper()
	rep, err := cost.Estimate([]*ir.Graph{g}, cost.Options{Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSameStackEveryFormat prices every example spec three ways: expanded
// from hoist.yaml, rendered to CloudFormation and imported, and rendered to
// Terraform and imported. A stack costs the same whatever it is written in.
func TestSameStackEveryFormat(t *testing.T) {
	specs, err := filepath.Glob("../expand/testdata/specs/*.yaml")
	if err != nil || len(specs) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	for _, path := range specs {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".yaml"), func(t *testing.T) {
			doc, err := spec.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := expand.Expand(doc.Spec)
			if err != nil {
				t.Fatal(err)
			}
			fromSpec := estimate(t, res.Graph)

			tmpl, err := cloudformation.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			gc, _, err := cfnimport.Import("template.yaml", tmpl, cfnimport.Options{})
			if err != nil {
				t.Fatal(err)
			}
			fromCFN := estimate(t, gc)

			files, err := terraform.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			gt, _, err := tfimport.ImportFiles(files, tfimport.Options{})
			if err != nil {
				t.Fatal(err)
			}
			fromTF := estimate(t, gt)

			if !fromSpec.Total.Equal(fromCFN.Total) || !fromSpec.Total.Equal(fromTF.Total) {
				t.Errorf("totals differ: hoist.yaml %s, CloudFormation %s, Terraform %s", fromSpec.Total, fromCFN.Total, fromTF.Total)
			}
			if len(fromSpec.Unsupported) != len(fromCFN.Unsupported) || len(fromSpec.Unsupported) != len(fromTF.Unsupported) {
				t.Errorf("unsupported differ: %d, %d, %d", len(fromSpec.Unsupported), len(fromCFN.Unsupported), len(fromTF.Unsupported))
			}
			if fromSpec.Total.IsZero() {
				t.Error("the stack costs nothing: the comparison proves little")
			}
		})
	}
}

// TestPlanAndHCLPriceAlike prices a Terraform configuration and the plan
// JSON of the same stack (the plan importer's fixtures).
func TestPlanAndHCLPriceAlike(t *testing.T) {
	data, err := os.ReadFile("../importer/tfplan/testdata/stack.plan.json")
	if err != nil {
		t.Fatal(err)
	}
	gp, _, err := tfplan.Import("stack.plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	gh, _, err := tfimport.ImportDir("../importer/tfplan/testdata/stack", tfimport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The plan also deletes a resource the configuration no longer has:
	// price only what the plan keeps.
	var kept []*ir.Resource
	for _, r := range gp.Resources {
		if a, _ := ir.AsString(ir.Lookup(r.Metadata, "TerraformAction")); a != "delete" {
			kept = append(kept, r)
		}
	}
	gp.Resources = kept
	plan, hcl := estimate(t, gp), estimate(t, gh)
	if !plan.Total.Equal(hcl.Total) || plan.Total.IsZero() {
		t.Errorf("plan %s, HCL %s", plan.Total, hcl.Total)
	}
}
