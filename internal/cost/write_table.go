package cost

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteTable writes the report for a terminal: a tree per priced resource
// with its components (quantity, unit, monthly cost; usage-based lines
// marked with *), the total, free and unsupported resources, savings and
// warnings. color adds ANSI bold and dim.
func (r *Report) WriteTable(w io.Writer, color bool) error {
	bold, dim, reset := "", "", ""
	if color {
		bold, dim, reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
	}
	type row struct{ name, qty, unit, cost string }
	var rows []row
	var heads []int
	for _, res := range r.Resources {
		if res.Free {
			continue
		}
		head := fmt.Sprintf("%s (%s)", res.Address, res.Type)
		if res.Change != "" && res.Change != ChangeUnchanged {
			head += " [" + res.Change + "]"
		}
		heads = append(heads, len(rows))
		cost := fmtMoney(res.Cost)
		if res.DiffCost != nil && !res.DiffCost.IsZero() {
			cost += " (" + fmtDiff(*res.DiffCost) + ")"
		}
		rows = append(rows, row{name: head, cost: cost})
		for i, c := range res.Components {
			branch := "├─ "
			if i == len(res.Components)-1 {
				branch = "└─ "
			}
			name := branch + c.Name
			if c.UsageBased {
				name += " *"
			}
			rows = append(rows, row{name: name, qty: fmtQty(c.Quantity), unit: c.Unit, cost: componentCost(c)})
		}
	}
	wName, wQty, wUnit := len("Name"), len("Monthly qty"), len("Unit")
	for _, rw := range rows {
		wName = max(wName, utf8.RuneCountInString(rw.name))
		wQty = max(wQty, len(rw.qty))
		wUnit = max(wUnit, len(rw.unit))
	}
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) }
	b := &strings.Builder{}
	fmt.Fprintf(b, "%sRegion %s, prices as of %s (%s, 730-hour months)%s\n\n", dim, r.Region, r.PricesAsOf, r.Currency, reset)
	fmt.Fprintf(b, "%s%s  %s  %s  %s%s\n", bold, pad("Name", wName), pad("Monthly qty", wQty), pad("Unit", wUnit), "Monthly cost", reset)
	hi := 0
	for i, rw := range rows {
		if hi < len(heads) && heads[hi] == i {
			if i > 0 {
				b.WriteString("\n")
			}
			hi++
			fmt.Fprintf(b, "%s%s%s  %s%s\n", bold, pad(rw.name, wName+wQty+wUnit+4), reset, rw.cost, "")
			continue
		}
		line := fmt.Sprintf("%s  %s  %s  %s", pad(rw.name, wName), strings.Repeat(" ", wQty-len(rw.qty))+rw.qty, pad(rw.unit, wUnit), rw.cost)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	total := "OVERALL TOTAL"
	fmt.Fprintf(b, "\n%s%s  %s%s\n", bold, pad(total, wName+wQty+wUnit+4), fmtMoney(r.Total), reset)
	if r.comparing() {
		fmt.Fprintf(b, "%s  %s (was %s)\n", pad("Change", wName+wQty+wUnit+4), fmtDiff(*r.DiffTotal), fmtMoney(*r.PastTotal))
	}
	b.WriteString("* usage-based: set quantities in hoist-usage.yml (hoist cost --usage FILE)\n")
	if n, s := r.freeSummary(); n > 0 {
		fmt.Fprintf(b, "\n%s: %s\n", plural(n, "free resource"), s)
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(b, "\n%s not priced (no pricer for their type):\n", plural(len(r.Unsupported), "resource"))
		for _, u := range r.Unsupported {
			fmt.Fprintf(b, "  %s (%s)\n", u.Address, u.Type)
		}
	}
	if len(r.Savings) > 0 {
		fmt.Fprintf(b, "\n%sSavings%s\n", bold, reset)
		for _, s := range r.Savings {
			fmt.Fprintf(b, "  %s %s: %s/month, effort %s\n    %s\n", s.Resource, s.ActionType, fmtMoney(s.Monthly), s.Effort, s.Description)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "\n%d warnings:\n", len(r.Warnings))
		for _, wn := range r.Warnings {
			fmt.Fprintf(b, "  %s\n", wn)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
