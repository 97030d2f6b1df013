package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// lambdaURLAuth is HOIST-LAMBDA-001: a function URL requires IAM auth.
func lambdaURLAuth() rule.AWS {
	nist := controls(nistPublic, []string{"AC-14"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-001",
			Title:    "Lambda function URL has no authentication",
			Severity: rule.High,
			Rationale: "A function URL with AuthType NONE is a public HTTPS endpoint: anyone on the internet can invoke the " +
				"function, with no throttling, WAF or API keys in front of it, and pay-per-invocation cost under their control.",
			Remediation: "Set AuthType to AWS_IAM and sign requests (or put CloudFront with origin access control in front); " +
				"expose public HTTP through API Gateway when it must be public.",
			FixCloudFormation: `FunctionUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: !GetAtt Function.Arn
    AuthType: AWS_IAM
`,
			FixTerraform: `resource "aws_lambda_function_url" "fn" {
  function_name      = aws_lambda_function.fn.function_name
  authorization_type = "AWS_IAM"
}
`,
			ConfigRule: "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Url"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isLiteral(prop(r, "AuthType"), "NONE") {
				return one("AuthType", "function URL with AuthType NONE lets anyone invoke the function")
			}
			return nil
		},
	}
}
