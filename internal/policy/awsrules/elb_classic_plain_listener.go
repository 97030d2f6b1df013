package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbClassicPlainListener flags Classic Load Balancer listeners that
// accept HTTP or plain TCP: a Classic Load Balancer cannot redirect, so
// such a listener serves clear text.
var elbClassicPlainListener = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-007",
		Title:    "Classic Load Balancer listener is not HTTPS or SSL",
		Severity: rule.Medium,
		Rationale: "Classic Load Balancer HTTP and TCP listeners carry traffic unencrypted and cannot redirect clients to " +
			"HTTPS. Classic Load Balancers also lack current TLS policies and WAF support.",
		Remediation: "Use HTTPS or SSL listeners with an ACM certificate, or better, migrate to an Application Load Balancer.",
		FixCloudFormation: `LegacyLoadBalancer:
  Type: AWS::ElasticLoadBalancing::LoadBalancer
  Properties:
    Listeners:
      - LoadBalancerPort: "443"
        Protocol: HTTPS
        InstancePort: "8080"
        InstanceProtocol: HTTP
        SSLCertificateId: !Ref Certificate`,
		FixTerraform: `resource "aws_elb" "legacy" {
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.main.arn
  }
}`,
		ConfigRule: "ELB_TLS_HTTPS_LISTENERS_ONLY",
		NIST:       []string{"SC-8", "SC-8(1)", "SC-23"},
		FedRAMP:    []string{"moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancing::LoadBalancer"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, l := range mapItems(r.Prop("Listeners")) {
			p, ok := ir.AsString(l.m.Get("Protocol"))
			if ok && (strings.EqualFold(p, "HTTP") || strings.EqualFold(p, "TCP")) {
				out = append(out, viol(join("Listeners", l.i, "Protocol"), "listener on port %v accepts unencrypted %s", ir.Plain(l.m.Get("LoadBalancerPort")), strings.ToUpper(p)))
			}
		}
		return out
	},
}
