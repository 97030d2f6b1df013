package expand_test

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/render/cdk"
	"github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/render/terraform"
	"github.com/hoist-dev/hoist/internal/spec"
)

// BenchmarkExpandRender expands a spec of about 300 resources and renders
// it in all three formats; the target is under 50 ms.
func BenchmarkExpandRender(b *testing.B) {
	doc, err := spec.Load("testdata/bench/large.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		b.Fatal(errs)
	}
	res, err := expand.Expand(doc.Spec)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(res.Graph.Resources)), "resources")
	for b.Loop() {
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cloudformation.Render(res.Graph); err != nil {
			b.Fatal(err)
		}
		if _, err := terraform.Render(res.Graph); err != nil {
			b.Fatal(err)
		}
		if _, err := cdk.Render(res.Graph, cdk.Options{Name: res.Graph.Name}); err != nil {
			b.Fatal(err)
		}
	}
}
