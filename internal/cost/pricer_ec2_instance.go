package cost

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// ec2InstancePricer prices an EC2 instance as Linux on demand (the image's
// OS is not known from the template): instance-hours of its type, its
// block device mappings with a VolumeSize, and a public IPv4 address when
// a network interface asks for one.
var ec2InstancePricer = pricer{
	Type:      "AWS::EC2::Instance",
	Terraform: []string{"aws_instance"},
	Price: func(c *calc) {
		typ := c.str("InstanceType")
		if typ == "" {
			typ = "m1.small" // CloudFormation's default
		}
		one := decimal.NewFromInt(1)
		c.hourly("Instance ("+typ+", Linux)", priceKey{"ec2", "instance_hour", "linux:" + typ}, "instance-hour", one)
		c.addBlockDevices(c.r, "BlockDeviceMappings", one)
		if c.wantsPublicIP(c.r, "NetworkInterfaces") {
			c.publicIPv4("Public IPv4", one)
		}
	},
}

// wantsPublicIP reports whether a network interface list asks for a
// public IPv4 address.
func (c *calc) wantsPublicIP(r *ir.Resource, path string) bool {
	nis, _ := ir.AsList(c.propOf(r, path))
	for _, ni := range nis {
		if b, ok := ir.AsBool(c.resolve(ir.Lookup(ni, "AssociatePublicIpAddress"))); ok && b {
			return true
		}
	}
	return false
}
