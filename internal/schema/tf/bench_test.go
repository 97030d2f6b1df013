package tf

import (
	"runtime"
	"testing"
)

// BenchmarkDecode measures loading the embedded schema from scratch
// (gunzip + JSON decode + indexing) and the heap it keeps.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep *Schema
	for b.Loop() {
		s, err := Decode(embedded)
		if err != nil {
			b.Fatal(err)
		}
		keep = s
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "retained-heap-bytes")
	runtime.KeepAlive(keep)
}

// BenchmarkDecodeAll measures loading the index and decoding every
// resource and data source body (the worst case: a run touching all types).
func BenchmarkDecodeAll(b *testing.B) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep *Schema
	for b.Loop() {
		s, err := Decode(embedded)
		keep = s
		if err != nil {
			b.Fatal(err)
		}
		for _, typ := range s.Types() {
			if _, err := s.Resource(typ); err != nil {
				b.Fatal(err)
			}
		}
		for _, typ := range s.DataTypes() {
			if _, err := s.DataSource(typ); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "retained-heap-bytes")
	runtime.KeepAlive(keep)
}

// benchTypes is 10,000 resource types drawn from the schema, with some
// misspelt ones, as a large configuration would have.
func benchTypes(b *testing.B) []string {
	b.Helper()
	types := Types()
	out := make([]string, 10000)
	for i := range out {
		out[i] = types[(i*7919)%len(types)]
		if i%100 == 0 {
			out[i] += "x" // an unknown type now and then
		}
	}
	return out
}

// BenchmarkLookup10k looks up 10,000 resources in a warm schema.
func BenchmarkLookup10k(b *testing.B) {
	types := benchTypes(b)
	for _, t := range types {
		Lookup(t) // warm: decode each body once
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range types {
			Lookup(t)
		}
	}
}

// BenchmarkCheckBody10k checks 10,000 resource bodies that set every
// required argument plus one misspelt argument each.
func BenchmarkCheckBody10k(b *testing.B) {
	types := benchTypes(b)
	bodies := make([]BodyShape, len(types))
	for i, t := range types {
		var body BodyShape
		if r, ok := Lookup(t); ok {
			for _, a := range r.Arguments {
				if a.Required {
					body.Attributes = append(body.Attributes, AttrShape{Name: a.Name})
				}
			}
			for _, n := range r.Blocks {
				if n.MinItems > 0 {
					body.Blocks = append(body.Blocks, BlockShape{Name: n.Name})
				}
			}
		}
		body.Attributes = append(body.Attributes, AttrShape{Name: "tagz"})
		bodies[i] = body
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range types {
			CheckBody(t, bodies[i])
		}
	}
}
