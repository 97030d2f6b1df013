package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsContainerInsights flags clusters without Container Insights.
var ecsContainerInsights = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-008",
		Title:    "ECS cluster does not enable Container Insights",
		Severity: rule.Low,
		Rationale: "Container Insights collects per-task and per-service CPU, memory, network and restart metrics; without " +
			"them resource exhaustion, crash loops and noisy neighbours go unnoticed until users report them.",
		Remediation: "Add a ClusterSettings entry with Name containerInsights and Value enabled (or enhanced).",
		FixCloudFormation: `Cluster:
  Type: AWS::ECS::Cluster
  Properties:
    ClusterSettings:
      - Name: containerInsights
        Value: enabled`,
		FixTerraform: `resource "aws_ecs_cluster" "main" {
  name = "app"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}`,
		ConfigRule: "ECS_CONTAINER_INSIGHTS_ENABLED",
		NIST:       []string{"AU-6", "CA-7", "SI-4"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::Cluster"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		settings := r.Prop("ClusterSettings")
		if settings != nil {
			if _, ok := settings.(*ir.List); !ok {
				return nil
			}
		}
		for _, s := range mapItems(settings) {
			name, _ := ir.AsString(s.m.Get("Name"))
			if name != "containerInsights" {
				continue
			}
			val, ok := ir.AsString(s.m.Get("Value"))
			if !ok || strings.EqualFold(val, "enabled") || strings.EqualFold(val, "enhanced") {
				return nil
			}
			return []rule.Violation{viol(join("ClusterSettings", s.i, "Value"), "Container Insights is %s", val)}
		}
		return []rule.Violation{viol(pathIfSet(r, "ClusterSettings"), "Container Insights is not enabled")}
	},
}
