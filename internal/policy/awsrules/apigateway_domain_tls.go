package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayDomainTLS is HOIST-APIGW-005: custom domains do not accept
// TLS 1.0.
func apigatewayDomainTLS() rule.AWS {
	nist := controls(nistTransit)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-005",
			Title:    "API Gateway custom domain accepts TLS 1.0",
			Severity: rule.Medium,
			Rationale: "The TLS_1_0 security policy accepts TLS 1.0 and 1.1 and their weak cipher suites, which are deprecated " +
				"(RFC 8996) and disallowed by NIST SP 800-52r2.",
			Remediation: "Set SecurityPolicy to TLS_1_2 (or a newer SecurityPolicy_TLS13_* policy).",
			FixCloudFormation: `ApiDomain:
  Type: AWS::ApiGateway::DomainName
  Properties:
    DomainName: api.example.com
    SecurityPolicy: TLS_1_2
`,
			FixTerraform: `resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  security_policy = "TLS_1_2"
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		// The Terraform importer keeps aws_api_gateway_domain_name under
		// its own type and attribute names.
		Types: []string{"AWS::ApiGateway::DomainName", "AWS::ApiGatewayV2::DomainName", "Terraform::aws_api_gateway_domain_name"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			for _, key := range []string{"SecurityPolicy", "security_policy"} {
				if isLiteral(prop(r, key), "TLS_1_0") {
					return one(key, "security policy TLS_1_0 accepts TLS 1.0 and 1.1")
				}
			}
			var out []rule.Violation
			for _, it := range mapItems(prop(r, "DomainNameConfigurations")) {
				if isLiteral(it.m.Get("SecurityPolicy"), "TLS_1_0") {
					out = append(out, viol(join("DomainNameConfigurations", it.i, "SecurityPolicy"), "SecurityPolicy TLS_1_0 accepts TLS 1.0 and 1.1"))
				}
			}
			return out
		},
	}
}
