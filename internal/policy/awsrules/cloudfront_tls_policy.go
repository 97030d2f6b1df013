package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// modernCloudFrontPolicies are the viewer security policies at or above
// TLSv1.2_2021 (TLS 1.2+, forward-secret AEAD ciphers only).
var modernCloudFrontPolicies = []string{"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

// cloudfrontTLSPolicy is HOIST-CF-002: a distribution with its own
// certificate must not accept TLS older than 1.2 or weak cipher suites.
func cloudfrontTLSPolicy() rule.AWS {
	nist := controls(nistTransit)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-002",
			Title:    "CloudFront viewer TLS policy is older than TLSv1.2_2021",
			Severity: rule.Medium,
			Rationale: "With a custom certificate CloudFront negotiates whatever MinimumProtocolVersion allows; TLSv1, TLSv1.1 " +
				"and the older TLSv1.2 policies admit deprecated protocols or CBC cipher suites. Without the property CloudFront uses TLSv1.",
			Remediation: "Set ViewerCertificate.MinimumProtocolVersion to TLSv1.2_2021 or newer (and SslSupportMethod to sni-only).",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      ViewerCertificate:
        AcmCertificateArn: !Ref Certificate
        SslSupportMethod: sni-only
        MinimumProtocolVersion: TLSv1.2_2021
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.site.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`,
			ConfigRule: "CLOUDFRONT_SECURITY_POLICY_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			const vc = "DistributionConfig.ViewerCertificate"
			if absent(prop(r, vc+".AcmCertificateArn")) && absent(prop(r, vc+".IamCertificateId")) {
				// CloudFront's default certificate: the policy cannot be chosen.
				return nil
			}
			v := prop(r, vc+".MinimumProtocolVersion")
			if absent(v) {
				return one(vc, "custom certificate without MinimumProtocolVersion: CloudFront accepts TLSv1")
			}
			s, ok := literal(v)
			if !ok || contains(modernCloudFrontPolicies, s) {
				return nil
			}
			return one(vc+".MinimumProtocolVersion", "MinimumProtocolVersion %s is older than TLSv1.2_2021", s)
		},
	}
}
