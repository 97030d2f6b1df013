package cost

import (
	"slices"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// hint finds savings in a priced stack. Each lives in its own savings_*.go
// file and is listed once in hints.
type hint struct {
	ID   string
	Find func(e *estimator) []Saving
}

// hints is the registry of savings hints, in a fixed order.
var hints = []hint{
	gravitonHint,
	gp3Hint,
	natHint,
	idleIPv4Hint,
	appRunnerHint,
	rightsizeHint,
}

// Effort levels, as Cost Optimization Hub names them.
const (
	EffortVeryLow = "VeryLow"
	EffortLow     = "Low"
	EffortMedium  = "Medium"
	EffortHigh    = "High"
)

func (e *estimator) savings() {
	for _, h := range hints {
		for _, s := range h.Find(e) {
			if s.Monthly.IsPositive() {
				e.report.Savings = append(e.report.Savings, s)
			}
		}
	}
}

// calcFor returns a calc for a priced resource, for re-pricing it.
func (e *estimator) calcFor(p pricedResource) *calc {
	return &calc{e: e, g: p.g, r: p.r, addr: p.addr, pr: pricerFor(p.r.Type), use: p.use}
}

func (e *estimator) resourceOf(p pricedResource) *Resource { return &e.report.Resources[p.idx] }

// price returns a price from the book, or false.
func (e *estimator) price(k priceKey) (decimal.Decimal, bool) {
	r, ok := e.book.Lookup(k.Service, k.Item, k.Variant, e.region)
	return r.USD, ok
}

// swapSaving sums, over the components whose price key alt maps to
// another key, what the component would save at the other key's price.
func (e *estimator) swapSaving(res *Resource, alt func(priceKey) (priceKey, bool)) (decimal.Decimal, []string) {
	total := decimal.Zero
	var what []string
	for _, cp := range res.Components {
		if cp.Cost == nil || cp.Quantity == nil {
			continue
		}
		to, ok := alt(cp.key)
		if !ok {
			continue
		}
		p, ok := e.price(to)
		if !ok || !p.LessThan(*cp.Price) {
			continue
		}
		total = total.Add(cp.Quantity.Mul(cp.Price.Sub(p)))
		if s := cp.key.Variant + " -> " + to.Variant; !slices.Contains(what, s) {
			what = append(what, s)
		}
	}
	return total, what
}

// referenced reports whether any resource of g refers to id.
func referenced(g *ir.Graph, id string) bool {
	for _, r := range g.Resources {
		if r.ID == id {
			continue
		}
		for _, ref := range ir.References(r.Properties) {
			if ref.Target == id {
				return true
			}
		}
	}
	return false
}

func money(d decimal.Decimal) string { return "$" + d.StringFixed(2) }
