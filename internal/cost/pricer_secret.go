package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// secretPricer prices a Secrets Manager secret: one secret-month, one more
// per replica region, and API calls from usage.
var secretPricer = pricer{
	Type:      "AWS::SecretsManager::Secret",
	Terraform: []string{"aws_secretsmanager_secret"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "API calls a month"},
	},
	Price: func(c *calc) {
		n := 1 + len(c.list("ReplicaRegions"))
		name := "Secret"
		if n > 1 {
			name = fmt.Sprintf("Secret (with %d replicas)", n-1)
		}
		c.fixed(name, priceKey{"secretsmanager", "secret_month", ""}, "secret-month", decimal.NewFromInt(int64(n)))
		c.fromUsage("API calls", priceKey{"secretsmanager", "api_calls_per_10000", ""}, "10k calls", "monthly_requests", tenK)
	},
}
