package cost

// natGatewayPricer prices a NAT gateway: its hours and the GB it processes
// (usage monthly_data_processed_gb). Its Elastic IP is priced on the
// AWS::EC2::EIP resource.
var natGatewayPricer = pricer{
	Type:      "AWS::EC2::NatGateway",
	Terraform: []string{"aws_nat_gateway"},
	Usage: []usageKey{
		{Key: "monthly_data_processed_gb", Desc: "GB processed a month"},
	},
	Price: func(c *calc) {
		c.hourly("NAT gateway", priceKey{"nat_gateway", "hour", ""}, "gateway-hour", one)
		c.fromUsage("Data processed", priceKey{"nat_gateway", "gb_processed", ""}, "GB", "monthly_data_processed_gb", one)
	},
}
