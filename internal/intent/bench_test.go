package intent

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/spec"
)

// BenchmarkNew runs New over every description of the corpus that builds
// a fresh spec; ns/op and B/op are per description.
func BenchmarkNew(b *testing.B) {
	var descs []string
	for _, c := range loadCorpus(b) {
		if c.base == "" {
			descs = append(descs, c.desc)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := New(descs[i%len(descs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChange runs Change over the corpus's change descriptions.
func BenchmarkChange(b *testing.B) {
	type job struct {
		s    *spec.Spec
		desc string
	}
	var jobs []job
	for _, c := range loadCorpus(b) {
		if c.base == "" {
			continue
		}
		doc, err := spec.Load("testdata/corpus/bases/" + c.base)
		if err != nil {
			b.Fatal(err)
		}
		jobs = append(jobs, job{doc.Spec, c.desc})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := jobs[i%len(jobs)]
		if _, err := Change(j.s, j.desc); err != nil {
			b.Fatal(err)
		}
	}
}
