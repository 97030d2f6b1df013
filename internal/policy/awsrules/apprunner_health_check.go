package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// appRunnerHealthCheck flags App Runner services whose health check only
// opens a TCP connection (the default).
var appRunnerHealthCheck = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-APPRUNNER-004",
		Title:    "App Runner service health check is TCP only",
		Severity: rule.Low,
		Rationale: "A TCP check passes as soon as the port accepts connections, even while the application returns errors or " +
			"cannot reach its database; App Runner then keeps routing traffic to broken instances and completes bad deployments.",
		Remediation: "Set HealthCheckConfiguration.Protocol to HTTP with a Path that checks the application's dependencies.",
		FixCloudFormation: `Service:
  Type: AWS::AppRunner::Service
  Properties:
    HealthCheckConfiguration:
      Protocol: HTTP
      Path: /healthz
      Interval: 10
      HealthyThreshold: 1
      UnhealthyThreshold: 3`,
		FixTerraform: `resource "aws_apprunner_service" "web" {
  health_check_configuration {
    protocol            = "HTTP"
    path                = "/healthz"
    interval            = 10
    healthy_threshold   = 1
    unhealthy_threshold = 3
  }
}`,
		NIST:    []string{"CP-10", "SI-4"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::AppRunner::Service"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		hc := r.Prop("HealthCheckConfiguration")
		if hc == nil {
			return []rule.Violation{viol("", "no HealthCheckConfiguration: App Runner checks only that the TCP port opens")}
		}
		p := ir.Lookup(hc, "Protocol")
		if p == nil {
			if _, ok := hc.(*ir.Map); ok {
				return []rule.Violation{viol("HealthCheckConfiguration", "health check protocol is unset, so TCP")}
			}
			return nil
		}
		if s, ok := ir.AsString(p); ok && strings.EqualFold(s, "TCP") {
			return []rule.Violation{viol("HealthCheckConfiguration.Protocol", "health check protocol is TCP")}
		}
		return nil
	},
}
