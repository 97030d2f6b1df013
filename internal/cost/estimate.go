package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/prices"
	"github.com/shopspring/decimal"
)

// Options tune an estimate.
type Options struct {
	// Region prices the stack; it must be one of the catalog's regions.
	Region string
	// Usage holds the usage-based quantities; nil means none are known.
	Usage *Usage
	// FreeTier applies the monthly free allowances (Lambda, SQS, SNS,
	// CodeBuild, CloudFront) to the first resources that use them. Off by
	// default: an estimate is for an account whose free tier is used up.
	FreeTier bool
	// Catalog is the price catalog (prices.Load's); nil means the
	// embedded snapshot.
	Catalog *prices.Catalog
	// Book, when set, is used instead of Catalog (tests pass fakes).
	Book Book
}

// dataTransferType is the pseudo-resource that carries stack-wide data
// transfer usage (like Infracost's aws_data_transfer): it exists in a
// report only when the usage file mentions it.
const (
	dataTransferType    = "Hoist::DataTransfer"
	dataTransferAddress = "data_transfer"
)

type estimator struct {
	opts   Options
	book   Book
	region string
	hours  decimal.Decimal
	graphs []*ir.Graph
	report *Report
	// remaining free-tier allowances, by service/item.
	allowances map[string]decimal.Decimal
	// usage addresses that matched a resource.
	usedAddrs map[string]bool
	multi     bool
	// savings hints need the priced components of each resource.
	priced []pricedResource
}

type pricedResource struct {
	g    *ir.Graph
	r    *ir.Resource
	idx  int
	addr string
	use  map[string]UsageValue
}

// Estimate prices every resource of the graphs. Resources of types no
// pricer knows are listed as unsupported, never dropped.
func Estimate(graphs []*ir.Graph, opts Options) (*Report, error) {
	book := opts.Book
	if book == nil && opts.Catalog != nil {
		book = CatalogBook(opts.Catalog)
	}
	if book == nil {
		book = defaultBook()
	}
	if !book.HasRegion(opts.Region) {
		return nil, fmt.Errorf("unknown region %q; prices are known for %s", opts.Region, strings.Join(book.Regions(), ", "))
	}
	e := &estimator{
		opts: opts, book: book, region: opts.Region, hours: book.HoursPerMonth(), graphs: graphs,
		report: &Report{
			Currency: "USD", PricesAsOf: book.SnapshotDate(), Region: opts.Region,
			Resources: []Resource{}, Unsupported: []Unsupported{}, Savings: []Saving{}, Warnings: []Warning{},
		},
		allowances: map[string]decimal.Decimal{},
		usedAddrs:  map[string]bool{},
		multi:      len(graphs) > 1,
	}
	for _, g := range graphs {
		if g == nil {
			continue
		}
		for _, r := range g.Resources {
			e.resource(g, r)
		}
	}
	if e.wantsDataTransfer() {
		g := &ir.Graph{Name: "usage"}
		e.multi = false
		e.resource(g, &ir.Resource{ID: dataTransferAddress, Type: dataTransferType, Loc: ir.Location{File: opts.Usage.File}})
	}
	e.unusedUsage()
	e.savings()
	rep := e.report
	sort.SliceStable(rep.Resources, func(i, j int) bool { return rep.Resources[i].Address < rep.Resources[j].Address })
	sort.SliceStable(rep.Unsupported, func(i, j int) bool { return rep.Unsupported[i].Address < rep.Unsupported[j].Address })
	sort.SliceStable(rep.Savings, func(i, j int) bool {
		a, b := rep.Savings[i], rep.Savings[j]
		if c := a.Monthly.Cmp(b.Monthly); c != 0 {
			return c > 0
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.ActionType < b.ActionType
	})
	rep.Total = decimal.Zero
	for _, r := range rep.Resources {
		rep.Total = rep.Total.Add(r.Cost)
	}
	return rep, nil
}

// address names a resource in reports and usage files: the Terraform
// address for resources imported from Terraform, else the logical ID,
// prefixed with the stack's name when several stacks are priced.
func (e *estimator) address(g *ir.Graph, r *ir.Resource) string {
	a := r.ID
	if (r.Origin.Kind == ir.FromTerraform || r.Origin.Kind == ir.FromPlan) && r.Origin.Source != "" {
		a = r.Origin.Source
	}
	if e.multi {
		a = graphName(g, e.graphs) + "/" + a
	}
	return a
}

func graphName(g *ir.Graph, all []*ir.Graph) string {
	if g.Name != "" {
		return g.Name
	}
	if g.Source != "" {
		return g.Source
	}
	for i, x := range all {
		if x == g {
			return fmt.Sprintf("stack%d", i+1)
		}
	}
	return "stack"
}

func (e *estimator) resource(g *ir.Graph, r *ir.Resource) {
	addr := e.address(g, r)
	pr := pricerFor(r.Type)
	if pr == nil {
		if isFree(r.Type) {
			e.report.Resources = append(e.report.Resources, Resource{Address: addr, Type: r.Type, Free: true, Cost: decimal.Zero, Components: []Component{}, Loc: r.Loc})
			return
		}
		e.report.Unsupported = append(e.report.Unsupported, Unsupported{Address: addr, Type: r.Type, Loc: r.Loc})
		return
	}
	cands := []string{addr}
	if r.ID != addr {
		cands = append(cands, r.ID)
	}
	if r.Origin.Source != "" && r.Origin.Source != addr && (r.Origin.Kind == ir.FromTerraform || r.Origin.Kind == ir.FromPlan) {
		cands = append(cands, r.Origin.Source)
	}
	use, used := e.opts.Usage.forResource(pr, cands)
	for _, a := range used {
		e.usedAddrs[a] = true
		for k, v := range e.opts.Usage.Resources[a] {
			if pr.usageKey(k) == nil {
				e.warn(Warning{Address: addr, Loc: v.Loc, Message: fmt.Sprintf("usage key %q means nothing for %s (known: %s)", k, r.Type, strings.Join(pr.usageKeyNames(), ", "))})
			}
		}
	}
	c := &calc{e: e, g: g, r: r, addr: addr, pr: pr, use: use}
	pr.Price(c)
	res := Resource{Address: addr, Type: r.Type, Components: c.comps, Loc: r.Loc, Cost: decimal.Zero, Free: c.free}
	if res.Components == nil {
		res.Components = []Component{}
	}
	for _, cp := range res.Components {
		if cp.Cost != nil {
			res.Cost = res.Cost.Add(*cp.Cost)
		}
	}
	e.report.Resources = append(e.report.Resources, res)
	e.priced = append(e.priced, pricedResource{g: g, r: r, idx: len(e.report.Resources) - 1, addr: addr, use: use})
}

// wantsDataTransfer reports whether the usage file mentions data transfer.
func (e *estimator) wantsDataTransfer() bool {
	u := e.opts.Usage
	if u == nil {
		return false
	}
	if _, ok := u.Resources[dataTransferAddress]; ok {
		return true
	}
	for a := range u.Resources {
		if strings.HasPrefix(a, "aws_data_transfer.") {
			return true
		}
	}
	return len(u.Types[dataTransferType]) > 0 || len(u.Types["aws_data_transfer"]) > 0
}

// unusedUsage warns about usage-file addresses that match no resource.
func (e *estimator) unusedUsage() {
	u := e.opts.Usage
	if u == nil {
		return
	}
	for _, a := range ir.SortedKeys(u.Resources) {
		if e.usedAddrs[a] || len(u.Resources[a]) == 0 {
			continue
		}
		loc := ir.Location{}
		for _, k := range ir.SortedKeys(u.Resources[a]) {
			if l := u.Resources[a][k].Loc; loc.Line == 0 || l.Line < loc.Line {
				loc = l
			}
		}
		e.warn(Warning{Address: a, Loc: loc, Message: "usage for a resource that is not in the stack"})
	}
}

func (e *estimator) warn(w Warning) { e.report.Warnings = append(e.report.Warnings, w) }

// allowance takes up to qty from the free-tier allowance service/item and
// returns what is left to pay, when FreeTier is on.
func (e *estimator) allowance(c *calc, service, item string, qty decimal.Decimal) (decimal.Decimal, string) {
	if !e.opts.FreeTier {
		return qty, ""
	}
	key := service + "/" + item
	left, seen := e.allowances[key]
	if !seen {
		a, ok := e.book.Allowance(service, item, e.region)
		if !ok {
			c.warnf("free tier allowance %s not in snapshot for %s; not applied", key, e.region)
			e.allowances[key] = decimal.Zero
			return qty, ""
		}
		left = a
	}
	take := decimal.Min(left, qty)
	e.allowances[key] = left.Sub(take)
	if take.IsZero() {
		return qty, ""
	}
	return qty.Sub(take), "free tier: " + take.String() + " not charged"
}
