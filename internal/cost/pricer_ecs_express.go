package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// expressServicesPerALB is how many Express Mode services share one load
// balancer (the snapshot's ecs_express_mode note: "up to 25").
const expressServicesPerALB = 25

// ecsExpressPricer prices an ECS Express Mode service: its Fargate tasks
// (MinTaskCount unless usage says more), the Express Mode surcharge (none
// in the snapshot, listed so that the report shows it), and its share of
// the Application Load Balancer Express Mode creates (one per 25 services
// of the stack) with that load balancer's public IPv4 addresses, one per
// subnet when the subnets are public (two when no subnets are given:
// the default VPC's). Tasks are x86_64 (Express Mode takes no platform).
var ecsExpressPricer = pricer{
	Type: "AWS::ECS::ExpressGatewayService",
	Usage: []usageKey{
		{Key: "tasks", Desc: "average number of running tasks (default: ScalingTarget.MinTaskCount, else 1)"},
		{Key: "average_lcus", Desc: "average load balancer capacity units per hour, for the service's share of its ALB"},
		{Key: "cpu_utilization_percent", Desc: "observed average CPU use of a task, for rightsizing hints"},
		{Key: "memory_utilization_percent", Desc: "observed average memory use of a task, for rightsizing hints"},
	},
	Price: priceECSExpress,
}

func (c *calc) expressSize() (fargateTasks, bool) {
	t := fargateTasks{Variant: "linux-x86", StorageGiB: fargateIncludedStorageGiB, Tasks: decimal.NewFromInt(1)}
	cpu, ok1 := parseCPU(c.strOrNum(c.r, "Cpu"))
	mem, ok2 := parseMemory(c.strOrNum(c.r, "Memory"))
	t.CPUUnits, t.MemoryMiB = cpu, mem
	if n, ok := c.num("ScalingTarget.MinTaskCount"); ok {
		t.Tasks = n
	}
	if u := c.usage("tasks"); u != nil {
		t.Tasks, t.UsageBased = *u, true
	}
	return t, ok1 && ok2
}

func priceECSExpress(c *calc) {
	t, ok := c.expressSize()
	if ok {
		c.addFargate(t)
	} else {
		c.warnf("no literal Cpu and Memory; Fargate tasks cannot be priced")
	}
	c.fixed("Express Mode surcharge", priceKey{"ecs_express_mode", "surcharge", ""}, "per service", one)
	n := int64(len(c.g.OfType(c.r.Type)))
	albs := (n + expressServicesPerALB - 1) / expressServicesPerALB
	share := decimal.NewFromInt(albs).Div(decimal.NewFromInt(n))
	label := "Load balancer"
	if n > 1 {
		label = fmt.Sprintf("Load balancer (share of %d shared by %d services)", albs, n)
	}
	c.hourly(label, priceKey{"alb", "hour", ""}, "LB-hour", share)
	c.add("Load balancer capacity units", priceKey{"alb", "lcu_hour", ""}, "LCU-hour", c.usageHours("average_lcus"), true)
	n2, public := c.publicSubnets(c.list("NetworkConfiguration.Subnets"))
	if n2 == 0 {
		n2 = 2
	}
	if public {
		azs := decimal.NewFromInt(int64(n2))
		c.publicIPv4(fmt.Sprintf("Load balancer public IPv4 (%d AZs)", n2), azs.Mul(share))
	}
}
