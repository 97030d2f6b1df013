package cost

import "github.com/shopspring/decimal"

// Rate is one price from the catalog: USD for one Unit.
type Rate struct {
	USD        decimal.Decimal
	Unit       string
	Confidence string
	Note       string
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
