package cost

// eipPricer prices an Elastic IP: a public IPv4 address, charged every hour
// whether attached or idle (since 2024-02).
var eipPricer = pricer{
	Type:      "AWS::EC2::EIP",
	Terraform: []string{"aws_eip"},
	Price: func(c *calc) {
		c.publicIPv4("Public IPv4", one)
	},
}
