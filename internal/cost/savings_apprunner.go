package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// appRunnerHint compares an App Runner service with the same size on ECS
// Express Mode (x86 Fargate tasks as many as the provisioned instances,
// an ALB of its own and two public IPv4 addresses). App Runner is closed to
// new customers since 2026-04-30.
var appRunnerHint = hint{ID: "apprunner-vs-express", Find: func(e *estimator) []Saving {
	var out []Saving
	for _, p := range e.priced {
		if p.r.Type != "AWS::AppRunner::Service" {
			continue
		}
		c := e.calcFor(p)
		vcpu, mem, n, ok := c.appRunnerSize()
		if !ok {
			continue
		}
		express, ok := c.fargateMonthly(fargateTasks{CPUUnits: vcpu.Mul(gib), MemoryMiB: mem.Mul(gib), Variant: "linux-x86", Tasks: n, StorageGiB: fargateIncludedStorageGiB})
		alb, ok2 := e.price(priceKey{"alb", "hour", ""})
		ip, ok3 := e.price(priceKey{"public_ipv4", "address_hour", ""})
		if !ok || !ok2 || !ok3 {
			continue
		}
		express = express.Add(alb.Add(ip.Mul(decimal.NewFromInt(2))).Mul(e.hours))
		res := e.resourceOf(p)
		out = append(out, Saving{
			Resource: res.Address, ActionType: ActionMigrate, Effort: EffortMedium, Monthly: res.Cost.Sub(express),
			Description: fmt.Sprintf("The same size on ECS Express Mode (%s vCPU, %s GB, %s tasks, its own ALB) costs %s a month.", vcpu, mem, n, money(express)),
		})
	}
	return out
}}
