package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// appRunnerPricer prices an App Runner service: the memory of its
// provisioned instances all month (MinSize of its auto scaling
// configuration, else 1) and the vCPU of active instances for the hours
// given in usage (active_instance_hours). Memory of active instances is
// billed at the same rate as provisioned memory, so it is not counted
// twice. The automatic deployment and build fees are not in the snapshot.
var appRunnerPricer = pricer{
	Type:      "AWS::AppRunner::Service",
	Terraform: []string{"aws_apprunner_service"},
	Usage: []usageKey{
		{Key: "active_instance_hours", Desc: "instance-hours a month during which instances serve requests"},
	},
	Price: priceAppRunner,
}

// appRunnerSize reads an App Runner service's size and provisioned count.
func (c *calc) appRunnerSize() (vcpu, memGB, instances decimal.Decimal, ok bool) {
	cpu, ok1 := parseCPU(c.strOrNum(c.r, "InstanceConfiguration.Cpu"))
	mem, ok2 := parseMemory(c.strOrNum(c.r, "InstanceConfiguration.Memory"))
	if !c.has("InstanceConfiguration.Cpu") {
		cpu, ok1 = decimal.NewFromInt(1024), true // App Runner's default: 1 vCPU
	}
	if !c.has("InstanceConfiguration.Memory") {
		mem, ok2 = decimal.NewFromInt(2048), true // and 2 GB
	}
	instances = decimal.NewFromInt(1)
	if asc := c.target(c.r, "AutoScalingConfigurationArn"); asc != nil {
		if n, ok := c.numOf(asc, "MinSize"); ok {
			instances = n
		}
	}
	return cpu.Div(gib), mem.Div(gib), instances, ok1 && ok2
}

func (c *calc) has(path string) bool { return c.prop(path) != nil }

func priceAppRunner(c *calc) {
	vcpu, mem, n, ok := c.appRunnerSize()
	if !ok {
		c.warnf("InstanceConfiguration Cpu and Memory are not literal; the service cannot be priced")
		return
	}
	c.hourly(fmt.Sprintf("Provisioned memory (%s GB, %s instances)", mem, n), priceKey{"apprunner", "provisioned_gb_hour", ""}, "GB-hour", mem.Mul(n))
	var active *decimal.Decimal
	if u := c.usage("active_instance_hours"); u != nil {
		v := u.Mul(vcpu)
		active = &v
	}
	c.add(fmt.Sprintf("Active vCPU (%s vCPU)", vcpu), priceKey{"apprunner", "active_vcpu_hour", ""}, "vCPU-hour", active, true)
}
