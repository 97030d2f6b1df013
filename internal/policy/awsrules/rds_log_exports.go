package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsLogExports flags DB instances and clusters that export no logs to
// CloudWatch Logs. Aurora members export through their cluster.
var rdsLogExports = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-009",
		Title:    "RDS does not export logs to CloudWatch Logs",
		Severity: rule.Medium,
		Rationale: "Database error, audit and slow-query logs stay on the instance, rotate away within days, and are lost " +
			"with it. Exported to CloudWatch Logs they are retained, searchable and can raise alarms.",
		Remediation: "Set EnableCloudwatchLogsExports to the engine's log types (postgresql; error, general, slowquery and " +
			"audit for MySQL).",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    EnableCloudwatchLogsExports: [postgresql, upgrade]`,
		FixTerraform: `resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}`,
		ConfigRule: "RDS_LOGGING_ENABLED",
		NIST:       []string{"AU-2", "AU-3", "AU-12"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if clusterMember(r) {
			return nil
		}
		v := r.Prop("EnableCloudwatchLogsExports")
		if v == nil {
			return []rule.Violation{viol("", "no logs are exported to CloudWatch Logs")}
		}
		if l, ok := v.(*ir.List); ok && len(l.Items) == 0 {
			return []rule.Violation{viol("EnableCloudwatchLogsExports", "the list of exported logs is empty")}
		}
		return nil
	},
}
