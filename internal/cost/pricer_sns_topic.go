package cost

// snsTopicPricer prices an SNS topic's publishes (standard topics; FIFO
// topic prices are not in the snapshot). Deliveries are not priced. With
// FreeTier the first 1M publishes a month come off.
var snsTopicPricer = pricer{
	Type:      "AWS::SNS::Topic",
	Terraform: []string{"aws_sns_topic"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "publishes a month"},
	},
	Price: func(c *calc) {
		variant := "standard"
		if c.boolean("FifoTopic", false) {
			variant = "fifo"
		}
		cp := c.fromUsage("Publishes ("+variant+")", priceKey{"sns", "publishes_per_million", variant}, "1M requests", "monthly_requests", million)
		c.freeTier(cp, "sns", "free_publishes", million)
	},
}
