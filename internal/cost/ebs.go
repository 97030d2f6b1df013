package cost

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"

	"github.com/shopspring/decimal"
)

// gp3 includes 3,000 IOPS and 125 MB/s.
var (
	gp3BaseIOPS       = decimal.NewFromInt(3000)
	gp3BaseThroughput = decimal.NewFromInt(125)
)

// addEBS adds the components of count volumes of size GB.
func (c *calc) addEBS(label, volType string, size, iops, throughput, count decimal.Decimal) {
	if volType == "" {
		volType = "gp2"
	}
	volType = strings.ToLower(volType)
	c.fixed(fmt.Sprintf("%sStorage (%s, %s GB)", label, volType, size), priceKey{"ebs", "storage_gb_month", volType}, "GB-month", size.Mul(count))
	switch volType {
	case "gp3":
		if iops.GreaterThan(gp3BaseIOPS) {
			c.fixed(label+"Provisioned IOPS above 3,000", priceKey{"ebs", "gp3_extra_iops_month", ""}, "IOPS-month", iops.Sub(gp3BaseIOPS).Mul(count))
		}
		if throughput.GreaterThan(gp3BaseThroughput) {
			c.fixed(label+"Throughput above 125 MB/s", priceKey{"ebs", "gp3_extra_throughput_month", ""}, "MBps-month", throughput.Sub(gp3BaseThroughput).Mul(count))
		}
	case "io1", "io2":
		if iops.IsPositive() {
			c.fixed(label+"Provisioned IOPS", priceKey{"ebs", "iops_month", volType}, "IOPS-month", iops.Mul(count))
		}
	}
}

// addBlockDevices prices the EBS volumes of the BlockDeviceMappings at
// path of r (EC2 instances, launch templates, launch configurations) for
// count instances. Mappings without a VolumeSize (the image's root volume)
// cannot be priced and are skipped with a warning.
func (c *calc) addBlockDevices(r *ir.Resource, path string, count decimal.Decimal) {
	maps, _ := ir.AsList(c.propOf(r, path))
	for _, m := range maps {
		ebs := ir.Lookup(m, "Ebs")
		if ebs == nil {
			continue
		}
		dev, _ := ir.AsString(ir.Lookup(m, "DeviceName"))
		size, ok := decOf(c.resolve(ir.Lookup(ebs, "VolumeSize")))
		if !ok {
			c.warnf("block device %s has no VolumeSize; its volume is not priced", dev)
			continue
		}
		vt, _ := ir.AsString(c.resolve(ir.Lookup(ebs, "VolumeType")))
		iops, _ := decOf(c.resolve(ir.Lookup(ebs, "Iops")))
		tp, _ := decOf(c.resolve(ir.Lookup(ebs, "Throughput")))
		c.addEBS(dev+" ", vt, size, iops, tp, count)
	}
}
