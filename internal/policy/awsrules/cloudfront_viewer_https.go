package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudfrontViewerHTTPS is HOIST-CF-001: every cache behavior must make
// viewers use HTTPS (redirect-to-https or https-only).
func cloudfrontViewerHTTPS() rule.AWS {
	nist := controls(nistTransit)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-001",
			Title:    "CloudFront lets viewers use plain HTTP",
			Severity: rule.Medium,
			Rationale: "A cache behavior with ViewerProtocolPolicy allow-all serves content over unencrypted HTTP, " +
				"so anyone on the network path can read or alter pages, cookies and tokens.",
			Remediation: "Set ViewerProtocolPolicy to redirect-to-https (or https-only) on the default cache behavior and on every cache behavior.",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      DefaultCacheBehavior:
        ViewerProtocolPolicy: redirect-to-https
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
  }
}
`,
			ConfigRule: "CLOUDFRONT_VIEWER_POLICY_HTTPS",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			check := func(path string) {
				if isLiteral(prop(r, path), "allow-all") {
					out = append(out, viol(path, "ViewerProtocolPolicy allow-all serves viewers over plain HTTP"))
				}
			}
			check("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy")
			for _, it := range mapItems(prop(r, "DistributionConfig.CacheBehaviors")) {
				check(join("DistributionConfig.CacheBehaviors", it.i, "ViewerProtocolPolicy"))
			}
			return out
		},
	}
}
