package awsrules

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/terraform"
)

// Throwaway: runs group B rules over their .tf fixtures. Not committed.
func TestTFLocalB(t *testing.T) {
	for _, r := range groupB() {
		for _, kind := range []string{"fail", "pass"} {
			path := filepath.Join("testdata", r.ID, kind+".tf")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			g, probs, err := terraform.ImportFiles(map[string][]byte{filepath.Base(path): data}, terraform.Options{})
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			for _, p := range probs {
				if p.Severity == terraform.SeverityError {
					t.Logf("%s: problem %v", path, p)
				}
			}
			got, want := run(r, g), wants(data, r.ID)
			if !slices.Equal(got, want) {
				t.Errorf("%s: got %v, want %v", path, got, want)
			}
		}
	}
}
