package cost

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// alarmPricer prices a CloudWatch metric alarm per metric it reads (one,
// or each MetricStat of Metrics); a Period under 60 seconds makes it a
// high-resolution alarm, whose price is not in the snapshot.
var alarmPricer = pricer{
	Type:      "AWS::CloudWatch::Alarm",
	Terraform: []string{"aws_cloudwatch_metric_alarm"},
	Price: func(c *calc) {
		metrics := 0
		for _, m := range c.list("Metrics") {
			if ir.Lookup(m, "MetricStat") != nil {
				metrics++
			}
		}
		if metrics == 0 {
			metrics = 1
		}
		item := "standard_alarm_month"
		if p, ok := c.num("Period"); ok && p.LessThan(decimal.NewFromInt(60)) {
			item = "high_resolution_alarm_month"
		}
		c.fixed(fmt.Sprintf("Alarm metrics (%d)", metrics), priceKey{"cloudwatch", item, ""}, "alarm-metric-month", decimal.NewFromInt(int64(metrics)))
	},
}
