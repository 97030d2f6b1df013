package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ec2PublicIP is HOIST-EC2-003: instances get no public IPv4 address.
func ec2PublicIP() rule.AWS {
	nist := controls(nistPublic)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC2-003",
			Title:    "EC2 instance gets a public IP address",
			Severity: rule.High,
			Rationale: "A public IPv4 address makes the instance reachable from the internet, one security-group mistake away " +
				"from exposure, and costs $0.005 an hour. Put instances in private subnets behind a load balancer and reach them with SSM.",
			Remediation: "Set AssociatePublicIpAddress to false on the network interface, launch into a private subnet, and " +
				"use a load balancer for inbound traffic and NAT or VPC endpoints for outbound.",
			FixCloudFormation: `Instance:
  Type: AWS::EC2::Instance
  Properties:
    NetworkInterfaces:
      - DeviceIndex: "0"
        SubnetId: !Ref PrivateSubnet1
        AssociatePublicIpAddress: false
`,
			FixTerraform: `resource "aws_instance" "app" {
  subnet_id                   = aws_subnet.private_a.id
  associate_public_ip_address = false
}
`,
			ConfigRule: "EC2_INSTANCE_NO_PUBLIC_IP",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isTrue(prop(r, "AssociatePublicIpAddress")) {
				return one("AssociatePublicIpAddress", "instances get a public IP address")
			}
			nis := launchData(r) + "NetworkInterfaces"
			var out []rule.Violation
			explicit := false
			for _, it := range mapItems(prop(r, nis)) {
				v := it.m.Get("AssociatePublicIpAddress")
				if !absent(v) {
					explicit = true
				}
				if isTrue(v) {
					out = append(out, viol(join(nis, it.i, "AssociatePublicIpAddress"), "network interface gets a public IP address"))
				}
			}
			if len(out) > 0 || explicit || r.Type != "AWS::EC2::Instance" || !absent(prop(r, "AssociatePublicIpAddress")) {
				return out
			}
			// Otherwise the subnet decides.
			if subnet := c.Target(prop(r, "SubnetId")); subnet != nil && subnet.Type == "AWS::EC2::Subnet" && isTrue(prop(subnet, "MapPublicIpOnLaunch")) {
				return one("SubnetId", "instance launches into subnet %s, which assigns public IP addresses", subnet.ID)
			}
			return nil
		},
	}
}
