package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sgRDPWorld flags ingress rules that open TCP port 3389 to 0.0.0.0/0 or
// ::/0.
var sgRDPWorld = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-002",
		Title:    "Security group allows RDP (port 3389) from anywhere",
		Severity: rule.High,
		Rationale: "Remote Desktop exposed to the internet is a leading entry point for ransomware: it is brute-forced " +
			"constantly and has had pre-authentication vulnerabilities.",
		Remediation: "Remove the rule and use Systems Manager Fleet Manager or a VPN; if RDP is required, allow it only from a " +
			"known CIDR or a bastion's security group.",
		FixCloudFormation: `HostSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: Windows host, RDP from the VPN only
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - Description: RDP from the VPN
        IpProtocol: tcp
        FromPort: 3389
        ToPort: 3389
        CidrIp: 10.20.0.0/16`,
		FixTerraform: `resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.host.id
  description       = "RDP from the VPN"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "10.20.0.0/16"
}`,
		ConfigRule: "RESTRICTED_INCOMING_TRAFFIC",
		NIST:       []string{"AC-4", "CM-7", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"5.2", "5.3"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		return worldOpenIngress(r, []int{3389}, "RDP")
	},
}
