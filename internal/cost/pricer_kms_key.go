package cost

// kmsKeyPricer prices a customer-managed KMS key: one key-month and
// requests from usage (symmetric; asymmetric request prices are not in the
// snapshot).
var kmsKeyPricer = pricer{
	Type:      "AWS::KMS::Key",
	Terraform: []string{"aws_kms_key"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "API requests a month"},
	},
	Price: func(c *calc) {
		c.fixed("Customer-managed key", priceKey{"kms", "key_month", "customer-managed"}, "key-month", one)
		variant := "symmetric"
		if spec := c.str("KeySpec"); spec != "" && spec != "SYMMETRIC_DEFAULT" {
			variant = "asymmetric"
		}
		c.fromUsage("Requests ("+variant+")", priceKey{"kms", "requests_per_10000", variant}, "10k requests", "monthly_requests", tenK)
	},
}
