package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsxDefaultNetwork flags ECS Express Mode services without subnets:
// Express Mode then uses the default VPC's public subnets, so the load
// balancer is internet-facing and the service shares a VPC that nothing
// in the stack controls (no flow logs, no private subnets, no endpoints).
var ecsxDefaultNetwork = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECSX-002",
		Title:    "ECS Express Mode service runs in the default VPC",
		Severity: rule.Medium,
		Rationale: "Without NetworkConfiguration.Subnets Express Mode places the service in the default VPC's public subnets " +
			"with an internet-facing load balancer, whether or not the service is meant to be public, in a network with no " +
			"flow logs or private subnets.",
		Remediation: "Set NetworkConfiguration.Subnets (private subnets for an internal service, public ones for a public " +
			"endpoint) and SecurityGroups from a VPC the stack defines.",
		FixCloudFormation: `Service:
  Type: AWS::ECS::ExpressGatewayService
  Properties:
    NetworkConfiguration:
      Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
      SecurityGroups: [!Ref ServiceSecurityGroup]`,
		FixTerraform: `resource "aws_ecs_express_gateway_service" "web" {
  network_configuration {
    subnets         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_groups = [aws_security_group.web.id]
  }
}`,
		NIST:    []string{"AC-4", "SC-7"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::ExpressGatewayService"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		nc := r.Prop("NetworkConfiguration")
		if nc == nil {
			return []rule.Violation{viol("", "no NetworkConfiguration: the service runs in the default VPC's public subnets")}
		}
		m, ok := nc.(*ir.Map)
		if !ok {
			return nil
		}
		if m.Get("Subnets") == nil {
			return []rule.Violation{viol("NetworkConfiguration", "no subnets: the service runs in the default VPC's public subnets")}
		}
		return nil
	},
}
