package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// dynamodbDeletionProtection is HOIST-DDB-003: production tables cannot
// be deleted by accident.
func dynamodbDeletionProtection() rule.AWS {
	nist := controls([]string{"CM-3", "CP-9"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-DDB-003",
			Title:    "Production DynamoDB table has no deletion protection",
			Severity: rule.Medium,
			Rationale: "A production table without deletion protection is one API call, console click or stack change away from " +
				"being gone with all its data (PITR does not survive the table's deletion beyond its last backup).",
			Remediation: "Set DeletionProtectionEnabled to true (and DeletionPolicy: Retain on the resource).",
			FixCloudFormation: `Table:
  Type: AWS::DynamoDB::Table
  DeletionPolicy: Retain
  Properties:
    DeletionProtectionEnabled: true
`,
			FixTerraform: `resource "aws_dynamodb_table" "items" {
  deletion_protection_enabled = true
}
`,
			ConfigRule: "DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::DynamoDB::Table"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !production(c, r) {
				return nil
			}
			v := prop(r, "DeletionProtectionEnabled")
			if absent(v) {
				return one("", "production table has no deletion protection")
			}
			if isFalse(v) {
				return one("DeletionProtectionEnabled", "DeletionProtectionEnabled is false on a production table")
			}
			return nil
		},
	}
}
