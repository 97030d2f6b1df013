package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbDropInvalidHeaders flags Application Load Balancers that pass HTTP
// headers with invalid names to targets (the default).
var elbDropInvalidHeaders = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-003",
		Title:    "Application Load Balancer does not drop invalid HTTP headers",
		Severity: rule.Medium,
		Rationale: "Headers whose names do not conform to the HTTP grammar are a vehicle for request smuggling and header " +
			"injection against targets that parse them differently from the load balancer.",
		Remediation: "Set the load balancer attribute routing.http.drop_invalid_header_fields.enabled to true.",
		FixCloudFormation: `LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    LoadBalancerAttributes:
      - Key: routing.http.drop_invalid_header_fields.enabled
        Value: "true"`,
		FixTerraform: `resource "aws_lb" "main" {
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}`,
		ConfigRule: "ALB_HTTP_DROP_INVALID_HEADER_ENABLED",
		NIST:       []string{"AC-4", "SI-10"},
		FedRAMP:    []string{"moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::LoadBalancer"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if loadBalancerType(r) != "application" {
			return nil
		}
		return lbAttributeOff(r, "routing.http.drop_invalid_header_fields.enabled", "invalid header fields are passed to targets")
	},
}
