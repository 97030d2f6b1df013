package prices

import (
	"testing"

	"github.com/shopspring/decimal"
)

// Each mapping fills an item the snapshot has, in the snapshot's unit, so a
// refreshed row means the same thing as the row it replaces.
func TestMappingsMatchSnapshotUnits(t *testing.T) {
	units := map[[2]string]string{}
	for _, p := range Embedded().Rows() {
		units[[2]string{p.Service, p.Item}] = p.Unit
	}
	for _, m := range mappings {
		unit, ok := units[[2]string{m.service, m.item}]
		if !ok {
			t.Errorf("mapping %s -> %s %s: the snapshot has no such item", m.offer, m.service, m.item)
			continue
		}
		if unit != m.unit {
			t.Errorf("mapping %s -> %s %s: unit %q, snapshot says %q", m.offer, m.service, m.item, m.unit, unit)
		}
		if m.scale <= 0 {
			t.Errorf("mapping %s -> %s %s: scale %d", m.offer, m.service, m.item, m.scale)
		}
	}
}

func TestBaseUsageType(t *testing.T) {
	for _, tc := range []struct{ usageType, region, want string }{
		{"NatGateway-Hours", "us-east-1", "NatGateway-Hours"},
		{"USE1-Fargate-GB-Hours", "us-east-1", "Fargate-GB-Hours"},
		{"USW2-NatGateway-Hours", "us-west-2", "NatGateway-Hours"},
		{"EU-NatGateway-Hours", "eu-west-1", "NatGateway-Hours"},
		{"EUW1-Request", "eu-west-1", "Request"},
		{"UGW1-BoxUsage:t3.micro", "us-gov-west-1", "BoxUsage:t3.micro"},
		// Another region's prefix, or a sub-product, is not stripped.
		{"USW2-NatGateway-Hours", "us-east-1", "USW2-NatGateway-Hours"},
		{"TS-LoadBalancerUsage", "us-east-1", "TS-LoadBalancerUsage"},
		{"KMS-Keys", "us-east-1", "KMS-Keys"},
		{"IA-TimedStorage-ByteHrs", "us-east-1", "IA-TimedStorage-ByteHrs"},
		// A region outside the table: any prefix shaped like one.
		{"MXC1-NatGateway-Hours", "mx-central-1", "NatGateway-Hours"},
		{"Outposts-LoadBalancerUsage", "mx-central-1", "Outposts-LoadBalancerUsage"},
	} {
		if got := baseUsageType(tc.usageType, tc.region); got != tc.want {
			t.Errorf("baseUsageType(%q, %q) = %q, want %q", tc.usageType, tc.region, got, tc.want)
		}
	}
}

func TestSelectorPick(t *testing.T) {
	ofOffer := func(code string) []mapping {
		var out []mapping
		for _, m := range mappings {
			if m.offer == code {
				out = append(out, m)
			}
		}
		return out
	}
	prod := func(family string, attrs ...string) *product {
		p := &product{ProductFamily: family, Attributes: map[string]string{}}
		for i := 0; i+1 < len(attrs); i += 2 {
			p.Attributes[attrs[i]] = attrs[i+1]
		}
		return p
	}
	linux := func(t, ut string) *product {
		return prod("Compute Instance", "instanceType", t, "operatingSystem", "Linux", "tenancy", "Shared",
			"preInstalledSw", "NA", "capacitystatus", "Used", "licenseModel", "No License required", "operation", "RunInstances", "usagetype", ut)
	}
	for _, tc := range []struct {
		name, offer, region string
		p                   *product
		want                string // "service item variant", or "" for no match
	}{
		{"ec2 linux", "AmazonEC2", "us-east-1", linux("m7g.large", "BoxUsage:m7g.large"), "ec2 instance_hour linux:m7g.large"},
		{"ec2 linux prefixed", "AmazonEC2", "us-west-2", linux("m7g.large", "USW2-BoxUsage:m7g.large"), "ec2 instance_hour linux:m7g.large"},
		{"ec2 other region", "AmazonEC2", "us-east-1", func() *product {
			p := linux("t3.micro", "BoxUsage:t3.micro")
			p.Attributes["regionCode"] = "eu-west-1"
			return p
		}(), ""},
		{"ec2 windows", "AmazonEC2", "us-east-1", func() *product {
			p := linux("t3.micro", "BoxUsage:t3.micro")
			p.Attributes["operatingSystem"] = "Windows"
			return p
		}(), ""},
		{"ec2 reservation", "AmazonEC2", "us-east-1", func() *product {
			p := linux("t3.micro", "BoxUsage:t3.micro")
			p.Attributes["capacitystatus"] = "AllocatedCapacityReservation"
			return p
		}(), ""},
		{"ebs gp3", "AmazonEC2", "us-east-1", prod("Storage", "volumeApiName", "gp3", "usagetype", "EBS:VolumeUsage.gp3"), "ebs storage_gb_month gp3"},
		{"nat", "AmazonEC2", "eu-west-1", prod("NAT Gateway", "usagetype", "EU-NatGateway-Bytes"), "nat_gateway gb_processed "},
		{"rds multi-az", "AmazonRDS", "us-east-1", prod("Database Instance", "databaseEngine", "PostgreSQL", "deploymentOption", "Multi-AZ", "instanceType", "db.m7g.large", "usagetype", "Multi-AZUsage:db.m7g.large"), "rds instance_hour postgres:db.m7g.large:multi-az"},
		{"rds readable standbys", "AmazonRDS", "us-east-1", prod("Database Instance", "databaseEngine", "PostgreSQL", "deploymentOption", "Multi-AZ (readable standbys)", "instanceType", "db.m7g.large", "usagetype", "Multi-AZClusterUsage:db.m7g.large"), ""},
		{"rds oracle", "AmazonRDS", "us-east-1", prod("Database Instance", "databaseEngine", "Oracle", "deploymentOption", "Single-AZ", "instanceType", "db.t3.small", "usagetype", "InstanceUsage:db.t3.small"), ""},
		{"aurora io-optimized", "AmazonRDS", "us-east-1", prod("Serverless", "databaseEngine", "Aurora MySQL", "usagetype", "Aurora:ServerlessV2IOOptimizedUsage"), "aurora serverless_v2_acu_hour aurora-mysql:io-optimized"},
		{"alb vs nlb", "AWSELB", "us-east-1", prod("Load Balancer-Network", "usagetype", "LCUUsage"), "nlb nlcu_hour "},
		{"alb trust store", "AWSELB", "us-east-1", prod("Load Balancer-Application", "usagetype", "TS-LoadBalancerUsage"), ""},
		{"sqs fifo", "AWSQueueService", "us-east-1", prod("API Request", "group", "SQS-APIRequest-Tier1", "queueType", "FIFO (first-in, first-out)", "usagetype", "Requests-FIFO-RBP"), "sqs requests_per_million fifo"},
		{"codebuild", "CodeBuild", "us-east-1", prod("Compute", "usagetype", "USE1-Build-Min:Linux:g1.medium"), "codebuild build_minute linux:general1.medium"},
		{"codebuild arm", "CodeBuild", "us-east-1", prod("Compute", "usagetype", "USE1-Build-Min:ARM:g1.large"), ""},
		{"cloudfront eu", "AmazonCloudFront", "global", prod("Request", "requestType", "CloudFront-Request-HTTPS-Proxy", "location", "Europe"), "cloudfront https_requests_per_10000 europe"},
		{"cloudfront japan", "AmazonCloudFront", "global", prod("Request", "requestType", "CloudFront-Request-HTTPS-Proxy", "location", "Japan"), ""},
		{"dynamodb ia storage", "AmazonDynamoDB", "us-east-1", prod("Database Storage", "usagetype", "IA-TimedStorage-ByteHrs"), ""},
		{"waf shield", "awswaf", "us-east-1", prod("Web Application Firewall", "usagetype", "USE1-ShieldProtected-WebACLV2"), ""},
		{"waf", "awswaf", "us-east-1", prod("Web Application Firewall", "usagetype", "USE1-WebACLV2"), "waf web_acl_month wafv2"},
	} {
		s := &selector{region: tc.region, mappings: ofOffer(tc.offer)}
		tg, ok := s.pick(tc.p)
		got := ""
		if ok {
			got = tg.service + " " + tg.item + " " + tg.variant
		}
		if got != tc.want {
			t.Errorf("%s: pick = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestPriceOf(t *testing.T) {
	m := matchedSKU{
		target: target{unit: "1M requests", scale: decimal.NewFromInt(1_000_000)},
		dims: []dimension{
			{BeginRange: "300000000", EndRange: "Inf", PricePerUnit: map[string]string{"USD": "0.0000009000"}, Description: "over 300M"},
			{BeginRange: "1000000", EndRange: "300000000", PricePerUnit: map[string]string{"USD": "0.0000010000"}, Description: "first 300M"},
			{BeginRange: "0", EndRange: "1000000", PricePerUnit: map[string]string{"USD": "0.0000000000"}, Description: "free tier"},
		},
	}
	usd, tiers, note, ok := priceOf(m)
	if !ok || usd.String() != "1" || note != "first 300M" {
		t.Fatalf("priceOf = %s %q %v, want 1 (the first priced tier, per 1M) with its description", usd, note, ok)
	}
	want := []string{"0-1:0", "1-300:1", "300-:0.9"}
	if len(tiers) != len(want) {
		t.Fatalf("tiers = %+v, want %v", tiers, want)
	}
	for i, tr := range tiers {
		to := ""
		if !tr.To.IsZero() {
			to = tr.To.String()
		}
		if got := tr.From.String() + "-" + to + ":" + tr.USD.String(); got != want[i] {
			t.Errorf("tier %d = %s, want %s", i, got, want[i])
		}
	}

	gib := matchedSKU{target: target{unit: "MBps-month", scale: decimal.NewFromInt(1)},
		dims: []dimension{{Unit: "GiBps-mo", BeginRange: "0", EndRange: "Inf", PricePerUnit: map[string]string{"USD": "40.9600000000"}}}}
	if usd, _, _, _ := priceOf(gib); usd.String() != "0.04" {
		t.Errorf("priceOf(gp3 throughput per GiBps-mo) = %s, want 0.04 per MBps-month", usd)
	}
	if _, _, _, ok := priceOf(matchedSKU{dims: []dimension{{PricePerUnit: map[string]string{"CNY": "1"}}}}); ok {
		t.Error("priceOf(no USD): ok, want not ok")
	}
}
