package cost

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// dynamoDBTablePricer prices a DynamoDB table. On demand
// (PAY_PER_REQUEST): write and read request units from usage. Provisioned
// (the default): WCU- and RCU-hours of the table and its global secondary
// indexes. Both: storage from usage. Standard-IA tables are not in the
// snapshot.
var dynamoDBTablePricer = pricer{
	Type:      "AWS::DynamoDB::Table",
	Terraform: []string{"aws_dynamodb_table"},
	Usage: []usageKey{
		{Key: "monthly_write_request_units", Desc: "on-demand write request units a month"},
		{Key: "monthly_read_request_units", Desc: "on-demand read request units a month"},
		{Key: "storage_gb", Desc: "stored data, GB"},
	},
	Price: func(c *calc) {
		class := "standard-table"
		if strings.EqualFold(c.str("TableClass"), "STANDARD_INFREQUENT_ACCESS") {
			class = "standard-ia-table"
		}
		if c.str("BillingMode") == "PAY_PER_REQUEST" {
			c.fromUsage("Write request units", priceKey{"dynamodb", "on_demand_write_per_million", class}, "1M WRU", "monthly_write_request_units", million)
			c.fromUsage("Read request units", priceKey{"dynamodb", "on_demand_read_per_million", class}, "1M RRU", "monthly_read_request_units", million)
		} else {
			wcu, _ := c.num("ProvisionedThroughput.WriteCapacityUnits")
			rcu, _ := c.num("ProvisionedThroughput.ReadCapacityUnits")
			for _, gsi := range c.list("GlobalSecondaryIndexes") {
				w, _ := decOf(c.resolve(ir.Lookup(gsi, "ProvisionedThroughput.WriteCapacityUnits")))
				r, _ := decOf(c.resolve(ir.Lookup(gsi, "ProvisionedThroughput.ReadCapacityUnits")))
				wcu, rcu = wcu.Add(w), rcu.Add(r)
			}
			c.hourly(fmt.Sprintf("Write capacity (%s WCU)", wcu), priceKey{"dynamodb", "provisioned_wcu_hour", class}, "WCU-hour", wcu)
			c.hourly(fmt.Sprintf("Read capacity (%s RCU)", rcu), priceKey{"dynamodb", "provisioned_rcu_hour", class}, "RCU-hour", rcu)
		}
		c.fromUsage("Storage", priceKey{"dynamodb", "storage_gb_month", class}, "GB-month", "storage_gb", one)
	},
}
