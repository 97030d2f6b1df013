package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudfrontDefaultRootObject is HOIST-CF-006: a distribution with an S3
// origin names the object served for the root URL.
func cloudfrontDefaultRootObject() rule.AWS {
	nist := controls([]string{"AC-3", "SC-7", "SC-7(11)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-006",
			Title:    "CloudFront S3 distribution has no default root object",
			Severity: rule.Medium,
			Rationale: "A request for the root URL of an S3-backed distribution without a default root object is forwarded as a " +
				"request for the bucket itself; if the origin may list the bucket, the listing of every key is returned.",
			Remediation: "Set DistributionConfig.DefaultRootObject (index.html for a static site).",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      DefaultRootObject: index.html
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  default_root_object = "index.html"
}
`,
			ConfigRule: "CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "DistributionConfig.DefaultRootObject")) {
				return nil
			}
			for _, o := range cfOrigins(r) {
				if o.s3REST(c) {
					return one(pathOr(r, "DistributionConfig.DefaultRootObject", ""), "distribution with an S3 origin has no default root object")
				}
			}
			return nil
		},
	}
}
