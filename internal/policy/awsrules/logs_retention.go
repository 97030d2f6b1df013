package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// logsRetention is HOIST-LOGS-001: a log group states how long it keeps
// events.
func logsRetention() rule.AWS {
	nist := controls([]string{"AU-11", "SI-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LOGS-001",
			Title:    "CloudWatch log group has no retention period",
			Severity: rule.Low,
			Rationale: "Without RetentionInDays events are kept forever: storage cost grows every month and data (which may " +
				"include personal data) is held longer than any records schedule allows. Retention should be a decision, not a default.",
			Remediation: "Set RetentionInDays to the period your audit or records policy requires (for example 365 for audit logs, 30 for debug logs).",
			FixCloudFormation: `AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    RetentionInDays: 365
`,
			FixTerraform: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app"
  retention_in_days = 365
}
`,
			ConfigRule: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Logs::LogGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "RetentionInDays")
			if absent(v) {
				return one("", "log group keeps events forever: RetentionInDays is not set")
			}
			if n, ok := ir.AsInt(v); ok && n == 0 {
				return one("RetentionInDays", "RetentionInDays 0 keeps events forever")
			}
			return nil
		},
	}
}
