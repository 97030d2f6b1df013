package cost

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Compare returns now with the differences from past filled in: past and
// diff totals, and for every resource (matched by address) its change,
// past cost and diff. Resources only in past are listed as removed, with a
// monthly cost of zero and no components. past and now are not modified.
func Compare(past, now *Report) *Report {
	out := *now
	out.Resources = make([]Resource, 0, len(now.Resources))
	before := map[string]Resource{}
	for _, r := range past.Resources {
		before[r.Address] = r
	}
	seen := map[string]bool{}
	for _, r := range now.Resources {
		seen[r.Address] = true
		pc := decimal.Zero
		r.Change = ChangeAdded
		if b, ok := before[r.Address]; ok {
			pc = b.Cost
			r.Change = ChangeUnchanged
			if !b.Cost.Equal(r.Cost) || b.Type != r.Type || !sameComponents(b.Components, r.Components) {
				r.Change = ChangeChanged
			}
		}
		d := r.Cost.Sub(pc)
		r.PastCost, r.DiffCost = &pc, &d
		out.Resources = append(out.Resources, r)
	}
	for _, b := range past.Resources {
		if seen[b.Address] {
			continue
		}
		pc, d := b.Cost, b.Cost.Neg()
		out.Resources = append(out.Resources, Resource{
			Address: b.Address, Type: b.Type, Cost: decimal.Zero, Free: b.Free, Components: []Component{}, Loc: b.Loc,
			Change: ChangeRemoved, PastCost: &pc, DiffCost: &d,
		})
	}
	sort.SliceStable(out.Resources, func(i, j int) bool { return out.Resources[i].Address < out.Resources[j].Address })
	pt, dt := past.Total, now.Total.Sub(past.Total)
	out.PastTotal, out.DiffTotal = &pt, &dt
	return &out
}

func sameComponents(a, b []Component) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !eqPtr(a[i].Quantity, b[i].Quantity) || !eqPtr(a[i].Price, b[i].Price) {
			return false
		}
	}
	return true
}

func eqPtr(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
