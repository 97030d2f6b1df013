package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// lambdaTracing is HOIST-LAMBDA-003: functions send X-Ray traces.
func lambdaTracing() rule.AWS {
	nist := controls([]string{"CA-7", "AU-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-003",
			Title:    "Lambda function has no active X-Ray tracing",
			Severity: rule.Low,
			Rationale: "Without tracing, a slow or failing request cannot be followed across the function and the services it " +
				"calls; active tracing samples requests and records each downstream call.",
			Remediation: "Set TracingConfig.Mode to Active and allow xray:PutTraceSegments in the function's role.",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    TracingConfig:
      Mode: Active
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  tracing_config {
    mode = "Active"
  }
}
`,
			ConfigRule: "LAMBDA_FUNCTION_XRAY_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "TracingConfig.Mode")
			if absent(v) {
				return one(pathOr(r, "TracingConfig", ""), "function does not trace requests (TracingConfig.Mode defaults to PassThrough)")
			}
			if isLiteral(v, "PassThrough") {
				return one("TracingConfig.Mode", "TracingConfig.Mode PassThrough does not sample requests")
			}
			return nil
		},
	}
}
