package cost

// route53RecordPricer prices a record's DNS queries from usage (standard
// queries, tiered: first 1B, over 1B a month). Alias records to AWS
// resources are queried for free. Latency and geo queries are not in the
// snapshot.
var route53RecordPricer = pricer{
	Type:      "AWS::Route53::RecordSet",
	Terraform: []string{"aws_route53_record"},
	Usage: []usageKey{
		{Key: "monthly_standard_queries", Desc: "standard queries a month"},
		{Key: "monthly_latency_based_queries", Desc: "latency-based queries a month"},
		{Key: "monthly_geo_queries", Desc: "geo DNS queries a month"},
	},
	Price: func(c *calc) {
		if c.has("AliasTarget") {
			c.free = true
			return
		}
		switch {
		case c.has("Region"):
			c.fromUsage("Latency-based queries", priceKey{"route53", "latency_queries_per_million", "first-1B"}, "1M queries", "monthly_latency_based_queries", million)
		case c.has("GeoLocation"):
			c.fromUsage("Geo DNS queries", priceKey{"route53", "geo_queries_per_million", "first-1B"}, "1M queries", "monthly_geo_queries", million)
		default:
			c.tiered("Standard queries", "route53", "standard_queries_per_million", "1M queries", []tier{
				{Variant: "first-1B", Label: "first 1B", Size: dec("1000")},
				{Variant: "over-1B", Label: "over 1B"},
			}, c.scaled("monthly_standard_queries", million), true)
		}
	},
}
