package cost

import "github.com/shopspring/decimal"

// cloudFrontPricer prices a CloudFront distribution: data transfer out to
// viewers (tiered, first 10 TB, then next 40 TB) and HTTPS requests, per
// viewer region (North America and Europe are in the snapshot), from
// usage keyed like Infracost's. With FreeTier, the always-free 1 TB and
// 10M requests a month come off first.
var cloudFrontPricer = pricer{
	Type:      "AWS::CloudFront::Distribution",
	Terraform: []string{"aws_cloudfront_distribution"},
	Usage: []usageKey{
		{Key: "monthly_data_transfer_to_internet_gb.us", Desc: "GB to viewers in North America a month"},
		{Key: "monthly_data_transfer_to_internet_gb.europe", Desc: "GB to viewers in Europe a month"},
		{Key: "monthly_https_requests.us", Desc: "HTTPS requests from North America a month"},
		{Key: "monthly_https_requests.europe", Desc: "HTTPS requests from Europe a month"},
	},
	Price: func(c *calc) {
		for _, geo := range []struct{ key, variant, label string }{{"us", "north-america", "North America"}, {"europe", "europe", "Europe"}} {
			qty := c.usage("monthly_data_transfer_to_internet_gb." + geo.key)
			note := ""
			if qty != nil && c.e.opts.FreeTier {
				var left decimal.Decimal
				left, note = c.e.allowance(c, "cloudfront", "always_free_data_transfer_out", *qty)
				qty = &left
			}
			tiers := []tier{
				{Variant: geo.variant + ":first-10TB", Label: "first 10 TB", Size: dec("10240")},
				{Variant: geo.variant + ":next-40TB", Label: "next 40 TB"},
			}
			first := len(c.comps)
			c.tiered("Data transfer out ("+geo.label+")", "cloudfront", "data_transfer_out_gb", "GB", tiers, qty, true)
			if note != "" {
				c.comps[first].Note = note
			}
		}
		for _, geo := range []struct{ key, variant, label string }{{"us", "north-america", "North America"}, {"europe", "europe", "Europe"}} {
			cp := c.fromUsage("HTTPS requests ("+geo.label+")", priceKey{"cloudfront", "https_requests_per_10000", geo.variant}, "10k requests", "monthly_https_requests."+geo.key, tenK)
			c.freeTier(cp, "cloudfront", "always_free_requests", tenK)
		}
	},
}
