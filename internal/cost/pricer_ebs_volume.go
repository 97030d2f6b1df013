package cost

import "github.com/shopspring/decimal"

// ebsVolumePricer prices an EBS volume: GB-months of its type (gp2 when
// not set), and for gp3 the IOPS above 3,000 and throughput above 125
// MB/s. io1/io2 prices are not in the snapshot.
var ebsVolumePricer = pricer{
	Type:      "AWS::EC2::Volume",
	Terraform: []string{"aws_ebs_volume"},
	Price: func(c *calc) {
		size, ok := c.num("Size")
		if !ok {
			c.warnf("no literal Size; the volume cannot be priced")
			return
		}
		iops, _ := c.num("Iops")
		tp, _ := c.num("Throughput")
		c.addEBS("", c.str("VolumeType"), size, iops, tp, decimal.NewFromInt(1))
	},
}
