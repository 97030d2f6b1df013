package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sgRuleDescription flags security group rules without a description:
// inline ingress and egress entries, and standalone rule resources.
var sgRuleDescription = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-006",
		Title:    "Security group rule has no description",
		Severity: rule.Low,
		Rationale: "A rule's description is the record of why a port is open and for whom. Without it, reviews cannot tell " +
			"a needed rule from a forgotten one, and stale openings stay.",
		Remediation: "Give every ingress and egress rule a Description saying which source or destination it serves and why.",
		FixCloudFormation: `SecurityGroupIngress:
  - Description: HTTPS from the load balancer
    IpProtocol: tcp
    FromPort: 8080
    ToPort: 8080
    SourceSecurityGroupId: !Ref LoadBalancerSecurityGroup`,
		FixTerraform: `resource "aws_vpc_security_group_ingress_rule" "app_from_lb" {
  security_group_id            = aws_security_group.app.id
  description                  = "HTTPS from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.lb.id
}`,
		NIST:    []string{"CM-6", "SC-7"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, sr := range append(ingressRules(r), egressRules(r)...) {
			d := sr.m.Get("Description")
			if d == nil {
				out = append(out, viol(sr.path, "rule has no description"))
				continue
			}
			if s, ok := ir.AsString(d); ok && strings.TrimSpace(s) == "" {
				out = append(out, viol(sr.at("Description"), "rule has an empty description"))
			}
		}
		return out
	},
}
