package cost

import "strings"

// logGroupPricer prices a CloudWatch Logs log group: GB ingested and GB
// stored, from usage. The Infrequent Access class is not in the snapshot.
var logGroupPricer = pricer{
	Type:      "AWS::Logs::LogGroup",
	Terraform: []string{"aws_cloudwatch_log_group"},
	Usage: []usageKey{
		{Key: "monthly_data_ingested_gb", Desc: "GB ingested a month"},
		{Key: "storage_gb", Desc: "GB stored (archived)"},
	},
	Price: func(c *calc) {
		variant := "standard"
		if strings.EqualFold(c.str("LogGroupClass"), "INFREQUENT_ACCESS") {
			variant = "infrequent-access"
		}
		c.fromUsage("Data ingested", priceKey{"cloudwatch", "logs_ingestion_gb", variant}, "GB", "monthly_data_ingested_gb", one)
		c.fromUsage("Storage", priceKey{"cloudwatch", "logs_storage_gb_month", ""}, "GB-month", "storage_gb", one)
	},
}
