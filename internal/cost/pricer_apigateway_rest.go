package cost

// apiGatewayRestPricer prices a REST API's requests, tiered: first 333M,
// next 667M, next 19B, over 20B a month (only the first tier is in the
// snapshot). Caches are not priced.
var apiGatewayRestPricer = pricer{
	Type:      "AWS::ApiGateway::RestApi",
	Terraform: []string{"aws_api_gateway_rest_api"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "requests a month"},
	},
	Price: func(c *calc) {
		c.tiered("Requests (REST API)", "apigateway", "rest_api_per_million", "1M requests", []tier{
			{Variant: "first-333M", Label: "first 333M", Size: dec("333")},
			{Variant: "next-667M", Label: "next 667M", Size: dec("667")},
			{Variant: "next-19B", Label: "next 19B", Size: dec("19000")},
			{Variant: "over-20B", Label: "over 20B"},
		}, c.scaled("monthly_requests", million), true)
	},
}
