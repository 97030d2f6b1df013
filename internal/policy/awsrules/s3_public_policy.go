package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3PublicPolicy flags bucket policy statements that allow every
// principal without a condition that narrows who may call.
var s3PublicPolicy = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-003",
		Title:    "S3 bucket policy allows access to anyone",
		Severity: rule.High,
		Rationale: "A bucket policy statement with Principal \"*\" and no condition grants its actions to every AWS account " +
			"and anonymous caller on the internet: objects can be read, listed or overwritten by anyone who finds the bucket.",
		Remediation: "Name the principals that need access (an account, a role, or the cloudfront.amazonaws.com service with an " +
			"aws:SourceArn condition for a CloudFront distribution), or add a condition that limits the callers.",
		FixCloudFormation: `BucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref Bucket
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Sid: AllowCloudFrontRead
          Effect: Allow
          Principal:
            Service: cloudfront.amazonaws.com
          Action: s3:GetObject
          Resource: !Sub "${Bucket.Arn}/*"
          Condition:
            StringEquals:
              AWS:SourceArn: !Sub "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}"`,
		FixTerraform: `resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowCloudFrontRead"
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.site.arn } }
    }]
  })
}`,
		ConfigRule: "S3_BUCKET_PUBLIC_READ_PROHIBITED",
		NIST:       []string{"AC-3", "AC-4", "AC-6", "AC-21", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::S3::BucketPolicy"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, s := range statements(r, "PolicyDocument") {
			if s.allows() && anyPrincipal(s) && !s.hasCondition() {
				out = append(out, viol(s.field("Principal"), "statement allows every principal without a condition"))
			}
		}
		return out
	},
}
