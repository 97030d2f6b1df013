package cost

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// calc is what a pricer works with: the resource, its graph, its usage,
// and helpers that add components with prices from the book.
type calc struct {
	e     *estimator
	g     *ir.Graph
	r     *ir.Resource
	addr  string
	pr    *pricer
	use   map[string]UsageValue
	comps []Component
	// free marks a resource that this configuration makes free (a
	// gateway VPC endpoint).
	free bool
}

func (c *calc) warnf(format string, args ...any) {
	c.e.warn(Warning{Address: c.addr, Message: fmt.Sprintf(format, args...), Loc: c.r.Loc})
}

// resolve follows a Ref to a parameter's default and AWS::Region to the
// estimate's region, so that templates with parameters can be priced.
func (c *calc) resolve(v ir.Value) ir.Value {
	if ref, ok := v.(ir.Ref); ok {
		if ref.Target == "AWS::Region" {
			return ir.String(c.e.region)
		}
		if p := c.g.Parameter(ref.Target); p != nil && p.Default != nil {
			return p.Default
		}
	}
	return v
}

func (c *calc) prop(path string) ir.Value { return c.propOf(c.r, path) }

func (c *calc) propOf(r *ir.Resource, path string) ir.Value {
	if r == nil || r.Properties == nil {
		return nil
	}
	return c.resolve(ir.Lookup(r.Properties, path))
}

func (c *calc) str(path string) string { return c.strOf(c.r, path) }

func (c *calc) strOf(r *ir.Resource, path string) string {
	s, _ := ir.AsString(c.propOf(r, path))
	return s
}

func (c *calc) num(path string) (decimal.Decimal, bool) { return c.numOf(c.r, path) }

func (c *calc) numOf(r *ir.Resource, path string) (decimal.Decimal, bool) {
	return decOf(c.propOf(r, path))
}

func (c *calc) boolean(path string, def bool) bool {
	b, ok := ir.AsBool(c.prop(path))
	if !ok {
		return def
	}
	return b
}

func (c *calc) list(path string) []ir.Value {
	l, _ := ir.AsList(c.prop(path))
	return l
}

// target returns the resource a Ref or GetAtt at path points to.
func (c *calc) target(r *ir.Resource, path string) *ir.Resource {
	if r == nil || r.Properties == nil {
		return nil
	}
	return targetOf(c.g, ir.Lookup(r.Properties, path))
}

func targetOf(g *ir.Graph, v ir.Value) *ir.Resource {
	switch x := v.(type) {
	case ir.Ref:
		return g.Resource(x.Target)
	case ir.GetAtt:
		return g.Resource(x.Target)
	case ir.Sub:
		if names := ir.SubNames(x.Format); len(names) == 1 {
			return g.Resource(strings.SplitN(names[0], ".", 2)[0])
		}
	}
	return nil
}

// decOf reads a literal number (or numeric string) exactly.
func decOf(v ir.Value) (decimal.Decimal, bool) {
	var s string
	switch x := v.(type) {
	case ir.Number:
		s = string(x)
	case ir.String:
		s = strings.TrimSpace(string(x))
	default:
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, false
	}
	return d, true
}

// usage returns the usage value of key: the usage file's, else the
// pricer's default; nil when neither says.
func (c *calc) usage(key string) *decimal.Decimal {
	if v, ok := c.use[key]; ok {
		d := v.Value
		return &d
	}
	if uk := c.pr.usageKey(key); uk != nil && uk.Default != "" {
		d := dec(uk.Default)
		return &d
	}
	return nil
}

// rate looks a price up in the book.
func (c *calc) rate(k priceKey) (Rate, bool) {
	return c.e.book.Lookup(k.Service, k.Item, k.Variant, c.e.region)
}

// add appends a component of qty (in the price's unit; nil when it
// depends on unknown usage). A price missing from the snapshot is not
// invented: the component is listed without it and a warning is given.
func (c *calc) add(name string, k priceKey, unit string, qty *decimal.Decimal, usageBased bool) *Component {
	cp := Component{Name: name, Unit: unit, Quantity: qty, UsageBased: usageBased, key: k, priceUnit: unit}
	if rt, ok := c.rate(k); ok {
		p := rt.USD
		cp.Price = &p
		if rt.Unit != "" {
			cp.priceUnit = rt.Unit
			cp.Unit = rt.Unit
		}
		if qty != nil {
			v := qty.Mul(p)
			cp.Cost = &v
		}
	} else {
		cp.Note = "price not in snapshot for " + c.e.region
		c.warnf("%s: price %s not in snapshot for %s", name, k, c.e.region)
	}
	if qty == nil && cp.Price != nil {
		cp.Note = "depends on usage"
	}
	c.comps = append(c.comps, cp)
	return &c.comps[len(c.comps)-1]
}

// fixed adds a component whose quantity comes from the template.
func (c *calc) fixed(name string, k priceKey, unit string, qty decimal.Decimal) *Component {
	return c.add(name, k, unit, &qty, false)
}

// hourly adds count units running all month (730 hours).
func (c *calc) hourly(name string, k priceKey, unit string, count decimal.Decimal) *Component {
	return c.fixed(name, k, unit, count.Mul(c.e.hours))
}

// scaled returns usage key scaled by per (for example 1/1,000,000 to price
// per million requests); nil when the usage is unknown.
func (c *calc) scaled(key string, per decimal.Decimal) *decimal.Decimal {
	u := c.usage(key)
	if u == nil {
		return nil
	}
	v := u.Div(per)
	return &v
}

// fromUsage adds a usage-based component priced per `per` units of key.
func (c *calc) fromUsage(name string, k priceKey, unit, key string, per decimal.Decimal) *Component {
	return c.add(name, k, unit, c.scaled(key, per), true)
}

// freeTier applies a free allowance to a usage-based component's quantity
// (in allowance units divided by per).
func (c *calc) freeTier(cp *Component, service, item string, per decimal.Decimal) {
	if cp.Quantity == nil || !c.e.opts.FreeTier {
		return
	}
	left, note := c.e.allowance(c, service, item, cp.Quantity.Mul(per))
	if note == "" {
		return
	}
	q := left.Div(per)
	cp.Quantity = &q
	if cp.Price != nil {
		v := q.Mul(*cp.Price)
		cp.Cost = &v
	}
	cp.Note = note
}

// tier is one band of a tiered price: Size units at Variant (zero Size
// means the rest).
type tier struct {
	Variant string
	Label   string
	Size    decimal.Decimal
}

// tiered splits qty across tiers; each tier used is a component. With qty
// unknown it adds one "depends on usage" component at the first tier.
func (c *calc) tiered(name, service, item, unit string, tiers []tier, qty *decimal.Decimal, usageBased bool) {
	if qty == nil {
		c.add(name, priceKey{service, item, tiers[0].Variant}, unit, nil, usageBased)
		return
	}
	// A refreshed catalog carries AWS's own tiers on the first tier's
	// price: they are authoritative and complete.
	if rt, ok := c.rate(priceKey{service, item, tiers[0].Variant}); ok && len(rt.Tiers) > 1 {
		c.publishedTiers(name, priceKey{service, item, tiers[0].Variant}, unit, rt, *qty, usageBased)
		return
	}
	left := *qty
	for i, t := range tiers {
		take := left
		if !t.Size.IsZero() && i < len(tiers)-1 && take.GreaterThan(t.Size) {
			take = t.Size
		}
		label := name
		if len(tiers) > 1 && (i > 0 || left.GreaterThan(take)) {
			label = name + " (" + t.Label + ")"
		}
		if i == 0 || take.IsPositive() {
			c.add(label, priceKey{service, item, t.Variant}, unit, &take, usageBased)
		}
		left = left.Sub(take)
		if !left.IsPositive() {
			return
		}
	}
}

// publishedTiers splits qty across the tiers of a price as AWS publishes
// them; each tier used is a component with that tier's price.
func (c *calc) publishedTiers(name string, k priceKey, unit string, rt Rate, qty decimal.Decimal, usageBased bool) {
	if rt.Unit != "" {
		unit = rt.Unit
	}
	left := qty
	for i, t := range rt.Tiers {
		take := left
		last := t.To.IsZero() || i == len(rt.Tiers)-1
		if !last {
			if size := t.To.Sub(t.From); take.GreaterThan(size) {
				take = size
			}
		}
		if i > 0 && !take.IsPositive() {
			return
		}
		label := name
		if i > 0 || left.GreaterThan(take) {
			to := "and over"
			if !last {
				to = "to " + t.To.String()
			}
			label = fmt.Sprintf("%s (%s %s %s)", name, t.From.String(), to, unit)
		}
		q, p := take, t.USD
		v := q.Mul(p)
		c.comps = append(c.comps, Component{Name: label, Unit: unit, Quantity: &q, Price: &p, Cost: &v, UsageBased: usageBased, key: k, priceUnit: unit})
		left = left.Sub(take)
		if !left.IsPositive() {
			return
		}
	}
}

// usageHours returns an hourly average usage key times the hours of a
// month; nil when unknown.
func (c *calc) usageHours(key string) *decimal.Decimal {
	u := c.usage(key)
	if u == nil {
		return nil
	}
	v := u.Mul(c.e.hours)
	return &v
}

// publicSubnets counts the subnets of a list (Refs to subnets of the
// graph) and says whether they are all public: a subnet that maps public
// IPs on launch, or whose route table sends traffic to an internet
// gateway. Subnets that are not in the graph count as public.
func (c *calc) publicSubnets(subnets []ir.Value) (int, bool) {
	all := true
	for _, s := range subnets {
		sub := targetOf(c.g, s)
		if sub == nil || sub.Type != "AWS::EC2::Subnet" {
			continue
		}
		if !c.subnetIsPublic(sub) {
			all = false
		}
	}
	return len(subnets), all
}

func (c *calc) subnetIsPublic(sub *ir.Resource) bool {
	if b, ok := ir.AsBool(c.propOf(sub, "MapPublicIpOnLaunch")); ok && b {
		return true
	}
	for _, a := range c.g.OfType("AWS::EC2::SubnetRouteTableAssociation") {
		if t := c.target(a, "SubnetId"); t != sub {
			continue
		}
		rt := c.target(a, "RouteTableId")
		for _, route := range c.g.OfType("AWS::EC2::Route") {
			if c.target(route, "RouteTableId") != rt || rt == nil {
				continue
			}
			if gw := c.target(route, "GatewayId"); gw != nil && gw.Type == "AWS::EC2::InternetGateway" {
				return true
			}
		}
	}
	return false
}
