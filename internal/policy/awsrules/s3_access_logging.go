package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// s3AccessLogging flags buckets without server access logging. A bucket
// that is itself a log destination (another bucket logs to it, or its
// policy lets a logging service write) is exempt: logging it would log
// its own log deliveries.
var s3AccessLogging = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-S3-006",
		Title:    "S3 bucket server access logging is not enabled",
		Severity: rule.Low,
		Rationale: "Server access logs record every request to the bucket, who made it and from where. Without them an " +
			"investigation cannot tell which objects were read or changed.",
		Remediation: "Set LoggingConfiguration with a DestinationBucketName of a dedicated log bucket (and a LogFilePrefix).",
		FixCloudFormation: `Bucket:
  Type: AWS::S3::Bucket
  Properties:
    LoggingConfiguration:
      DestinationBucketName: !Ref AccessLogBucket
      LogFilePrefix: data/`,
		FixTerraform: `resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}`,
		ConfigRule: "S3_BUCKET_LOGGING_ENABLED",
		NIST:       []string{"AU-2", "AU-3", "AU-12"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::S3::Bucket"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if r.Prop("LoggingConfiguration") != nil || isLogDestination(c, r) {
			return nil
		}
		return []rule.Violation{viol("", "server access logging is not configured")}
	},
}

// logServices are the service principals that deliver logs into buckets.
var logServices = []string{"logging.s3.amazonaws.com", "delivery.logs.amazonaws.com", "logdelivery.elasticloadbalancing.amazonaws.com", "cloudtrail.amazonaws.com"}

// isLogDestination reports whether bucket r receives logs: another bucket
// names it in LoggingConfiguration, its ACL is LogDeliveryWrite, or one of
// its policies allows a log delivery service (or, for ELB access logs, an
// Elastic Load Balancing account) to write.
func isLogDestination(c *rule.Context, r *ir.Resource) bool {
	if acl, _ := ir.AsString(r.Prop("AccessControl")); strings.EqualFold(acl, "LogDeliveryWrite") {
		return true
	}
	for _, b := range c.Referencing(r.ID, "AWS::S3::Bucket") {
		if c.Target(b.Prop("LoggingConfiguration.DestinationBucketName")) == r {
			return true
		}
	}
	for _, ref := range c.Referencing(r.ID, "") {
		switch ref.Type {
		case "AWS::CloudTrail::Trail", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::CloudFront::Distribution", "AWS::EC2::FlowLog":
			return true
		}
	}
	policies, _ := bucketPolicies(c, r)
	for _, p := range policies {
		for _, s := range statements(p, "PolicyDocument") {
			if !s.allows() {
				continue
			}
			for kind, vals := range principalValues(s) {
				for _, v := range vals {
					str, ok := ir.AsString(v)
					if !ok {
						if sub, isSub := v.(ir.Sub); isSub {
							str = sub.Format
						}
					}
					if kind == "Service" && contains(logServices, str) {
						return true
					}
					if kind == "AWS" && strings.Contains(str, "elasticloadbalancing") {
						return true
					}
				}
			}
		}
	}
	return false
}
