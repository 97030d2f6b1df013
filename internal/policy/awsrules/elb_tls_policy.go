package awsrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// modernTLSPolicyRe matches the predefined ELB security policies whose
// lowest protocol is TLS 1.2 or 1.3 (TLS13-1-2-*, TLS13-1-3-*,
// TLS-1-2-*, FS-1-2-*, and their FIPS and post-quantum variants).
var modernTLSPolicyRe = regexp.MustCompile(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`)

// elbTLSPolicy flags HTTPS and TLS listeners with a security policy that
// still accepts TLS 1.0 or 1.1, including no policy at all:
// CloudFormation, the CLI and Terraform then get ELBSecurityPolicy-2016-08.
var elbTLSPolicy = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-002",
		Title:    "Load balancer listener allows TLS 1.0 or 1.1",
		Severity: rule.Medium,
		Rationale: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and their cipher suites are weak; FedRAMP and NIST SP 800-52 " +
			"require TLS 1.2 or later. The default policy for listeners created outside the console, ELBSecurityPolicy-2016-08, " +
			"still accepts them.",
		Remediation: "Set SslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a newer TLS13-1-2 policy; a FIPS variant for FedRAMP).",
		FixCloudFormation: `HttpsListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    Protocol: HTTPS
    Port: 443
    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
    Certificates:
      - CertificateArn: !Ref Certificate`,
		FixTerraform: `resource "aws_lb_listener" "https" {
  protocol        = "HTTPS"
  port            = 443
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn = aws_acm_certificate.main.arn
}`,
		ConfigRule: "ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK",
		NIST:       []string{"SC-8", "SC-8(1)", "SC-13"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::Listener"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		proto, ok := ir.AsString(r.Prop("Protocol"))
		if !ok || (!strings.EqualFold(proto, "HTTPS") && !strings.EqualFold(proto, "TLS")) {
			return nil
		}
		v := r.Prop("SslPolicy")
		if v == nil {
			return []rule.Violation{viol("Protocol", "no SslPolicy: the listener gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1")}
		}
		p, ok := ir.AsString(v)
		if !ok || modernTLSPolicyRe.MatchString(p) {
			return nil
		}
		return []rule.Violation{viol("SslPolicy", "security policy %s accepts protocols older than TLS 1.2", p)}
	},
}
