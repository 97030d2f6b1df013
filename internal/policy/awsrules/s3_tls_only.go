package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3TLSOnly flags buckets that no bucket policy closes to plain HTTP: S3
// answers http:// requests unless a policy denies them. The bucket's
// policies are the AWS::S3::BucketPolicy resources that name it; a
// policy whose document is not a literal is assumed to do the job.
var s3TLSOnly = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-002",
		Title:    "S3 bucket accepts requests over plain HTTP",
		Severity: rule.Medium,
		Rationale: "S3 serves both HTTP and HTTPS endpoints. Without a policy that denies requests where aws:SecureTransport " +
			"is false, a misconfigured client can send credentials-signed requests and data in clear text.",
		Remediation: "Attach a bucket policy with a Deny statement for every principal and s3:* on the bucket and its objects " +
			"when aws:SecureTransport is false.",
		FixCloudFormation: `BucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref Bucket
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: "*"
          Action: s3:*
          Resource:
            - !GetAtt Bucket.Arn
            - !Sub "${Bucket.Arn}/*"
          Condition:
            Bool:
              aws:SecureTransport: "false"`,
		FixTerraform: `resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
		ConfigRule: "S3_BUCKET_SSL_REQUESTS_ONLY",
		NIST:       []string{"AC-17(2)", "SC-8", "SC-8(1)"},
		FedRAMP:    []string{"moderate"},
		CIS:        []string{"2.1.1"},
	},
	Types: []string{"AWS::S3::Bucket"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		policies, unsure := bucketPolicies(c, r)
		if unsure {
			return nil
		}
		for _, p := range policies {
			sts := statements(p, "PolicyDocument")
			if len(sts) == 0 && p.Prop("PolicyDocument") != nil {
				return nil // not a literal document: cannot tell
			}
			for _, s := range sts {
				if deniesInsecureTransport(s) {
					return nil
				}
			}
		}
		return []rule.Violation{viol("", "no bucket policy denies requests without TLS (aws:SecureTransport false)")}
	},
}

// deniesInsecureTransport reports whether a statement denies requests
// made without TLS, or with a TLS version below 1.2.
func deniesInsecureTransport(s statement) bool {
	e, ok := ir.AsString(s.m.Get("Effect"))
	if !ok {
		return true // unresolved effect: cannot tell
	}
	if e != "Deny" {
		return false
	}
	cond, ok := s.m.Get("Condition").(*ir.Map)
	if !ok {
		return s.m.Get("Condition") != nil
	}
	for _, op := range cond.Entries {
		keys, ok := op.Value.(*ir.Map)
		if !ok {
			return true
		}
		for _, k := range keys.Entries {
			switch strings.ToLower(k.Key) {
			case "aws:securetransport":
				if boolProp(k.Value, unknown) != yes {
					return true
				}
			case "s3:tlsversion":
				return true
			}
		}
	}
	return false
}
