package cost

// route53ZonePricer prices a hosted zone: the first 25 zones of the
// priced stacks at the first-25 price, the rest at the over-25 price
// (not in the snapshot).
var route53ZonePricer = pricer{
	Type:      "AWS::Route53::HostedZone",
	Terraform: []string{"aws_route53_zone"},
	Price: func(c *calc) {
		n := 0
		for _, g := range c.e.graphs {
			for _, r := range g.Resources {
				if r == c.r {
					break
				}
				if r.Type == c.r.Type {
					n++
				}
			}
			if g == c.g {
				break
			}
		}
		variant := "first-25"
		if n >= 25 {
			variant = "over-25"
		}
		c.fixed("Hosted zone", priceKey{"route53", "hosted_zone_month", variant}, "zone-month", one)
	},
}
