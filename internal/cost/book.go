package cost

import (
	"github.com/hoist-dev/hoist/internal/prices"
	"github.com/shopspring/decimal"
)

// Rate is one price from the catalog: USD for one Unit.
type Rate struct {
	USD        decimal.Decimal
	Unit       string
	Confidence string
	Note       string
	// Tiers are the volume tiers AWS publishes for the price (a refreshed
	// catalog has them), in Unit; empty when the price is flat or only its
	// first tier is known.
	Tiers []prices.Tier
}

// Book is what the pricers read prices from. The embedded snapshot of
// internal/prices is the Book the CLI uses (see CatalogBook); tests may
// pass any other.
type Book interface {
	// Lookup returns the price of service/item/variant in region, falling
	// back to the "global" region.
	Lookup(service, item, variant, region string) (Rate, bool)
	// Allowance returns a free or included monthly quantity.
	Allowance(service, item, region string) (decimal.Decimal, bool)
	// Rule returns a pricing rule's value, such as rds multi_az_multiplier.
	Rule(service, rule string) (decimal.Decimal, bool)
	SnapshotDate() string
	HoursPerMonth() decimal.Decimal
	Regions() []string
	HasRegion(region string) bool
}

// CatalogBook adapts a price catalog of internal/prices to a Book.
func CatalogBook(c *prices.Catalog) Book { return catalogBook{c} }

type catalogBook struct{ c *prices.Catalog }

func (b catalogBook) Lookup(service, item, variant, region string) (Rate, bool) {
	p, ok := b.c.Lookup(service, item, variant, region)
	if !ok {
		return Rate{}, false
	}
	return Rate{USD: p.USD, Unit: p.Unit, Confidence: p.Confidence, Note: p.Note, Tiers: p.Tiers}, true
}

func (b catalogBook) Allowance(service, item, region string) (decimal.Decimal, bool) {
	a, ok := b.c.Allowance(service, item, region)
	return a.Quantity, ok
}

func (b catalogBook) Rule(service, rule string) (decimal.Decimal, bool) {
	return b.c.Rule(service, rule)
}
func (b catalogBook) SnapshotDate() string           { return b.c.SnapshotDate() }
func (b catalogBook) HoursPerMonth() decimal.Decimal { return b.c.HoursPerMonth() }
func (b catalogBook) Regions() []string              { return b.c.Regions() }
func (b catalogBook) HasRegion(region string) bool   { return b.c.HasRegion(region) }

func defaultBook() Book { return CatalogBook(prices.Embedded()) }
