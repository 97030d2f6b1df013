package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsDeletionProtection flags DB instances and clusters without deletion
// protection (off by default). Cluster members are protected through
// their cluster.
var rdsDeletionProtection = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-004",
		Title:    "RDS deletion protection is not enabled",
		Severity: rule.Medium,
		Rationale: "Without deletion protection one API call, a stack deletion or a resource replacement caused by an " +
			"innocent-looking property change deletes the database.",
		Remediation: "Set DeletionProtection to true (and DeletionPolicy: Snapshot on the resource).",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  DeletionPolicy: Snapshot
  UpdateReplacePolicy: Snapshot
  Properties:
    DeletionProtection: true`,
		FixTerraform: `resource "aws_db_instance" "main" {
  deletion_protection = true
  skip_final_snapshot = false
}`,
		ConfigRule: "RDS_INSTANCE_DELETION_PROTECTION_ENABLED",
		NIST:       []string{"CM-3", "CP-9"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if clusterMember(r) || boolProp(r.Prop("DeletionProtection"), no) != no {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "DeletionProtection"), "deletion protection is off")}
	},
}
