package cost

// sqsQueuePricer prices an SQS queue's requests (each 64 KB of a request
// counts as one, request_size_kb), standard or FIFO. With FreeTier the
// first 1M requests a month come off.
var sqsQueuePricer = pricer{
	Type:      "AWS::SQS::Queue",
	Terraform: []string{"aws_sqs_queue"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "requests a month"},
		{Key: "request_size_kb", Desc: "average request size, KB (each 64 KB is billed as a request)"},
	},
	Price: func(c *calc) {
		variant := "standard"
		if c.boolean("FifoQueue", false) {
			variant = "fifo"
		}
		req := c.scaled("monthly_requests", million)
		if req != nil {
			if size := c.usage("request_size_kb"); size != nil && size.GreaterThan(dec("64")) {
				v := req.Mul(size.Div(dec("64")).Ceil())
				req = &v
			}
		}
		cp := c.add("Requests ("+variant+")", priceKey{"sqs", "requests_per_million", variant}, "1M requests", req, true)
		c.freeTier(cp, "sqs", "free_requests", million)
	},
}
