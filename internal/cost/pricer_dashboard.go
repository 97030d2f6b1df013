package cost

// dashboardPricer prices a CloudWatch dashboard per month.
var dashboardPricer = pricer{
	Type:      "AWS::CloudWatch::Dashboard",
	Terraform: []string{"aws_cloudwatch_dashboard"},
	Price: func(c *calc) {
		c.fixed("Dashboard", priceKey{"cloudwatch", "dashboard_month", ""}, "dashboard-month", one)
	},
}
