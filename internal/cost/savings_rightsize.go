package cost

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// rightsizeHint halves a Fargate task's CPU or memory when its observed
// average use is under 40%, keeping a valid Fargate size. Use comes from
// the usage keys cpu_utilization_percent and memory_utilization_percent,
// or from the resource's Metadata (hoist: {utilization: {cpu_percent,
// memory_percent}}); without either there is no hint.
var rightsizeHint = hint{ID: "rightsize", Find: func(e *estimator) []Saving {
	var out []Saving
	for _, p := range e.priced {
		c := e.calcFor(p)
		var t fargateTasks
		var ok bool
		switch p.r.Type {
		case "AWS::ECS::Service":
			td := c.target(p.r, "TaskDefinition")
			if td == nil || !c.onFargate(td) {
				continue
			}
			if t, ok = c.taskSize(td); !ok {
				continue
			}
			t.Tasks = one
		case "AWS::ECS::ExpressGatewayService":
			if t, ok = c.expressSize(); !ok {
				continue
			}
			t.Tasks = one
		default:
			continue
		}
		cpuUse, memUse := c.utilization("cpu"), c.utilization("memory")
		if cpuUse == nil && memUse == nil {
			continue
		}
		smaller := t
		limit := decimal.NewFromInt(40)
		if cpuUse != nil && cpuUse.LessThan(limit) && t.CPUUnits.GreaterThan(decimal.NewFromInt(256)) {
			smaller.CPUUnits = t.CPUUnits.Div(decimal.NewFromInt(2))
		}
		if memUse != nil && memUse.LessThan(limit) {
			smaller.MemoryMiB = t.MemoryMiB.Div(decimal.NewFromInt(2))
		}
		smaller.MemoryMiB = fargateMemoryFor(smaller.CPUUnits, smaller.MemoryMiB)
		if smaller.CPUUnits.Equal(t.CPUUnits) && smaller.MemoryMiB.Equal(t.MemoryMiB) {
			continue
		}
		before, ok1 := c.fargateMonthly(t)
		after, ok2 := c.fargateMonthly(smaller)
		if !ok1 || !ok2 {
			continue
		}
		tasks := e.resourceTasks(e.resourceOf(p))
		out = append(out, Saving{
			Resource: p.addr, ActionType: ActionRightsize, Effort: EffortLow, Monthly: before.Sub(after).Mul(tasks),
			Description: fmt.Sprintf("Tasks use little of their size: %s CPU units / %s MiB -> %s / %s MiB.", t.CPUUnits, t.MemoryMiB, smaller.CPUUnits, smaller.MemoryMiB),
		})
	}
	return out
}}

// utilization reads <what>_utilization_percent from usage, else
// Metadata hoist.utilization.<what>_percent.
func (c *calc) utilization(what string) *decimal.Decimal {
	if u := c.usage(what + "_utilization_percent"); u != nil {
		return u
	}
	if c.r.Metadata == nil {
		return nil
	}
	if d, ok := decOf(ir.Lookup(c.r.Metadata, "hoist.utilization."+what+"_percent")); ok {
		return &d
	}
	return nil
}

// resourceTasks is the task count a priced Fargate resource's CPU line
// was computed for: its vCPU-hours over a month of one task's vCPU.
func (e *estimator) resourceTasks(res *Resource) decimal.Decimal {
	for _, cp := range res.Components {
		if cp.key.Service == "fargate" && cp.key.Item == "vcpu_hour" && cp.Quantity != nil {
			return cp.taskCount
		}
	}
	return one
}

// fargateMemoryFor clamps memory (MiB) into the range Fargate allows for
// a CPU size.
func fargateMemoryFor(cpu, mem decimal.Decimal) decimal.Decimal {
	ranges := map[int64][2]int64{256: {512, 2048}, 512: {1024, 4096}, 1024: {2048, 8192}, 2048: {4096, 16384}, 4096: {8192, 30720}, 8192: {16384, 61440}, 16384: {32768, 122880}}
	r, ok := ranges[cpu.IntPart()]
	if !ok {
		return mem
	}
	lo, hi := decimal.NewFromInt(r[0]), decimal.NewFromInt(r[1])
	return decimal.Min(decimal.Max(mem, lo), hi)
}
