package cost

// ecrRepositoryPricer prices a private ECR repository's storage.
var ecrRepositoryPricer = pricer{
	Type:      "AWS::ECR::Repository",
	Terraform: []string{"aws_ecr_repository"},
	Usage: []usageKey{
		{Key: "storage_gb", Desc: "image storage, GB"},
	},
	Price: func(c *calc) {
		c.fromUsage("Storage", priceKey{"ecr", "storage_gb_month", "private"}, "GB-month", "storage_gb", one)
	},
}
