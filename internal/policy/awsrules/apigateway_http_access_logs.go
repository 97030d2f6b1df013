package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayHTTPAccessLogs is HOIST-APIGW-003: HTTP and WebSocket API
// stages write access logs.
func apigatewayHTTPAccessLogs() rule.AWS {
	nist := controls(nistLogging)
	return rule.AWS{
		Meta: rule.Meta{
			ID:          "HOIST-APIGW-003",
			Title:       "API Gateway HTTP or WebSocket stage has no access logging",
			Severity:    rule.Medium,
			Rationale:   "HTTP and WebSocket APIs have no execution logs; access logs are the only record of who called the API and what it answered.",
			Remediation: "Set AccessLogSettings.DestinationArn to a CloudWatch Logs group ARN and a JSON Format.",
			FixCloudFormation: `HttpApiStage:
  Type: AWS::ApiGatewayV2::Stage
  Properties:
    AccessLogSettings:
      DestinationArn: !GetAtt HttpApiLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
`,
			FixTerraform: `resource "aws_apigatewayv2_stage" "default" {
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.http_api.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
  }
}
`,
			ConfigRule: "API_GWV2_ACCESS_LOGS_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ApiGatewayV2::Stage"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if emptyValue(prop(r, "AccessLogSettings.DestinationArn")) {
				return one(pathOr(r, "AccessLogSettings", ""), "stage writes no access logs")
			}
			return nil
		},
	}
}
