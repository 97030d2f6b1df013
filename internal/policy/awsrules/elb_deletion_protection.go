package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbDeletionProtection flags production load balancers without
// deletion protection (off by default).
var elbDeletionProtection = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-005",
		Title:    "Production load balancer deletion protection is not enabled",
		Severity: rule.Low,
		Rationale: "Deleting a load balancer takes the service offline and releases its DNS name and addresses; clients and " +
			"DNS records pointing at it break until a new one is created and propagated.",
		Remediation: "Set the attribute deletion_protection.enabled to true on production load balancers.",
		FixCloudFormation: `LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    LoadBalancerAttributes:
      - Key: deletion_protection.enabled
        Value: "true"`,
		FixTerraform: `resource "aws_lb" "main" {
  enable_deletion_protection = true
}`,
		ConfigRule: "ELB_DELETION_PROTECTION_ENABLED",
		NIST:       []string{"CM-3", "CP-10"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::LoadBalancer"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if !c.IsProduction(r) {
			return nil
		}
		return lbAttributeOff(r, "deletion_protection.enabled", "deletion protection is off")
	},
}
