package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbHTTPRedirect flags HTTP listeners whose default actions serve
// traffic instead of redirecting to HTTPS. A listener whose actions are
// all HTTPS redirects or fixed responses is fine.
var elbHTTPRedirect = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-001",
		Title:    "Load balancer HTTP listener does not redirect to HTTPS",
		Severity: rule.Medium,
		Rationale: "An HTTP listener that forwards to targets serves the application in clear text: sessions, credentials " +
			"and data can be read or altered on the way.",
		Remediation: "Make the HTTP listener's default action a redirect to HTTPS (port 443, StatusCode HTTP_301), and serve " +
			"the application from an HTTPS listener.",
		FixCloudFormation: `HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref LoadBalancer
    Protocol: HTTP
    Port: 80
    DefaultActions:
      - Type: redirect
        RedirectConfig:
          Protocol: HTTPS
          Port: "443"
          StatusCode: HTTP_301`,
		FixTerraform: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  protocol          = "HTTP"
  port              = 80
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
		ConfigRule: "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK",
		NIST:       []string{"AC-17(2)", "SC-8", "SC-8(1)", "SC-23"},
		FedRAMP:    []string{"moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::Listener"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		proto, ok := ir.AsString(r.Prop("Protocol"))
		if !ok || !strings.EqualFold(proto, "HTTP") {
			return nil
		}
		actions, ok := ir.AsList(r.Prop("DefaultActions"))
		if !ok {
			return nil
		}
		for _, a := range actions {
			typ, ok := ir.AsString(ir.Lookup(a, "Type"))
			if !ok {
				return nil
			}
			switch strings.ToLower(typ) {
			case "fixed-response":
				continue
			case "redirect":
				p, ok := ir.AsString(ir.Lookup(a, "RedirectConfig.Protocol"))
				if !ok && ir.Lookup(a, "RedirectConfig.Protocol") != nil {
					return nil
				}
				if strings.EqualFold(p, "HTTPS") {
					continue
				}
			}
			return []rule.Violation{viol("Protocol", "HTTP listener serves traffic (default action %s) instead of redirecting to HTTPS", typ)}
		}
		return nil
	},
}
