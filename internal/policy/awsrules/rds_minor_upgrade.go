package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsMinorUpgrade flags databases that turn automatic minor version
// upgrades off (they are on by default).
var rdsMinorUpgrade = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-007",
		Title:    "RDS automatic minor version upgrade is turned off",
		Severity: rule.Low,
		Rationale: "Minor engine versions carry security fixes. With automatic upgrades off, fixes wait for someone to " +
			"schedule them, and instances drift onto versions that reach end of support.",
		Remediation: "Set AutoMinorVersionUpgrade to true (or remove it) and choose a PreferredMaintenanceWindow.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    AutoMinorVersionUpgrade: true
    PreferredMaintenanceWindow: sun:04:00-sun:05:00`,
		FixTerraform: `resource "aws_db_instance" "main" {
  auto_minor_version_upgrade = true
  maintenance_window         = "sun:04:00-sun:05:00"
}`,
		ConfigRule: "RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED",
		NIST:       []string{"SI-2"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if boolProp(r.Prop("AutoMinorVersionUpgrade"), yes) != no {
			return nil
		}
		return []rule.Violation{viol("AutoMinorVersionUpgrade", "automatic minor version upgrades are off")}
	},
}
