package prices

import (
	"bytes"
	"context"
	"testing"
)

// BenchmarkLookup prices 1,000 keys per op (hits, global fallbacks and
// misses), the size of the cost engine's largest estimate.
func BenchmarkLookup(b *testing.B) {
	c := Embedded()
	rows := c.Rows()
	type key struct{ s, i, v, r string }
	keys := make([]key, 0, 1000)
	for len(keys) < 1000 {
		for _, p := range rows {
			keys = append(keys, key{p.Service, p.Item, p.Variant, p.Region})
		}
		keys = append(keys, key{"cloudfront", "data_transfer_out_gb", "europe:first-10TB", "us-east-1"}, key{"fargate", "vcpu_hour", "linux-arm", "ap-south-1"})
	}
	keys = keys[:1000]
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range keys {
			c.Lookup(k.s, k.i, k.v, k.r)
		}
	}
}

// BenchmarkRefreshOffer streams a generated 50,000-product EC2 offer file
// (about 76 MB), as Refresh does for each offer and region.
func BenchmarkRefreshOffer(b *testing.B) {
	var buf bytes.Buffer
	if err := writeBigOffer(&buf, 50_000); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	sel := &selector{region: "us-east-1", mappings: mappingsOf("AmazonEC2")}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out, err := streamOffer(context.Background(), bytes.NewReader(data), sel.pick)
		if err != nil {
			b.Fatal(err)
		}
		if len(out.matched) != 500 {
			b.Fatalf("matched %d SKUs, want 500", len(out.matched))
		}
	}
}
