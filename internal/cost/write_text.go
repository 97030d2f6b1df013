package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Helpers shared by the human renderers.

func fmtMoney(d decimal.Decimal) string {
	if d.IsNegative() {
		return "-$" + d.Neg().StringFixed(2)
	}
	return "$" + d.StringFixed(2)
}

func fmtDiff(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + fmtMoney(d)
	}
	return fmtMoney(d)
}

func fmtQty(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.Round(4).String()
}

// componentCost is what a renderer shows in a component's cost column.
func componentCost(c Component) string {
	switch {
	case c.Cost != nil:
		return fmtMoney(*c.Cost)
	case c.Price == nil:
		return "price not in snapshot"
	default:
		return fmt.Sprintf("depends on usage: $%s per %s", c.Price.String(), c.priceUnit)
	}
}

// freeSummary is "AWS::EC2::Subnet x4, AWS::IAM::Role x2" for free resources.
func (r *Report) freeSummary() (int, string) {
	counts := map[string]int{}
	n := 0
	for _, res := range r.Resources {
		if res.Free && res.Change != ChangeRemoved {
			counts[res.Type]++
			n++
		}
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Strings(types)
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = fmt.Sprintf("%s x%d", t, counts[t])
	}
	return n, strings.Join(parts, ", ")
}

// comparing reports whether Compare made the report.
func (r *Report) comparing() bool { return r.PastTotal != nil }

// plural is "1 resource" or "3 resources".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
