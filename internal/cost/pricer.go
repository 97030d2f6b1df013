package cost

import (
	"github.com/shopspring/decimal"
)

// pricer prices one resource type. Each lives in its own file
// (pricer_<name>.go) and is listed once in the pricers slice.
type pricer struct {
	// Type is the CloudFormation type priced.
	Type string
	// Terraform names the Terraform types of the same thing, so that
	// usage files written for Terraform (Infracost's) apply.
	Terraform []string
	// Usage lists the usage keys the pricer reads.
	Usage []usageKey
	// Price adds the resource's components to c.
	Price func(c *calc)
}

// usageKey is one usage-based quantity a pricer reads.
type usageKey struct {
	Key string
	// Aliases are other names for it, such as Infracost's
	// (standard.storage_gb for storage_gb).
	Aliases []string
	Desc    string
	// Default, when not empty, is used when the usage file says nothing.
	// Most defaults are empty: the cost then "depends on usage".
	Default string
}

func (p *pricer) usageKey(name string) *usageKey {
	for i := range p.Usage {
		if p.Usage[i].Key == name {
			return &p.Usage[i]
		}
		for _, a := range p.Usage[i].Aliases {
			if a == name {
				return &p.Usage[i]
			}
		}
	}
	return nil
}

func (p *pricer) usageKeyNames() []string {
	out := make([]string, len(p.Usage))
	for i, k := range p.Usage {
		out[i] = k.Key
	}
	return out
}

// pricerFor returns the pricer of a CloudFormation type.
func pricerFor(typ string) *pricer {
	for i := range pricers {
		if pricers[i].Type == typ {
			return &pricers[i]
		}
	}
	return nil
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var (
	zero     = decimal.Zero
	one      = decimal.NewFromInt(1)
	thousand = decimal.NewFromInt(1000)
	tenK     = decimal.NewFromInt(10000)
	million  = decimal.NewFromInt(1000000)
	gib      = decimal.NewFromInt(1024)
)
