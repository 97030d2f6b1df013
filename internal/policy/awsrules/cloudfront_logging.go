package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudfrontLogging is HOIST-CF-004: a distribution logs its requests,
// through legacy standard logging (Logging) or standard logging v2 (a
// CloudWatch Logs delivery source for the distribution).
func cloudfrontLogging() rule.AWS {
	nist := controls(nistLogging)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CF-004",
			Title:    "CloudFront access logging is off",
			Severity: rule.Medium,
			Rationale: "Access logs record every viewer request (time, client IP, path, status); without them there is nothing to " +
				"investigate abuse or an incident with.",
			Remediation: "Add DistributionConfig.Logging with a log bucket, or deliver standard logs v2 with an " +
				"AWS::Logs::DeliverySource whose ResourceArn is the distribution.",
			FixCloudFormation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Logging:
        Bucket: !GetAtt LogBucket.DomainName
        Prefix: cloudfront/
`,
			FixTerraform: `resource "aws_cloudfront_distribution" "site" {
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
    prefix = "cloudfront/"
  }
}
`,
			ConfigRule: "CLOUDFRONT_ACCESSLOGS_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudFront::Distribution"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "DistributionConfig.Logging.Bucket")) {
				return nil
			}
			if referencedBy(c, r, "AWS::Logs::DeliverySource", "Terraform::aws_cloudwatch_log_delivery_source") {
				return nil
			}
			return one(pathOr(r, "DistributionConfig.Logging", ""), "distribution has no access logging")
		},
	}
}
