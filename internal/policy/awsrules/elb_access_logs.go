package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbAccessLogs flags Application and Network Load Balancers without
// access logs (off by default).
var elbAccessLogs = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-004",
		Title:    "Load balancer access logging is not enabled",
		Severity: rule.Medium,
		Rationale: "Access logs are the record of every request the load balancer received: client address, path, status, " +
			"TLS protocol and latency. Without them attacks and outages cannot be reconstructed.",
		Remediation: "Set the attributes access_logs.s3.enabled to true and access_logs.s3.bucket to a log bucket whose policy " +
			"lets Elastic Load Balancing write.",
		FixCloudFormation: `LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    LoadBalancerAttributes:
      - Key: access_logs.s3.enabled
        Value: "true"
      - Key: access_logs.s3.bucket
        Value: !Ref AccessLogBucket`,
		FixTerraform: `resource "aws_lb" "main" {
  access_logs {
    bucket  = aws_s3_bucket.access_logs.id
    enabled = true
  }
}`,
		ConfigRule: "ELB_LOGGING_ENABLED",
		NIST:       []string{"AU-2", "AU-3", "AU-12"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::LoadBalancer"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		switch loadBalancerType(r) {
		case "application", "network":
			return lbAttributeOff(r, "access_logs.s3.enabled", "access logs are off")
		}
		return nil
	},
}
