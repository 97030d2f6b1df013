package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudfrontOriginAccessControl is HOIST-CF-003: S3 origins must be read
// through an origin access control, not a public bucket or a legacy
// origin access identity.
func cloudfrontOriginAccessControl() rule.AWS {
	nist := controls([]string{"AC-3", "AC-6", "SC-7"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-003",
			Title:    "CloudFront S3 origin without origin access control",
			Severity: rule.Medium,
			Rationale: "Without an origin access control the bucket must be readable by CloudFront some other way: either public, " +
				"so visitors can bypass the distribution (and its TLS, WAF and logging), or through a legacy origin access identity, " +
				"which does not support SSE-KMS objects, all Regions or signed write requests.",
			Remediation: "Create an AWS::CloudFront::OriginAccessControl (S3, sigv4, always), set OriginAccessControlId on the origin, " +
				"leave S3OriginConfig.OriginAccessIdentity empty, and grant cloudfront.amazonaws.com read in the bucket policy conditioned on the distribution's ARN.",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Origins:
        - Id: site
          DomainName: !GetAtt SiteBucket.RegionalDomainName
          OriginAccessControlId: !GetAtt SiteOAC.Id
          S3OriginConfig:
            OriginAccessIdentity: ""
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  origin {
    origin_id                = "site"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
}
`,
			ConfigRule: "CLOUDFRONT_S3_ORIGIN_ACCESS_CONTROL_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			for _, o := range cfOrigins(r) {
				if !o.s3REST(c) || !emptyValue(o.m.Get("OriginAccessControlId")) {
					continue
				}
				if !emptyValue(lookupKnown(o.m, "S3OriginConfig.OriginAccessIdentity")) {
					out = append(out, viol(o.at("S3OriginConfig.OriginAccessIdentity"), "S3 origin uses a legacy origin access identity; use an origin access control"))
					continue
				}
				out = append(out, viol(o.path, "S3 origin has no origin access control: the bucket must be public for CloudFront to read it"))
			}
			return out
		},
	}
}
