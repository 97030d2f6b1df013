package cost

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// loadBalancerPricer prices an Application or Network Load Balancer: its
// hours, its capacity units (LCU for ALB, NLCU for NLB) from usage, and one
// public IPv4 address per availability zone when internet-facing (the
// default scheme). Capacity units come from average_lcus, or from
// Infracost's keys: the largest of new_connections/s, active_connections/min,
// processed_bytes_gb/h and rule_evaluations/s over each unit's allowance.
var loadBalancerPricer = pricer{
	Type:      "AWS::ElasticLoadBalancingV2::LoadBalancer",
	Terraform: []string{"aws_lb", "aws_alb"},
	Usage: []usageKey{
		{Key: "average_lcus", Aliases: []string{"average_nlcus"}, Desc: "average capacity units (LCU or NLCU) per hour"},
		{Key: "new_connections", Desc: "new connections per second (Infracost)"},
		{Key: "active_connections", Desc: "active connections per minute (Infracost)"},
		{Key: "processed_bytes_gb", Desc: "GB processed per hour (Infracost)"},
		{Key: "rule_evaluations", Desc: "rule evaluations per second, ALB only (Infracost)"},
	},
	Price: priceLoadBalancer,
}

// Per-unit allowances of one LCU (ALB) and one NLCU (NLB, TCP).
var (
	albLCU = map[string]decimal.Decimal{"new_connections": dec("25"), "active_connections": dec("3000"), "processed_bytes_gb": dec("1"), "rule_evaluations": dec("1000")}
	nlbLCU = map[string]decimal.Decimal{"new_connections": dec("800"), "active_connections": dec("100000"), "processed_bytes_gb": dec("1")}
)

func priceLoadBalancer(c *calc) {
	typ := strings.ToLower(c.str("Type"))
	if typ == "" {
		typ = "application"
	}
	service, unit, lcuItem, lcuUnit, per := "alb", "LB-hour", "lcu_hour", "LCU-hour", albLCU
	switch typ {
	case "network":
		service, lcuItem, lcuUnit, per = "nlb", "nlcu_hour", "NLCU-hour", nlbLCU
	case "gateway":
		service, lcuItem, lcuUnit, per = "gwlb", "gwlcu_hour", "GLCU-hour", nil
	}
	c.hourly("Load balancer ("+typ+")", priceKey{service, "hour", ""}, unit, one)
	c.add("Capacity units", priceKey{service, lcuItem, ""}, lcuUnit, c.capacityUnits(per), true)
	if typ == "gateway" || strings.EqualFold(c.str("Scheme"), "internal") {
		return
	}
	azs := len(c.list("Subnets"))
	if n := len(c.list("SubnetMappings")); n > azs {
		azs = n
	}
	if azs == 0 {
		c.warnf("no literal Subnets or SubnetMappings; public IPv4 addresses are not priced")
		return
	}
	c.publicIPv4(fmt.Sprintf("Public IPv4 (%d AZs)", azs), decimal.NewFromInt(int64(azs)))
}

// capacityUnits returns LCU-hours a month from usage; nil when unknown.
func (c *calc) capacityUnits(per map[string]decimal.Decimal) *decimal.Decimal {
	if v := c.usageHours("average_lcus"); v != nil {
		return v
	}
	var best *decimal.Decimal
	for _, k := range []string{"new_connections", "active_connections", "processed_bytes_gb", "rule_evaluations"} {
		u, size := c.usage(k), per[k]
		if u == nil || size.IsZero() {
			continue
		}
		v := u.Div(size)
		if best == nil || v.GreaterThan(*best) {
			best = &v
		}
	}
	if best == nil {
		return nil
	}
	v := best.Mul(c.e.hours)
	return &v
}
