package cost

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// htmlBars is how many resources the bar chart shows; the rest are one
// "others" bar.
const htmlBars = 12

// WriteHTML writes one self-contained page: inline CSS, an inline SVG bar
// chart of the monthly cost by resource, and tables of resources and
// components, savings, unsupported resources and warnings. No script, no
// external asset.
func (r *Report) WriteHTML(w io.Writer) error {
	e := html.EscapeString
	b := &strings.Builder{}
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hoist cost estimate</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin-bottom:.25rem}
h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.meta{color:#59636e;font-size:.9rem}
.total{font-size:2rem;font-weight:600;margin:.5rem 0}
.up{color:#cf222e}.down{color:#1a7f37}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.res td{font-weight:600;background:#f6f8fa}
td.comp{padding-left:1.5rem}
.usage{color:#9a6700}
svg text{font:12px system-ui,sans-serif;fill:#1f2328}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}tr.res td{background:#161b22}th,td{border-color:#30363d}svg text{fill:#e6edf3}.meta{color:#9198a1}}
</style>
</head>
<body>
<h1>Hoist cost estimate</h1>
`)
	fmt.Fprintf(b, "<p class=\"meta\">Region %s &middot; list prices as of %s &middot; %s per 730-hour month</p>\n", e(r.Region), e(r.PricesAsOf), e(r.Currency))
	fmt.Fprintf(b, "<p class=\"total\">%s <span class=\"meta\">a month</span></p>\n", fmtMoney(r.Total))
	if r.comparing() {
		cls := "down"
		if r.DiffTotal.IsPositive() {
			cls = "up"
		}
		fmt.Fprintf(b, "<p class=\"%s\">%s from %s</p>\n", cls, fmtDiff(*r.DiffTotal), fmtMoney(*r.PastTotal))
	}
	r.writeChart(b)
	b.WriteString("<h2>Resources</h2>\n<table>\n<thead><tr><th>Resource / component</th><th class=\"num\">Quantity</th><th>Unit</th><th class=\"num\">Monthly cost</th></tr></thead>\n<tbody>\n")
	for _, res := range r.Resources {
		if res.Free {
			continue
		}
		head := e(res.Address) + " <span class=\"meta\">" + e(res.Type) + "</span>"
		if res.Change != "" && res.Change != ChangeUnchanged {
			head += " <span class=\"meta\">(" + res.Change + ")</span>"
		}
		cost := fmtMoney(res.Cost)
		if res.DiffCost != nil && !res.DiffCost.IsZero() {
			cost += " (" + fmtDiff(*res.DiffCost) + ")"
		}
		fmt.Fprintf(b, "<tr class=\"res\"><td colspan=\"3\">%s</td><td class=\"num\">%s</td></tr>\n", head, e(cost))
		for _, c := range res.Components {
			name := e(c.Name)
			if c.UsageBased {
				name = "<span class=\"usage\">" + name + " *</span>"
			}
			fmt.Fprintf(b, "<tr><td class=\"comp\">%s</td><td class=\"num\">%s</td><td>%s</td><td class=\"num\">%s</td></tr>\n", name, fmtQty(c.Quantity), e(c.Unit), e(componentCost(c)))
		}
	}
	fmt.Fprintf(b, "<tr class=\"res\"><td colspan=\"3\">Total</td><td class=\"num\">%s</td></tr>\n</tbody>\n</table>\n", fmtMoney(r.Total))
	b.WriteString("<p class=\"meta\"><span class=\"usage\">*</span> usage-based: set quantities in hoist-usage.yml.</p>\n")
	if n, s := r.freeSummary(); n > 0 {
		fmt.Fprintf(b, "<p class=\"meta\">%s: %s</p>\n", plural(n, "free resource"), e(s))
	}
	if len(r.Savings) > 0 {
		b.WriteString("<h2>Savings</h2>\n<table>\n<thead><tr><th>Resource</th><th>Action</th><th class=\"num\">Monthly savings</th><th>Effort</th><th>Description</th></tr></thead>\n<tbody>\n")
		for _, s := range r.Savings {
			fmt.Fprintf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td><td>%s</td><td>%s</td></tr>\n", e(s.Resource), e(s.ActionType), fmtMoney(s.Monthly), e(s.Effort), e(s.Description))
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	if len(r.Unsupported) > 0 {
		b.WriteString("<h2>Not priced</h2>\n<ul>\n")
		for _, u := range r.Unsupported {
			fmt.Fprintf(b, "<li>%s <span class=\"meta\">%s</span></li>\n", e(u.Address), e(u.Type))
		}
		b.WriteString("</ul>\n")
	}
	if len(r.Warnings) > 0 {
		b.WriteString("<h2>Warnings</h2>\n<ul>\n")
		for _, wn := range r.Warnings {
			fmt.Fprintf(b, "<li>%s</li>\n", e(wn.String()))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeChart draws the horizontal bar chart of cost by resource.
func (r *Report) writeChart(b *strings.Builder) {
	type bar struct {
		label string
		cost  decimal.Decimal
	}
	var bars []bar
	for _, res := range r.Resources {
		if res.Cost.IsPositive() {
			bars = append(bars, bar{res.Address, res.Cost})
		}
	}
	if len(bars) == 0 {
		return
	}
	sort.SliceStable(bars, func(i, j int) bool {
		if c := bars[i].cost.Cmp(bars[j].cost); c != 0 {
			return c > 0
		}
		return bars[i].label < bars[j].label
	})
	if len(bars) > htmlBars {
		rest := decimal.Zero
		for _, x := range bars[htmlBars-1:] {
			rest = rest.Add(x.cost)
		}
		n := len(bars) - htmlBars + 1
		bars = append(bars[:htmlBars-1], bar{fmt.Sprintf("%d others", n), rest})
	}
	maxCost := bars[0].cost
	for _, x := range bars {
		maxCost = decimal.Max(maxCost, x.cost)
	}
	const labelW, barW, rowH, valueW = 260, 380, 22, 90
	height := len(bars)*rowH + 8
	fmt.Fprintf(b, "<svg role=\"img\" aria-label=\"Monthly cost by resource\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n", labelW+barW+valueW, height, labelW+barW+valueW, height)
	for i, x := range bars {
		y := 4 + i*rowH
		wd := x.cost.Div(maxCost).Mul(decimal.NewFromInt(barW)).Round(1)
		label := x.label
		if len(label) > 38 {
			label = label[:37] + "…"
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", labelW-8, y+15, html.EscapeString(label))
		fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" rx=\"2\" fill=\"#0969da\"><title>%s: %s</title></rect>\n", labelW, y+3, wd, rowH-6, html.EscapeString(x.label), fmtMoney(x.cost))
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%d\">%s</text>\n", wd.Add(decimal.NewFromInt(labelW+6)), y+15, fmtMoney(x.cost))
	}
	b.WriteString("</svg>\n")
}
