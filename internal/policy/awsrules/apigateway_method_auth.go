package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayMethodAuth is HOIST-APIGW-001: REST API methods other than
// CORS preflight require authorization or an API key.
func apigatewayMethodAuth() rule.AWS {
	nist := controls([]string{"AC-3", "AC-14", "CM-2"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-001",
			Title:    "API Gateway REST method has no authorization",
			Severity: rule.Medium,
			Rationale: "A method with AuthorizationType NONE and no API key can be called by anyone who finds the URL. " +
				"That is right for a deliberately public API, which should then be suppressed with a reason; otherwise it is an open door.",
			Remediation: "Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with an AuthorizerId, or require an API key.",
			FixCloudFormation: `GetItems:
  Type: AWS::ApiGateway::Method
  Properties:
    HttpMethod: GET
    AuthorizationType: COGNITO_USER_POOLS
    AuthorizerId: !Ref UserPoolAuthorizer
`,
			FixTerraform: `resource "aws_api_gateway_method" "get_items" {
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.users.id
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::ApiGateway::Method"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isLiteral(prop(r, "HttpMethod"), "OPTIONS") || isTrue(prop(r, "ApiKeyRequired")) {
				return nil
			}
			v := prop(r, "AuthorizationType")
			if absent(v) {
				return one("", "method has no AuthorizationType (NONE) and requires no API key")
			}
			if isLiteral(v, "NONE") {
				return one("AuthorizationType", "AuthorizationType NONE without an API key lets anyone call the method")
			}
			return nil
		},
	}
}
