package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3PublicAccessBlock flags buckets whose public access block turns any
// of its four settings off. A bucket without the block is compliant:
// since April 2023 S3 turns all four on for every new bucket. A block
// that is written but omits a setting leaves that setting off.
var s3PublicAccessBlock = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-001",
		Title:    "S3 bucket turns off a public access block setting",
		Severity: rule.High,
		Rationale: "Block Public Access is the guard that stops a bucket policy or ACL from exposing objects to the internet. " +
			"With any of its four settings off, one mistaken policy statement or object ACL makes data public.",
		Remediation: "Set BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets to true, or remove " +
			"PublicAccessBlockConfiguration to keep S3's all-on default. Serve public content through CloudFront with origin access control instead.",
		FixCloudFormation: `Bucket:
  Type: AWS::S3::Bucket
  Properties:
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      BlockPublicPolicy: true
      IgnorePublicAcls: true
      RestrictPublicBuckets: true`,
		FixTerraform: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
		ConfigRule: "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
		NIST:       []string{"AC-3", "AC-4", "AC-6", "AC-21", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"2.1.4"},
	},
	Types: []string{"AWS::S3::Bucket"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		pab, ok := r.Prop("PublicAccessBlockConfiguration").(*ir.Map)
		if !ok {
			return nil
		}
		var out []rule.Violation
		for _, key := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
			if boolProp(pab.Get(key), no) != no {
				continue
			}
			path := join("PublicAccessBlockConfiguration", key)
			if pab.Get(key) == nil {
				out = append(out, viol(path, "public access block omits %s, which then stays off", key))
				continue
			}
			out = append(out, viol(path, "public access block turns %s off", key))
		}
		return out
	},
}
