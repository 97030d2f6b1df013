package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsPublicIP flags ECS services and task sets that give their tasks
// public IP addresses (DISABLED is the default).
var ecsPublicIP = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-007",
		Title:    "ECS service assigns public IP addresses to tasks",
		Severity: rule.High,
		Rationale: "Tasks with public addresses are reachable from the internet on every port their security group opens, " +
			"bypassing the load balancer, and each address costs $0.005 an hour.",
		Remediation: "Set AssignPublicIp to DISABLED and run tasks in private subnets with a NAT gateway or VPC endpoints for " +
			"outbound traffic; publish the service through a load balancer.",
		FixCloudFormation: `Service:
  Type: AWS::ECS::Service
  Properties:
    NetworkConfiguration:
      AwsvpcConfiguration:
        AssignPublicIp: DISABLED
        Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
        SecurityGroups: [!Ref ServiceSecurityGroup]`,
		FixTerraform: `resource "aws_ecs_service" "web" {
  network_configuration {
    assign_public_ip = false
    subnets          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_groups  = [aws_security_group.web.id]
  }
}`,
		NIST:    []string{"AC-4", "SC-7"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::Service", "AWS::ECS::TaskSet"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		const path = "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"
		v := r.Prop(path)
		s, ok := ir.AsString(v)
		if ok && strings.EqualFold(s, "ENABLED") {
			return []rule.Violation{viol(path, "tasks get public IP addresses")}
		}
		if b, isBool := v.(ir.Bool); isBool && bool(b) {
			return []rule.Violation{viol(path, "tasks get public IP addresses")}
		}
		return nil
	},
}
