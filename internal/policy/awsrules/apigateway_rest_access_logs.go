package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayRESTAccessLogs is HOIST-APIGW-002: REST API stages write
// access logs.
func apigatewayRESTAccessLogs() rule.AWS {
	nist := controls(nistLogging)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-002",
			Title:    "API Gateway REST stage has no access logging",
			Severity: rule.Medium,
			Rationale: "Access logs record who called which resource, from where, and the result; without them API abuse and " +
				"incidents cannot be investigated.",
			Remediation: "Set AccessLogSetting with a CloudWatch Logs group (or Firehose) ARN and a JSON Format including requestId, sourceIp, status and caller.",
			FixCloudFormation: `ProdStage:
  Type: AWS::ApiGateway::Stage
  Properties:
    AccessLogSetting:
      DestinationArn: !GetAtt ApiAccessLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
`,
			FixTerraform: `resource "aws_api_gateway_stage" "prod" {
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
  }
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::ApiGateway::Stage"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if emptyValue(prop(r, "AccessLogSetting.DestinationArn")) {
				return one(pathOr(r, "AccessLogSetting", ""), "stage writes no access logs")
			}
			return nil
		},
	}
}
