package cost

// s3BucketPricer prices an S3 bucket in the Standard class: storage
// (tiered: first 50 TB, next 450 TB, over 500 TB), PUT/COPY/POST/LIST
// requests (tier 1) and GET requests (tier 2), all from usage.
var s3BucketPricer = pricer{
	Type:      "AWS::S3::Bucket",
	Terraform: []string{"aws_s3_bucket"},
	Usage: []usageKey{
		{Key: "storage_gb", Aliases: []string{"standard.storage_gb"}, Desc: "average Standard storage, GB"},
		{Key: "monthly_tier_1_requests", Aliases: []string{"standard.monthly_tier_1_requests"}, Desc: "PUT, COPY, POST and LIST requests a month"},
		{Key: "monthly_tier_2_requests", Aliases: []string{"standard.monthly_tier_2_requests"}, Desc: "GET and other requests a month"},
	},
	Price: func(c *calc) {
		c.tiered("Storage (Standard)", "s3", "standard_storage_gb_month", "GB-month", s3Tiers, c.usage("storage_gb"), true)
		c.fromUsage("PUT, COPY, POST, LIST requests", priceKey{"s3", "put_copy_post_list_per_1000", "standard"}, "1k requests", "monthly_tier_1_requests", thousand)
		c.fromUsage("GET and other requests", priceKey{"s3", "get_per_1000", "standard"}, "1k requests", "monthly_tier_2_requests", thousand)
	},
}

var s3Tiers = []tier{
	{Variant: "first-50TB", Label: "first 50 TB", Size: dec("51200")},
	{Variant: "next-450TB", Label: "next 450 TB", Size: dec("460800")},
	{Variant: "over-500TB", Label: "over 500 TB"},
}
