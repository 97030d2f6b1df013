package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// dynamodbPITR is HOIST-DDB-001: tables can be restored to any second of
// the last 35 days.
func dynamodbPITR() rule.AWS {
	nist := controls(nistBackup)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-DDB-001",
			Title:    "DynamoDB point-in-time recovery is off",
			Severity: rule.Medium,
			Rationale: "Without point-in-time recovery a bad deploy, a buggy batch job or a deleted item can only be undone " +
				"from an on-demand backup, if one exists; PITR restores the table to any second of the last 35 days.",
			Remediation: "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true.",
			FixCloudFormation: `Table:
  Type: AWS::DynamoDB::Table
  Properties:
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true
`,
			FixTerraform: `resource "aws_dynamodb_table" "items" {
  point_in_time_recovery {
    enabled = true
  }
}
`,
			ConfigRule: "DYNAMODB_PITR_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			const p = "PointInTimeRecoverySpecification"
			check := func(base string, spec ir.Value) []rule.Violation {
				v := lookupKnown(spec, "PointInTimeRecoveryEnabled")
				if isTrue(v) || (!absent(v) && !isFalse(v)) {
					return nil
				}
				if absent(spec) {
					return []rule.Violation{viol(base, "point-in-time recovery is not enabled")}
				}
				return []rule.Violation{viol(join(base, p, "PointInTimeRecoveryEnabled"), "point-in-time recovery is not enabled")}
			}
			if r.Type == "AWS::DynamoDB::Table" {
				spec := prop(r, p)
				if absent(spec) {
					return one("", "point-in-time recovery is not enabled")
				}
				return check("", spec)
			}
			var out []rule.Violation
			for _, it := range mapItems(prop(r, "Replicas")) {
				base := join("Replicas", it.i)
				spec := it.m.Get(p)
				out = append(out, check(base, spec)...)
			}
			return out
		},
	}
}
