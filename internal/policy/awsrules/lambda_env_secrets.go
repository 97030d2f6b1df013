package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// lambdaEnvSecrets is HOIST-LAMBDA-005: credentials are not written into
// a function's environment variables.
func lambdaEnvSecrets() rule.AWS {
	nist := controls(nistSecrets)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-005",
			Title:    "Lambda environment variable holds a plaintext secret",
			Severity: rule.High,
			Rationale: "Environment variables are part of the function's configuration: anyone allowed lambda:GetFunctionConfiguration, " +
				"the template and its history see the value in clear text.",
			Remediation: "Keep the value in Secrets Manager or SSM Parameter Store, pass only its name or ARN in the variable, " +
				"and read it at start-up (the Parameters and Secrets Lambda extension caches it).",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    Environment:
      Variables:
        API_KEY_SECRET_ARN: !Ref ApiKeySecret
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  environment {
    variables = {
      API_KEY_SECRET_ARN = aws_secretsmanager_secret.api_key.arn
    }
  }
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			vars, ok := prop(r, "Environment.Variables").(*ir.Map)
			if !ok {
				return nil
			}
			var out []rule.Violation
			for _, e := range vars.Entries {
				if !looksSecretName(e.Key) {
					continue
				}
				if v, ok := literal(e.Value); ok && looksSecretValue(v) && !namesSecret(e.Key, v, vars.Keys()) {
					out = append(out, viol(join("Environment.Variables", e.Key), "environment variable %s holds a literal secret", e.Key))
				}
			}
			return out
		},
	}
}
