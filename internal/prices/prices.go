// Package prices owns Hoist's AWS price catalog: the list prices, free
// allowances, discounts and pricing rules that the cost engine multiplies by
// usage.
//
// A Catalog comes from one of three places: the snapshot embedded in the
// binary (Embedded, generated from the project's curated price file by
// ./gen), a cache file written after a refresh (Load), or AWS's public Price
// List Bulk API (Refresh). All three have the same JSON shape, read by Parse
// and written by Marshal. Every row keeps where its number came from
// (Source, AsOf, Confidence) so an estimate can say how sure it is.
//
// Prices are keyed by (service, item, variant, region) with Hoist's own
// vocabulary ("fargate", "vcpu_hour", "linux-arm", "us-east-1"), never by AWS
// SKUs: Refresh maps AWS products onto those keys. Money is decimal, never
// float.
//
// This package knows nothing of the IR, of resources or of usage: it answers
// "what does one unit of X cost in region R". It never prints, never reads
// flags or the environment, and touches the network only inside Refresh,
// through the http.Client it is given. Writing the refreshed cache file is
// the caller's job.
package prices

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// GlobalRegion is the region of rows priced independently of an AWS region:
// CloudFront (priced by viewer geography) and Route 53 (a global service).
// Lookup falls back to it.
const GlobalRegion = "global"

// Origins of a row (Price.Origin).
const (
	// OriginSnapshot marks a row of the curated snapshot (the embedded one,
	// or a cache written before any refresh). It is the empty string, so the
	// snapshot file does not repeat it on every row.
	OriginSnapshot = ""
	// OriginPriceList marks a row read from AWS's Price List Bulk API by
	// Refresh.
	OriginPriceList = "price-list-api"
	// OriginCarried marks a snapshot row that Refresh kept because the
	// price list returned nothing for its key.
	OriginCarried = "snapshot-carried"
)

// ConfidencePriceList is the Confidence of rows read from AWS's price list:
// AWS's own published number, the strongest source there is.
const ConfidencePriceList = "price-list-api"

// Price is the list price of one unit of one priced dimension in one region.
type Price struct {
	Service string // Hoist's service name: "fargate", "rds", "alb", ...
	Item    string // the priced dimension: "vcpu_hour", "instance_hour", ...
	Variant string // flavour or tier: "linux-arm", "postgres:db.t4g.micro:single-az", "" when there is one
	Region  string // "us-east-1", ..., or GlobalRegion
	USD     decimal.Decimal
	Unit    string // what one USD buys: "vCPU-hour", "GB-month", "1M requests"
	// Source cites where the number was seen: one or more citations separated
	// by " ; " (URLs, or owner/name:path for repository files); for rows from
	// the price list, the offer file's URL.
	Source string
	// AsOf is the newest date behind the number (YYYY-MM-DD, sometimes only
	// YYYY-MM or YYYY), or "" when no source gave a date.
	AsOf string
	// Confidence is "confirmed-2" (two independent sources agree),
	// "one-source", "inferred" (an AWS-wide rate applied to this region) or
	// ConfidencePriceList.
	Confidence string
	Note       string
	// Origin tells where the row came from: OriginSnapshot, OriginPriceList
	// or OriginCarried.
	Origin string
	// Tiers holds the price's volume tiers when AWS publishes more than one,
	// in ascending order; USD is then the first tier that is not free.
	// Nil for untiered prices.
	Tiers []Tier
}

// Tier is one volume tier of a price: USD per Unit for usage in [From, To)
// per month, in the price's Unit. To is zero for the last, unbounded tier.
type Tier struct {
	From, To decimal.Decimal
	USD      decimal.Decimal
}

// Allowance is a free or included quantity: the first 1M Lambda requests a
// month, 20 GB of Fargate ephemeral storage per task.
type Allowance struct {
	Service, Item, Region string
	Quantity              decimal.Decimal
	Unit, Note            string
	Source, Confidence    string
}

// Discount is a commitment discount, as a fraction off the list price.
type Discount struct {
	Service, Item, Term string
	FractionOff         decimal.Decimal
	Source, Confidence  string
	Note                string
}

// PricingRule is a named number that is not a price: "rds"
// "multi_az_multiplier" 2, "all" "hours_per_month" 730.
type PricingRule struct {
	Service, Rule      string
	Value              decimal.Decimal
	Note               string
	Source, Confidence string
}

// priceKey identifies one row.
type priceKey struct{ service, item, variant, region string }

// groupKey identifies the variants of one item in one region.
type groupKey struct{ service, item, region string }

type allowanceKey struct{ service, item, region string }

type ruleKey struct{ service, rule string }

// Catalog is a parsed price catalog. It is immutable after construction and
// safe for concurrent use.
type Catalog struct {
	snapshotDate  string
	currency      string
	hoursPerMonth decimal.Decimal
	notes         string
	refreshedAt   string

	prices     []Price // sorted by service, item, variant, region
	allowances []Allowance
	discounts  []Discount
	rules      []PricingRule

	byKey       map[priceKey]int
	byGroup     map[groupKey][]int // indexes into prices, sorted by variant
	byAllowance map[allowanceKey]int
	byRule      map[ruleKey]int
	regions     []string
}

// SnapshotDate is the date of the newest data in the catalog (YYYY-MM-DD):
// the observation date of the curated snapshot, or the newest publication
// date of the offer files a refresh read.
func (c *Catalog) SnapshotDate() string { return c.snapshotDate }

// Currency is the currency of every amount: always "USD".
func (c *Catalog) Currency() string { return c.currency }

// HoursPerMonth is the number of hours an hourly price is multiplied by for
// a monthly figure (730).
func (c *Catalog) HoursPerMonth() decimal.Decimal { return c.hoursPerMonth }

// Notes is the catalog's free-text description of its data.
func (c *Catalog) Notes() string { return c.notes }

// RefreshedAt is when Refresh built the catalog (RFC 3339, UTC), or "" for
// the curated snapshot.
func (c *Catalog) RefreshedAt() string { return c.refreshedAt }

// Regions lists the AWS regions that have at least one price, sorted,
// without GlobalRegion.
func (c *Catalog) Regions() []string { return slices.Clone(c.regions) }

// HasRegion reports whether region has at least one price of its own.
// GlobalRegion is not a region.
func (c *Catalog) HasRegion(region string) bool {
	_, found := slices.BinarySearch(c.regions, region)
	return found
}

// Lookup returns the price of (service, item, variant) in region. When the
// catalog has no row for that key in region it returns the GlobalRegion row
// of the same key, if any; callers can tell by the returned Price's Region.
func (c *Catalog) Lookup(service, item, variant, region string) (Price, bool) {
	if i, ok := c.byKey[priceKey{service, item, variant, region}]; ok {
		return clonePrice(c.prices[i]), true
	}
	if region != GlobalRegion {
		if i, ok := c.byKey[priceKey{service, item, variant, GlobalRegion}]; ok {
			return clonePrice(c.prices[i]), true
		}
	}
	return Price{}, false
}

// Variants returns every variant of (service, item) priced in region, sorted
// by variant, falling back to the GlobalRegion rows when region has none.
func (c *Catalog) Variants(service, item, region string) []Price {
	idx, ok := c.byGroup[groupKey{service, item, region}]
	if !ok && region != GlobalRegion {
		idx = c.byGroup[groupKey{service, item, GlobalRegion}]
	}
	out := make([]Price, 0, len(idx))
	for _, i := range idx {
		out = append(out, clonePrice(c.prices[i]))
	}
	return out
}

// Allowance returns the free or included quantity of (service, item) in
// region, falling back to the GlobalRegion row.
func (c *Catalog) Allowance(service, item, region string) (Allowance, bool) {
	if i, ok := c.byAllowance[allowanceKey{service, item, region}]; ok {
		return c.allowances[i], true
	}
	if region != GlobalRegion {
		if i, ok := c.byAllowance[allowanceKey{service, item, GlobalRegion}]; ok {
			return c.allowances[i], true
		}
	}
	return Allowance{}, false
}

// Rule returns the value of a pricing rule, such as ("rds",
// "multi_az_multiplier").
func (c *Catalog) Rule(service, rule string) (decimal.Decimal, bool) {
	if i, ok := c.byRule[ruleKey{service, rule}]; ok {
		return c.rules[i].Value, true
	}
	return decimal.Decimal{}, false
}

// Rows returns every price, sorted by service, item, variant and region.
func (c *Catalog) Rows() []Price {
	out := make([]Price, len(c.prices))
	for i, p := range c.prices {
		out[i] = clonePrice(p)
	}
	return out
}

// Allowances returns every allowance, sorted by service, item and region.
func (c *Catalog) Allowances() []Allowance { return slices.Clone(c.allowances) }

// Discounts returns every discount, sorted by service, item and term.
func (c *Catalog) Discounts() []Discount { return slices.Clone(c.discounts) }

// Rules returns every pricing rule, sorted by service and rule.
func (c *Catalog) Rules() []PricingRule { return slices.Clone(c.rules) }

func clonePrice(p Price) Price {
	p.Tiers = slices.Clone(p.Tiers)
	return p
}

// newCatalog sorts the rows, builds the indexes and rejects duplicate keys.
// pos, when not nil, gives each price row's position for error messages.
func newCatalog(c *Catalog) error {
	slices.SortStableFunc(c.prices, comparePrice)
	slices.SortStableFunc(c.allowances, func(a, b Allowance) int {
		return compareStrings(a.Service, b.Service, a.Item, b.Item, a.Region, b.Region)
	})
	slices.SortStableFunc(c.discounts, func(a, b Discount) int {
		return compareStrings(a.Service, b.Service, a.Item, b.Item, a.Term, b.Term)
	})
	slices.SortStableFunc(c.rules, func(a, b PricingRule) int {
		return compareStrings(a.Service, b.Service, a.Rule, b.Rule)
	})

	c.byKey = make(map[priceKey]int, len(c.prices))
	c.byGroup = make(map[groupKey][]int)
	regions := map[string]bool{}
	for i, p := range c.prices {
		k := priceKey{p.Service, p.Item, p.Variant, p.Region}
		if _, dup := c.byKey[k]; dup {
			return &dupError{what: "price", key: p.Service + " " + p.Item + " " + quoteVariant(p.Variant) + " " + p.Region}
		}
		c.byKey[k] = i
		g := groupKey{p.Service, p.Item, p.Region}
		c.byGroup[g] = append(c.byGroup[g], i) // prices are sorted, so variants are too
		if p.Region != GlobalRegion {
			regions[p.Region] = true
		}
	}
	c.regions = make([]string, 0, len(regions))
	for r := range regions {
		c.regions = append(c.regions, r)
	}
	slices.Sort(c.regions)

	c.byAllowance = make(map[allowanceKey]int, len(c.allowances))
	for i, a := range c.allowances {
		k := allowanceKey{a.Service, a.Item, a.Region}
		if _, dup := c.byAllowance[k]; dup {
			return &dupError{what: "allowance", key: a.Service + " " + a.Item + " " + a.Region}
		}
		c.byAllowance[k] = i
	}
	c.byRule = make(map[ruleKey]int, len(c.rules))
	for i, r := range c.rules {
		k := ruleKey{r.Service, r.Rule}
		if _, dup := c.byRule[k]; dup {
			return &dupError{what: "rule", key: r.Service + " " + r.Rule}
		}
		c.byRule[k] = i
	}
	return nil
}

type dupError struct{ what, key string }

func (e *dupError) Error() string { return "duplicate " + e.what + " " + e.key }

func quoteVariant(v string) string {
	if v == "" {
		return `""`
	}
	return v
}

func comparePrice(a, b Price) int {
	return compareStrings(a.Service, b.Service, a.Item, b.Item, a.Variant, b.Variant, a.Region, b.Region)
}

// compareStrings compares pairs in order: (a0, b0), then (a1, b1), ...
func compareStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}
