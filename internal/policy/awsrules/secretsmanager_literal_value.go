package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// secretsManagerLiteralValue is HOIST-SM-003: a secret's value is never
// written in the template.
func secretsManagerLiteralValue() rule.AWS {
	nist := controls(nistSecrets)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SM-003",
			Title:    "Secret value is written in the template",
			Severity: rule.High,
			Rationale: "A literal SecretString is stored in the template, its repository history, the CloudFormation console " +
				"and every copy of the file: the secret is only as protected as the source code.",
			Remediation: "Remove SecretString: let Secrets Manager generate the value (GenerateSecretString), pass it in a NoEcho " +
				"parameter, or set it after deployment.",
			FixCloudFormation: `DbSecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    GenerateSecretString:
      SecretStringTemplate: '{"username":"app"}'
      GenerateStringKey: password
      ExcludePunctuation: true
`,
			FixTerraform: `resource "aws_secretsmanager_secret_version" "db" {
  secret_id                = aws_secretsmanager_secret.db.id
  secret_string_wo         = ephemeral.random_password.db.result
  secret_string_wo_version = 1
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::SecretsManager::Secret", "Terraform::aws_secretsmanager_secret_version"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			for _, key := range []string{"SecretString", "secret_string"} {
				s, ok := literal(prop(r, key))
				if ok && looksSecretValue(s) {
					return one(key, "the secret's value is a literal in the template")
				}
			}
			return nil
		},
	}
}
