package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsLogging flags containers without a log configuration, or with the
// "none" log driver.
var ecsLogging = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-005",
		Title:    "ECS container has no logging configuration",
		Severity: rule.Medium,
		Rationale: "Without a log driver, a Fargate container's output is discarded and an EC2 container's stays on the " +
			"instance: there is nothing to investigate an incident or a crash with.",
		Remediation: "Set LogConfiguration with the awslogs driver (awslogs-group, awslogs-region, awslogs-stream-prefix) or a " +
			"FireLens router.",
		FixCloudFormation: `ContainerDefinitions:
  - Name: web
    Image: !Ref Image
    LogConfiguration:
      LogDriver: awslogs
      Options:
        awslogs-group: !Ref LogGroup
        awslogs-region: !Ref AWS::Region
        awslogs-stream-prefix: web`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{
    name  = "web"
    image = var.image
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.web.name
        "awslogs-region"        = var.region
        "awslogs-stream-prefix" = "web"
      }
    }
  }])
}`,
		ConfigRule: "ECS_TASK_DEFINITION_LOG_CONFIGURATION",
		NIST:       []string{"AU-2", "AU-3", "AU-12"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, c := range containers(r) {
			name, _ := ir.AsString(c.m.Get("Name"))
			lc := c.m.Get("LogConfiguration")
			if lc == nil {
				out = append(out, viol(join("ContainerDefinitions", c.i), "container %s has no LogConfiguration", name))
				continue
			}
			if d, ok := ir.AsString(ir.Lookup(lc, "LogDriver")); ok && strings.EqualFold(d, "none") {
				out = append(out, viol(containerPath(c.i, "LogConfiguration.LogDriver"), "container %s discards its logs (log driver none)", name))
			}
		}
		return out
	},
}
