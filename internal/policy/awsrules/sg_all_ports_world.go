package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sgAllPortsWorld flags ingress rules that open every port (all
// protocols, or TCP 0-65535) to 0.0.0.0/0 or ::/0.
var sgAllPortsWorld = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-004",
		Title:    "Security group allows all ports from anywhere",
		Severity: rule.Critical,
		Rationale: "An ingress rule for every port and protocol from the internet removes the network boundary: every " +
			"listening process, including debug, admin and database ports, is reachable by anyone.",
		Remediation: "Allow only the ports the service serves (443 on a load balancer), and only from the sources that need them.",
		FixCloudFormation: `LoadBalancerSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: Load balancer, HTTPS from the internet
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - Description: HTTPS from anywhere
        IpProtocol: tcp
        FromPort: 443
        ToPort: 443
        CidrIp: 0.0.0.0/0`,
		FixTerraform: `resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.lb.id
  description       = "HTTPS from anywhere"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
		ConfigRule: "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS",
		NIST:       []string{"AC-4", "CM-7", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"5.2", "5.3"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, sr := range ingressRules(r) {
			key := sr.worldCIDR()
			if key == "" || !sr.allPorts() {
				continue
			}
			cidr, _ := literalStrings(sr.m.Get(key))
			out = append(out, viol(sr.at(key), "ingress from %s admits every port", strings.Join(cidr, ", ")))
		}
		return out
	},
}
