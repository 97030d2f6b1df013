package cost

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// autoScalingGroupPricer prices an Auto Scaling group as its instances:
// DesiredCapacity (else MinSize; usage "instances" overrides) times the
// instance type of its launch template (LaunchTemplate or
// MixedInstancesPolicy's) or launch configuration, with their volumes and
// public IPv4 addresses. Instances are Linux on demand.
var autoScalingGroupPricer = pricer{
	Type:      "AWS::AutoScaling::AutoScalingGroup",
	Terraform: []string{"aws_autoscaling_group"},
	Usage: []usageKey{
		{Key: "instances", Desc: "average number of running instances (default: DesiredCapacity, else MinSize)"},
	},
	Price: priceAutoScalingGroup,
}

func priceAutoScalingGroup(c *calc) {
	count, ok := c.num("DesiredCapacity")
	if !ok {
		count, ok = c.num("MinSize")
	}
	usageBased := false
	if u := c.usage("instances"); u != nil {
		count, ok, usageBased = *u, true, true
	}
	if !ok {
		c.warnf("no literal DesiredCapacity or MinSize; the group cannot be priced")
		return
	}
	var typ, devPath, niPath string
	var src *ir.Resource
	if lt := c.launchTemplate(); lt != nil {
		src, typ, devPath, niPath = lt, c.strOf(lt, "LaunchTemplateData.InstanceType"), "LaunchTemplateData.BlockDeviceMappings", "LaunchTemplateData.NetworkInterfaces"
	} else if lc := c.target(c.r, "LaunchConfigurationName"); lc != nil {
		src, typ, devPath = lc, c.strOf(lc, "InstanceType"), "BlockDeviceMappings"
	}
	if over := c.str("MixedInstancesPolicy.LaunchTemplate.Overrides.0.InstanceType"); over != "" {
		typ = over
	}
	if typ == "" {
		c.warnf("instance type not found in a launch template or configuration of the stack; the group cannot be priced")
		return
	}
	hours := count.Mul(c.e.hours)
	c.add(fmt.Sprintf("Instances (%s %s, Linux)", count, typ), priceKey{"ec2", "instance_hour", "linux:" + typ}, "instance-hour", &hours, usageBased)
	c.addBlockDevices(src, devPath, count)
	public := false
	if niPath != "" {
		public = c.wantsPublicIP(src, niPath)
	} else if b, ok := ir.AsBool(c.propOf(src, "AssociatePublicIpAddress")); ok && b {
		public = true
	}
	if public {
		c.publicIPv4("Public IPv4 (one per instance)", count)
	}
}

func (c *calc) launchTemplate() *ir.Resource {
	for _, p := range []string{"LaunchTemplate", "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification"} {
		for _, f := range []string{"LaunchTemplateId", "LaunchTemplateName"} {
			if lt := c.target(c.r, p+"."+f); lt != nil && lt.Type == "AWS::EC2::LaunchTemplate" {
				return lt
			}
		}
	}
	return nil
}
