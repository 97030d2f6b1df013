package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// minBackupDays is the shortest automated backup retention the rule
// accepts.
const minBackupDays = 7

// rdsBackupRetention flags DB instances and clusters that keep automated
// backups for less than a week; the default is one day.
var rdsBackupRetention = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-003",
		Title:    "RDS automated backups are kept for less than 7 days",
		Severity: rule.Medium,
		Rationale: "Point-in-time recovery reaches back only as far as the backup retention period. With the default of one " +
			"day (or zero, which turns backups off), corruption or a bad migration noticed after a weekend cannot be undone.",
		Remediation: "Set BackupRetentionPeriod to at least 7 days (35 at most).",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    BackupRetentionPeriod: 14`,
		FixTerraform: `resource "aws_db_instance" "main" {
  backup_retention_period = 14
}`,
		ConfigRule: "DB_INSTANCE_BACKUP_ENABLED",
		NIST:       []string{"CP-9", "CP-10"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if !rdsOwnsStorage(r) {
			return nil
		}
		v := r.Prop("BackupRetentionPeriod")
		if v == nil {
			return []rule.Violation{viol("", "BackupRetentionPeriod is unset, so backups are kept for 1 day")}
		}
		days, ok := ir.AsInt(v)
		if !ok || days >= minBackupDays {
			return nil
		}
		return []rule.Violation{viol("BackupRetentionPeriod", "backups are kept for %d days, fewer than %d", days, minBackupDays)}
	},
}
