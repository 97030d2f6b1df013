package cost

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// vpcEndpointPricer prices an interface VPC endpoint: hours in each of its
// subnets' AZs and the GB it processes (tiered: first 1 PB, next 4 PB, over
// 5 PB). Gateway endpoints (S3, DynamoDB; the default type) are free.
var vpcEndpointPricer = pricer{
	Type:      "AWS::EC2::VPCEndpoint",
	Terraform: []string{"aws_vpc_endpoint"},
	Usage: []usageKey{
		{Key: "monthly_data_processed_gb", Desc: "GB processed a month"},
	},
	Price: priceVPCEndpoint,
}

var endpointTiers = []tier{
	{Variant: "first-1PB", Label: "first 1 PB", Size: dec("1048576")},
	{Variant: "next-4PB", Label: "next 4 PB", Size: dec("4194304")},
	{Variant: "over-5PB", Label: "over 5 PB"},
}

func priceVPCEndpoint(c *calc) {
	switch t := strings.ToLower(c.str("VpcEndpointType")); t {
	case "", "gateway":
		c.free = true
		return
	case "interface":
	default:
		c.hourly("Endpoint ("+t+")", priceKey{"vpc_endpoint_" + t, "hour_per_az", ""}, "endpoint-AZ-hour", one)
		return
	}
	azs := len(c.list("SubnetIds"))
	if azs == 0 {
		c.warnf("no literal SubnetIds; priced for one AZ")
		azs = 1
	}
	c.hourly(fmt.Sprintf("Endpoint (%d AZs)", azs), priceKey{"vpc_endpoint_interface", "hour_per_az", ""}, "endpoint-AZ-hour", decimal.NewFromInt(int64(azs)))
	c.tiered("Data processed", "vpc_endpoint_interface", "gb_processed", "GB", endpointTiers, c.usage("monthly_data_processed_gb"), true)
}
