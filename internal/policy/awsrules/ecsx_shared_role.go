package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsxSharedRole flags ECS Express Mode services (and task definitions)
// whose task role is their execution role.
var ecsxSharedRole = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECSX-003",
		Title:    "ECS task role is the same as the execution role",
		Severity: rule.Medium,
		Rationale: "The execution role is ECS's: it pulls images and reads every secret the task is given. Used as the task " +
			"role, the application code gets those rights too, and can read the secrets of other services that share the role.",
		Remediation: "Give the application its own task role with only the permissions its code uses; keep the execution role " +
			"for ECS.",
		FixCloudFormation: `Service:
  Type: AWS::ECS::ExpressGatewayService
  Properties:
    ExecutionRoleArn: !GetAtt ExecutionRole.Arn
    TaskRoleArn: !GetAtt TaskRole.Arn`,
		FixTerraform: `resource "aws_ecs_express_gateway_service" "web" {
  execution_role_arn = aws_iam_role.execution.arn
  task_role_arn      = aws_iam_role.task.arn
}`,
		NIST:    []string{"AC-5", "AC-6"},
		FedRAMP: []string{"moderate"},
	},
	Types: []string{"AWS::ECS::ExpressGatewayService", "AWS::ECS::TaskDefinition"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		task, exec := r.Prop("TaskRoleArn"), r.Prop("ExecutionRoleArn")
		if task == nil || exec == nil {
			return nil
		}
		same := false
		if t, e := c.Target(task), c.Target(exec); t != nil && t == e {
			same = true
		}
		if ts, ok := ir.AsString(task); ok {
			if es, ok := ir.AsString(exec); ok && ts == es {
				same = true
			}
		}
		if !same {
			return nil
		}
		return []rule.Violation{viol("TaskRoleArn", "the task role is the execution role")}
	},
}
