package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsCopyTags flags DB instances and clusters that do not copy their
// tags to snapshots (off by default). Cluster members' snapshots are the
// cluster's.
var rdsCopyTags = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-008",
		Title:    "RDS does not copy tags to snapshots",
		Severity: rule.Low,
		Rationale: "Snapshots without the database's tags lose their owner, environment and data classification: tag-based " +
			"access policies, cost allocation and retention clean-up then miss them.",
		Remediation: "Set CopyTagsToSnapshot to true.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    CopyTagsToSnapshot: true`,
		FixTerraform: `resource "aws_db_instance" "main" {
  copy_tags_to_snapshot = true
}`,
		NIST:    []string{"CM-8"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if clusterMember(r) || boolProp(r.Prop("CopyTagsToSnapshot"), no) != no {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "CopyTagsToSnapshot"), "tags are not copied to snapshots")}
	},
}
