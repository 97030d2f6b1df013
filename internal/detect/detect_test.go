package detect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
)

// TestFixtures analyses every repository under testdata/repos and compares
// the result with testdata/repos/<name>.golden.json. One folder per
// ecosystem and framework; go test -update rewrites the expectations.
func TestFixtures(t *testing.T) {
	entries, err := os.ReadDir("testdata/repos")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", "repos", name)
			a, err := Analyze(dir)
			var got []byte
			if err != nil {
				got = []byte("error: " + err.Error() + "\n")
			} else {
				got, err = json.MarshalIndent(a, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
			}
			golden.Assert(t, filepath.Join("testdata", "repos", name+".golden.json"), got)
		})
	}
}
