package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ec2DetailedMonitoring is HOIST-EC2-004: instances publish one-minute
// metrics.
func ec2DetailedMonitoring() rule.AWS {
	nist := controls([]string{"CA-7", "SI-4"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC2-004",
			Title:    "EC2 detailed monitoring is off",
			Severity: rule.Low,
			Rationale: "Basic monitoring publishes metrics every five minutes, too coarse for alarms and scaling to react to " +
				"short spikes; detailed monitoring publishes every minute (at a small per-metric cost).",
			Remediation: "Set Monitoring: true on the instance (Monitoring.Enabled in a launch template).",
			FixCloudFormation: `Instance:
  Type: AWS::EC2::Instance
  Properties:
    Monitoring: true
`,
			FixTerraform: `resource "aws_instance" "app" {
  monitoring = true
}
`,
			ConfigRule: "EC2_INSTANCE_DETAILED_MONITORING_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			path := "Monitoring"
			if r.Type == "AWS::EC2::LaunchTemplate" {
				path = "LaunchTemplateData.Monitoring.Enabled"
			} else if !absent(prop(r, "LaunchTemplate")) && absent(prop(r, path)) {
				return nil // the launch template decides
			}
			v := prop(r, path)
			if absent(v) {
				return one(pathOr(r, "LaunchTemplateData.Monitoring", pathOr(r, "LaunchTemplateData", "")), "detailed monitoring is not enabled")
			}
			if isFalse(v) {
				return one(path, "detailed monitoring is off")
			}
			return nil
		},
	}
}
