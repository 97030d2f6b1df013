package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// wafWebACLPricer prices a WAFv2 web ACL: the ACL, one rule-month per rule
// (a rule group reference counts as one rule), and requests from usage.
var wafWebACLPricer = pricer{
	Type:      "AWS::WAFv2::WebACL",
	Terraform: []string{"aws_wafv2_web_acl"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "web requests a month"},
	},
	Price: func(c *calc) {
		c.fixed("Web ACL", priceKey{"waf", "web_acl_month", "wafv2"}, "ACL-month", one)
		rules := len(c.list("Rules"))
		if rules > 0 {
			c.fixed(fmt.Sprintf("Rules (%d)", rules), priceKey{"waf", "rule_month", "wafv2"}, "rule-month", decimal.NewFromInt(int64(rules)))
		}
		c.fromUsage("Requests", priceKey{"waf", "requests_per_million", "wafv2"}, "1M requests", "monthly_requests", million)
	},
}
