package detect

import (
	"os"
	"testing"
)

// Temporary local harness (to be deleted): benchmarks Analyze on a
// monorepo written once to a fixed folder.
type fixedTB struct {
	testing.TB
	dir string
}

func (f fixedTB) TempDir() string { return f.dir }

func BenchmarkZZFixed(b *testing.B) {
	root := "/tmp/hoist-mono"
	if _, err := os.Stat(root + "/package.json"); err != nil {
		os.MkdirAll(root, 0o755)
		makeMonorepo(fixedTB{b, root})
	}
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		a, err := Analyze(root)
		if err != nil || len(a.Services) != 30 {
			b.Fatalf("got %v services, err %v", len(a.Services), err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
