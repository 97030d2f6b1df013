package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3PublicACL flags buckets with a canned ACL that grants everyone, or
// every AWS user, access.
var s3PublicACL = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-004",
		Title:    "S3 bucket has a public canned ACL",
		Severity: rule.High,
		Rationale: "The PublicRead, PublicReadWrite and AuthenticatedRead canned ACLs let anyone on the internet (or any AWS " +
			"account) list or write the bucket. ACLs are a legacy mechanism that AWS recommends disabling.",
		Remediation: "Remove AccessControl and set OwnershipControls to BucketOwnerEnforced so ACLs are disabled; grant access " +
			"with a bucket policy instead.",
		FixCloudFormation: `Bucket:
  Type: AWS::S3::Bucket
  Properties:
    OwnershipControls:
      Rules:
        - ObjectOwnership: BucketOwnerEnforced`,
		FixTerraform: `resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
		ConfigRule: "S3_BUCKET_ACL_PROHIBITED",
		NIST:       []string{"AC-3", "AC-6", "AC-21"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::S3::Bucket"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		acl, ok := ir.AsString(r.Prop("AccessControl"))
		if !ok {
			return nil
		}
		switch strings.ToLower(strings.ReplaceAll(acl, "-", "")) {
		case "publicread", "publicreadwrite", "authenticatedread":
			return []rule.Violation{viol("AccessControl", "canned ACL %s opens the bucket beyond the account", acl)}
		}
		return nil
	},
}
