package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sgSSHWorld flags ingress rules that open TCP port 22 to 0.0.0.0/0 or
// ::/0, inline in a security group or as a standalone ingress resource.
var sgSSHWorld = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-001",
		Title:    "Security group allows SSH (port 22) from anywhere",
		Severity: rule.High,
		Rationale: "SSH open to the internet is scanned and brute-forced within minutes of exposure; a weak key, a leaked key " +
			"or an sshd vulnerability then gives a shell on the host.",
		Remediation: "Remove the rule and reach hosts through AWS Systems Manager Session Manager (or ECS Exec); if SSH is " +
			"required, allow it only from a known CIDR or a bastion's security group.",
		FixCloudFormation: `AdminIngress:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref HostSecurityGroup
    Description: SSH from the office VPN only
    IpProtocol: tcp
    FromPort: 22
    ToPort: 22
    CidrIp: 203.0.113.0/24`,
		FixTerraform: `resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.host.id
  description       = "SSH from the office VPN only"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.0/24"
}`,
		ConfigRule: "INCOMING_SSH_DISABLED",
		NIST:       []string{"AC-4", "CM-7", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"5.2", "5.3"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		return worldOpenIngress(r, []int{22}, "SSH")
	},
}
