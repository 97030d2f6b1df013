package cost

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/prices"
	"github.com/shopspring/decimal"
)

// tierBook is the embedded catalog with S3 Standard storage given the
// tiers a refreshed catalog carries.
type tierBook struct{ Book }

func (b tierBook) Lookup(service, item, variant, region string) (Rate, bool) {
	r, ok := b.Book.Lookup(service, item, variant, region)
	if ok && service == "s3" && item == "standard_storage_gb_month" {
		r.Tiers = []prices.Tier{
			{From: dec("0"), To: dec("51200"), USD: dec("0.023")},
			{From: dec("51200"), To: dec("512000"), USD: dec("0.022")},
			{From: dec("512000"), USD: dec("0.021")},
		}
	}
	return r, ok
}

// TestPublishedTiers prices 600 TB of S3 Standard storage with AWS's tiers:
// 51,200 GB x 0.023 + 460,800 GB x 0.022 + 102,400 GB x 0.021
// = 1,177.60 + 10,137.60 + 2,150.40 = 13,465.60 a month.
func TestPublishedTiers(t *testing.T) {
	book := tierBook{CatalogBook(prices.Embedded())}
	if _, ok := book.Book.Lookup("s3", "standard_storage_gb_month", "first-50TB", "us-east-1"); !ok {
		t.Skip("the snapshot has no S3 Standard first-tier price under this key; see pricer_s3_bucket.go")
	}
	g := &ir.Graph{Resources: []*ir.Resource{{ID: "Bucket", Type: "AWS::S3::Bucket", Properties: ir.M()}}}
	u, _, err := ParseUsage("u.yml", []byte("version: 1\nresource_usage:\n  Bucket:\n    storage_gb: 614400\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Estimate([]*ir.Graph{g}, Options{Region: "us-east-1", Book: book, Usage: u})
	if err != nil {
		t.Fatal(err)
	}
	var storage []Component
	for _, c := range rep.Resources[0].Components {
		if c.key.Item == "standard_storage_gb_month" {
			storage = append(storage, c)
		}
	}
	if len(storage) != 3 {
		t.Fatalf("got %d storage components, want 3: %+v", len(storage), storage)
	}
	total := decimal.Zero
	for _, c := range storage {
		total = total.Add(*c.Cost)
	}
	if !total.Equal(dec("13465.6")) {
		t.Errorf("storage costs %s, want 13465.60", total)
	}
}
