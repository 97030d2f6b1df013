package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// vpcSubnetPublicIP is HOIST-VPC-002: subnets do not hand out public
// IPv4 addresses automatically.
func vpcSubnetPublicIP() rule.AWS {
	nist := controls([]string{"AC-4", "SC-7", "AC-21"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-VPC-002",
			Title:    "Subnet assigns public IP addresses on launch",
			Severity: rule.Medium,
			Rationale: "With MapPublicIpOnLaunch every instance and task started in the subnet gets a public IPv4 address, " +
				"reachable from the internet whether or not it was meant to be, and billed at $0.005 an hour.",
			Remediation: "Set MapPublicIpOnLaunch to false; give public addresses only to load balancers and NAT gateways, which allocate their own.",
			FixCloudFormation: `PublicSubnet1:
  Type: AWS::EC2::Subnet
  Properties:
    MapPublicIpOnLaunch: false
`,
			FixTerraform: `resource "aws_subnet" "public_a" {
  map_public_ip_on_launch = false
}
`,
			ConfigRule: "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::EC2::Subnet"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isTrue(prop(r, "MapPublicIpOnLaunch")) {
				return one("MapPublicIpOnLaunch", "subnet gives every instance a public IP address")
			}
			return nil
		},
	}
}
