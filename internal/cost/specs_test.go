package cost

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

func expandSpec(t testing.TB, path string) (*ir.Graph, string) {
	t.Helper()
	doc, err := spec.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	res, err := expand.Expand(doc.Spec)
	if err != nil {
		t.Fatal(err)
	}
	region := doc.Spec.Region
	return res.Graph, region
}

// TestSpecs prices every example spec of internal/expand in us-east-1
// (the region with the most prices) and snapshots the JSON and table.
// Every resource Hoist generates must be priced or known to be free.
func TestSpecs(t *testing.T) {
	paths, err := filepath.Glob("../expand/testdata/specs/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			g, _ := expandSpec(t, p)
			rep := estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1"})
			for _, u := range rep.Unsupported {
				t.Errorf("%s: Hoist generates %s (%s), which has no pricer and is not listed as free", name, u.Address, u.Type)
			}
			if len(rep.Resources) != len(g.Resources) {
				t.Errorf("%d resources priced, graph has %d", len(rep.Resources), len(g.Resources))
			}
			js := jsonOf(t, rep)
			validateJSON(t, js)
			again := jsonOf(t, estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1"}))
			if !bytes.Equal(js, again) {
				t.Fatal("two estimates of the same graph differ")
			}
			golden.Assert(t, filepath.Join("testdata", "specs", name+".json"), js)
		})
	}
}
