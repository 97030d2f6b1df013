package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayRouteAuth is HOIST-APIGW-004: HTTP API routes (and WebSocket
// $connect routes) name an authorization type.
func apigatewayRouteAuth() rule.AWS {
	nist := controls([]string{"AC-3", "AC-14", "CM-2"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-004",
			Title:    "API Gateway route has no authorization",
			Severity: rule.Medium,
			Rationale: "A route with AuthorizationType NONE (the default) can be called by anyone who knows the URL. " +
				"Deliberately public endpoints should be suppressed with a reason; everything else needs an authorizer.",
			Remediation: "Set AuthorizationType to JWT, AWS_IAM or CUSTOM with an AuthorizerId.",
			FixCloudFormation: `ItemsRoute:
  Type: AWS::ApiGatewayV2::Route
  Properties:
    RouteKey: GET /items
    AuthorizationType: JWT
    AuthorizerId: !Ref JwtAuthorizer
`,
			FixTerraform: `resource "aws_apigatewayv2_route" "items" {
  route_key          = "GET /items"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
}
`,
			ConfigRule: "API_GWV2_AUTHORIZATION_TYPE_CONFIGURED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ApiGatewayV2::Route"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			key, _ := literal(prop(r, "RouteKey"))
			if strings.HasPrefix(strings.ToUpper(key), "OPTIONS ") {
				return nil
			}
			// WebSocket APIs authorize on $connect only.
			if api := c.Target(prop(r, "ApiId")); api != nil && isLiteral(prop(api, "ProtocolType"), "WEBSOCKET") && key != "$connect" {
				return nil
			}
			v := prop(r, "AuthorizationType")
			if absent(v) {
				return one("", "route %s has no AuthorizationType (NONE)", key)
			}
			if isLiteral(v, "NONE") {
				return one("AuthorizationType", "route %s has AuthorizationType NONE", key)
			}
			return nil
		},
	}
}
