package prices

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func addFixtures(f *testing.F, pattern string) {
	f.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// Parse never panics, and whatever it accepts survives Marshal and Parse
// unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add(EmbeddedJSON())
	f.Add([]byte(`{"snapshot_date":"2026-01-01","currency":"USD","hours_per_month":730,"prices":[{"service":"a","item":"b","region":"us-east-1","usd":1e-7,"unit":"u","tiers":[{"from":0,"to":5,"usd":0},{"from":5,"usd":1}]}]}`))
	f.Add([]byte(`{"prices":[{"usd":"1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			return
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatalf("Marshal after a successful Parse: %v", err)
		}
		c2, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(c)): %v\n%s", err, out)
		}
		out2, err := c2.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("Marshal is not stable:\n%s\n---\n%s", out, out2)
		}
	})
}

// The offer-file streamer never panics on any input, and every SKU it keeps
// can be priced without panicking.
func FuzzOfferStream(f *testing.F) {
	addFixtures(f, "testdata/bulk/offers/v1.0/aws/*/*/*/index.json")
	addFixtures(f, "testdata/bulk/offers/v1.0/aws/AmazonCloudFront/current/index.json")
	f.Add([]byte(`{"products":{"A":{"sku":"A","productFamily":"Compute Instance","attributes":{"usagetype":"BoxUsage:x","instanceType":"x","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA"}}},"terms":{"OnDemand":{"A":{"T":{"priceDimensions":{"R":{"beginRange":"0","endRange":"Inf","pricePerUnit":{"USD":"1e5"}}}}}},"Reserved":{"A":[]}}}`))
	all := make([]mapping, 0, len(mappings))
	all = append(all, mappings...)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, region := range []string{"us-east-1", GlobalRegion} {
			sel := &selector{region: region, mappings: all}
			out, err := streamOffer(context.Background(), bytes.NewReader(data), sel.pick)
			if err != nil {
				continue
			}
			for _, m := range out.matched {
				priceOf(m)
			}
		}
	})
}
