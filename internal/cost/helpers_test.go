package cost

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
)

// importTemplate reads a CloudFormation fixture into the IR.
func importTemplate(t testing.TB, path string) *ir.Graph {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, probs, err := cloudformation.Import(filepath.ToSlash(path), data, cloudformation.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, p := range probs {
		if p.Severity == cloudformation.SeverityError {
			t.Fatalf("%s: %s", path, p)
		}
	}
	return g
}

// loadUsage parses a usage fixture; a missing file is no usage.
func loadUsage(t testing.TB, path string) *Usage {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	u, warns, err := ParseUsage(filepath.ToSlash(path), data)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Errorf("%s: unexpected warning: %s", path, w)
	}
	return u
}

func estimate(t testing.TB, graphs []*ir.Graph, opts Options) *Report {
	t.Helper()
	rep, err := Estimate(graphs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func jsonOf(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
