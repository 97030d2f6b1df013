package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsHostPID flags task definitions that share the host's process
// namespace.
var ecsHostPID = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-010",
		Title:    "ECS task shares the host's process namespace",
		Severity: rule.High,
		Rationale: "With PidMode host the containers see every process on the instance, including other tasks' and the ECS " +
			"agent's, and a root container can signal or trace them and read their environment.",
		Remediation: "Remove PidMode (each task gets its own namespace) or use PidMode task to share only within the task.",
		FixCloudFormation: `TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    PidMode: task`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  pid_mode = "task"
}`,
		ConfigRule: "ECS_TASK_DEFINITION_PID_MODE_CHECK",
		NIST:       []string{"AC-6", "CM-7", "SC-39"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		mode, _ := ir.AsString(r.Prop("PidMode"))
		if strings.EqualFold(mode, "host") {
			return []rule.Violation{viol("PidMode", "the task shares the host's process namespace")}
		}
		return nil
	},
}
