package cost

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// ecsServicePricer prices an ECS service on Fargate: its running tasks'
// vCPU and memory (x86 or ARM from the task definition's RuntimePlatform),
// ephemeral storage above the included 20 GB, and a public IPv4 address
// per task when AssignPublicIp is ENABLED. Services on EC2 capacity cost
// nothing themselves (their instances are priced).
var ecsServicePricer = pricer{
	Type:      "AWS::ECS::Service",
	Terraform: []string{"aws_ecs_service"},
	Usage: []usageKey{
		{Key: "tasks", Desc: "average number of running tasks (default: DesiredCount, else 1)"},
		{Key: "cpu_utilization_percent", Desc: "observed average CPU use of a task, for rightsizing hints"},
		{Key: "memory_utilization_percent", Desc: "observed average memory use of a task, for rightsizing hints"},
	},
	Price: priceECSService,
}

func priceECSService(c *calc) {
	td := c.target(c.r, "TaskDefinition")
	if !c.onFargate(td) {
		return
	}
	if td == nil || td.Type != "AWS::ECS::TaskDefinition" {
		c.warnf("task definition is not in the stack; Fargate tasks cannot be priced")
		return
	}
	t, ok := c.taskSize(td)
	if !ok {
		return
	}
	t.Tasks = decimal.NewFromInt(1)
	if d, ok := c.num("DesiredCount"); ok {
		t.Tasks = d
	}
	if u := c.usage("tasks"); u != nil {
		t.Tasks, t.UsageBased = *u, true
	}
	if strings.HasSuffix(c.capacityProvider(), "FARGATE_SPOT") {
		t.Variant += "-spot"
	}
	c.addFargate(t)
	if strings.EqualFold(c.str("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"), "ENABLED") {
		c.publicIPv4("Public IPv4 (one per task)", t.Tasks)
	}
}

// onFargate reports whether the service runs on Fargate: launch type
// FARGATE, a FARGATE capacity provider, or, with neither, a task
// definition that requires FARGATE.
func (c *calc) onFargate(td *ir.Resource) bool {
	switch lt := c.str("LaunchType"); lt {
	case "FARGATE":
		return true
	case "":
	default:
		return false
	}
	if strings.HasPrefix(c.capacityProvider(), "FARGATE") {
		return true
	}
	if c.list("CapacityProviderStrategy") != nil {
		return false
	}
	if td == nil {
		return false
	}
	reqs, _ := ir.AsList(c.propOf(td, "RequiresCompatibilities"))
	for _, v := range reqs {
		if s, _ := ir.AsString(v); s == "FARGATE" {
			return true
		}
	}
	return false
}

// capacityProvider returns the first capacity provider of the strategy
// with the largest weight.
func (c *calc) capacityProvider() string {
	best, bestW := "", -1
	for _, v := range c.list("CapacityProviderStrategy") {
		p, _ := ir.AsString(c.resolve(ir.Lookup(v, "CapacityProvider")))
		w, ok := ir.AsInt(ir.Lookup(v, "Weight"))
		if !ok {
			w = 0
		}
		if w > bestW {
			best, bestW = p, w
		}
	}
	return best
}

// taskSize reads a task definition's Fargate size and architecture.
func (c *calc) taskSize(td *ir.Resource) (fargateTasks, bool) {
	t := fargateTasks{Variant: "linux-x86", StorageGiB: fargateIncludedStorageGiB}
	cpu, ok1 := parseCPU(c.strOrNum(td, "Cpu"))
	mem, ok2 := parseMemory(c.strOrNum(td, "Memory"))
	if !ok1 || !ok2 {
		c.warnf("task definition %s has no literal Cpu and Memory; Fargate tasks cannot be priced", td.ID)
		return t, false
	}
	t.CPUUnits, t.MemoryMiB = cpu, mem
	if strings.EqualFold(c.strOf(td, "RuntimePlatform.CpuArchitecture"), "ARM64") {
		t.Variant = "linux-arm"
	}
	if os := c.strOf(td, "RuntimePlatform.OperatingSystemFamily"); strings.HasPrefix(os, "WINDOWS") {
		t.Variant = "windows-x86"
	}
	if s, ok := c.numOf(td, "EphemeralStorage.SizeInGiB"); ok {
		t.StorageGiB = s
	}
	return t, true
}

// strOrNum reads a literal string or number as text.
func (c *calc) strOrNum(r *ir.Resource, path string) string {
	switch v := c.propOf(r, path).(type) {
	case ir.String:
		return string(v)
	case ir.Number:
		return string(v)
	}
	return ""
}
