package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3Versioning flags buckets without versioning; a bucket starts
// unversioned.
var s3Versioning = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-005",
		Title:    "S3 bucket versioning is not enabled",
		Severity: rule.Medium,
		Rationale: "Without versioning an overwrite or delete, by mistake, by a bug or by ransomware, destroys the only copy of " +
			"an object. Versioning keeps prior versions so they can be restored.",
		Remediation: "Set VersioningConfiguration.Status to Enabled, with a lifecycle rule that expires noncurrent versions " +
			"to bound the cost.",
		FixCloudFormation: `Bucket:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration:
      Status: Enabled
    LifecycleConfiguration:
      Rules:
        - Id: expire-noncurrent
          Status: Enabled
          NoncurrentVersionExpiration:
            NoncurrentDays: 90`,
		FixTerraform: `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
		ConfigRule: "S3_BUCKET_VERSIONING_ENABLED",
		NIST:       []string{"CP-9", "CP-10", "SI-12"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::S3::Bucket"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		v := r.Prop("VersioningConfiguration")
		if v == nil {
			return []rule.Violation{viol("", "versioning is not configured, so the bucket keeps no prior versions")}
		}
		m, isMap := v.(*ir.Map)
		if !isMap {
			return nil
		}
		st := m.Get("Status")
		s, ok := ir.AsString(st)
		if st != nil && !ok {
			return nil
		}
		if s != "Enabled" {
			return []rule.Violation{viol("VersioningConfiguration.Status", "versioning status is %q, not Enabled", s)}
		}
		return nil
	},
}
