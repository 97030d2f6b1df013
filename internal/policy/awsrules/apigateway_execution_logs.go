package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// apigatewayExecutionLogs is HOIST-APIGW-007: REST API stages log
// execution (errors at least) for all methods.
func apigatewayExecutionLogs() rule.AWS {
	nist := controls(nistLogging)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-007",
			Title:    "API Gateway REST stage execution logging is off",
			Severity: rule.Medium,
			Rationale: "Execution logs show authorizer decisions, integration errors and throttling for each request; without " +
				"them failed and rejected calls leave no trace beyond a status code.",
			Remediation: "Add a MethodSettings entry for ResourcePath /* and HttpMethod * with LoggingLevel ERROR (or INFO), " +
				"and set the account's API Gateway CloudWatch role.",
			FixCloudFormation: `ProdStage:
  Type: AWS::ApiGateway::Stage
  Properties:
    MethodSettings:
      - ResourcePath: /*
        HttpMethod: "*"
        LoggingLevel: ERROR
        MetricsEnabled: true
`,
			FixTerraform: `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level   = "ERROR"
    metrics_enabled = true
  }
}
`,
			ConfigRule: "API_GW_EXECUTION_LOGGING_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ApiGateway::Stage"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			// Terraform sets method settings in their own resource.
			if referencedBy(c, r, "Terraform::aws_api_gateway_method_settings") {
				return nil
			}
			settings := prop(r, "MethodSettings")
			if !absent(settings) && !ir.IsLiteral(settings) {
				return nil
			}
			var out []rule.Violation
			logged := false
			for _, it := range mapItems(settings) {
				lvl := it.m.Get("LoggingLevel")
				switch {
				case isLiteral(lvl, "ERROR") || isLiteral(lvl, "INFO"):
					path, _ := literal(it.m.Get("ResourcePath"))
					method, _ := literal(it.m.Get("HttpMethod"))
					if path == "/*" && method == "*" {
						logged = true
					}
				case isLiteral(lvl, "OFF"):
					out = append(out, viol(join("MethodSettings", it.i, "LoggingLevel"), "LoggingLevel OFF turns execution logging off"))
				}
			}
			if logged || len(out) > 0 {
				return out
			}
			return one(pathOr(r, "MethodSettings", ""), "no MethodSettings entry logs all methods (/* and *) at ERROR or INFO")
		},
	}
}
