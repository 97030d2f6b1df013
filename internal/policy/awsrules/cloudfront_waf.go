package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudfrontWAF is HOIST-CF-005: a distribution is protected by an AWS
// WAF web ACL.
func cloudfrontWAF() rule.AWS {
	nist := controls([]string{"SC-7", "SI-4", "AC-4(21)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-005",
			Title:    "CloudFront distribution has no AWS WAF web ACL",
			Severity: rule.Medium,
			Rationale: "A web ACL in front of the distribution filters common exploits, bad bots and floods before they reach " +
				"the origin; without one every request is passed through.",
			Remediation: "Create an AWS::WAFv2::WebACL with Scope CLOUDFRONT (in us-east-1) and set DistributionConfig.WebACLId to its ARN.",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      WebACLId: !GetAtt EdgeWebACL.Arn
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  web_acl_id = aws_wafv2_web_acl.edge.arn
}
`,
			ConfigRule: "CLOUDFRONT_ASSOCIATED_WITH_WAF",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "DistributionConfig.WebACLId")) {
				return nil
			}
			return one(pathOr(r, "DistributionConfig.WebACLId", ""), "distribution is not associated with an AWS WAF web ACL")
		},
	}
}
