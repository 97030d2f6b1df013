package cost

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes a pull-request comment. For a Compare report it
// shows the change of the total and a table of the added, removed and
// changed resources with before, after and diff; otherwise the priced
// resources and the total. Components of the listed resources, savings,
// unsupported resources and warnings follow in collapsed sections.
func (r *Report) WriteMarkdown(w io.Writer) error {
	b := &strings.Builder{}
	b.WriteString("### Hoist cost estimate\n\n")
	if r.comparing() {
		d := *r.DiffTotal
		switch {
		case d.IsPositive():
			fmt.Fprintf(b, "Monthly cost will **increase by %s** (%s to %s).\n\n", fmtMoney(d), fmtMoney(*r.PastTotal), fmtMoney(r.Total))
		case d.IsNegative():
			fmt.Fprintf(b, "Monthly cost will **decrease by %s** (%s to %s).\n\n", fmtMoney(d.Neg()), fmtMoney(*r.PastTotal), fmtMoney(r.Total))
		default:
			fmt.Fprintf(b, "Monthly cost will **not change** (%s).\n\n", fmtMoney(r.Total))
		}
	} else {
		fmt.Fprintf(b, "Monthly cost: **%s**\n\n", fmtMoney(r.Total))
	}
	var listed []Resource
	unchanged := 0
	for _, res := range r.Resources {
		switch {
		case r.comparing() && res.Change == ChangeUnchanged:
			unchanged++
		case r.comparing() && res.Free && res.DiffCost != nil && res.DiffCost.IsZero():
			// a free resource added or removed changes nothing.
		case !r.comparing() && res.Free:
		default:
			listed = append(listed, res)
		}
	}
	if r.comparing() {
		b.WriteString("| Resource | Type | Change | Before | After | Diff |\n|---|---|---|---:|---:|---:|\n")
		for _, res := range listed {
			fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | %s |\n", mdEscape(res.Address), res.Type, res.Change, fmtMoney(*res.PastCost), fmtMoney(res.Cost), fmtDiff(*res.DiffCost))
		}
		fmt.Fprintf(b, "| **Total** | | | **%s** | **%s** | **%s** |\n", fmtMoney(*r.PastTotal), fmtMoney(r.Total), fmtDiff(*r.DiffTotal))
		if unchanged > 0 {
			fmt.Fprintf(b, "\n%d resources unchanged.\n", unchanged)
		}
	} else {
		b.WriteString("| Resource | Type | Monthly cost |\n|---|---|---:|\n")
		for _, res := range listed {
			fmt.Fprintf(b, "| `%s` | %s | %s |\n", mdEscape(res.Address), res.Type, fmtMoney(res.Cost))
		}
		fmt.Fprintf(b, "| **Total** | | **%s** |\n", fmtMoney(r.Total))
	}
	var detail []Resource
	for _, res := range listed {
		if len(res.Components) > 0 {
			detail = append(detail, res)
		}
	}
	if len(detail) > 0 {
		b.WriteString("\n<details><summary>Cost components</summary>\n\n")
		b.WriteString("| Resource | Component | Quantity | Unit | Monthly cost |\n|---|---|---:|---|---:|\n")
		for _, res := range detail {
			for _, c := range res.Components {
				name := mdEscape(c.Name)
				if c.UsageBased {
					name += " \\*"
				}
				fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s |\n", mdEscape(res.Address), name, fmtQty(c.Quantity), c.Unit, mdEscape(componentCost(c)))
			}
		}
		b.WriteString("\n\\* usage-based\n\n</details>\n")
	}
	if len(r.Savings) > 0 {
		b.WriteString("\n<details><summary>Savings hints</summary>\n\n| Resource | Action | Monthly savings | Effort | Description |\n|---|---|---:|---|---|\n")
		for _, s := range r.Savings {
			fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s |\n", mdEscape(s.Resource), s.ActionType, fmtMoney(s.Monthly), s.Effort, mdEscape(s.Description))
		}
		b.WriteString("\n</details>\n")
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(b, "\n<details><summary>%s not priced</summary>\n\n", plural(len(r.Unsupported), "resource"))
		for _, u := range r.Unsupported {
			fmt.Fprintf(b, "- `%s` (%s)\n", mdEscape(u.Address), u.Type)
		}
		b.WriteString("\n</details>\n")
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "\n<details><summary>%d warnings</summary>\n\n", len(r.Warnings))
		for _, wn := range r.Warnings {
			fmt.Fprintf(b, "- %s\n", mdEscape(wn.String()))
		}
		b.WriteString("\n</details>\n")
	}
	fmt.Fprintf(b, "\n<sub>Region %s; list prices as of %s in %s, 730-hour months.</sub>\n", r.Region, r.PricesAsOf, r.Currency)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps text from breaking a table cell.
func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "`", "'").Replace(s)
}
