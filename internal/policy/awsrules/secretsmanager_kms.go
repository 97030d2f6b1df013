package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// secretsManagerKMS is HOIST-SM-002: a secret is encrypted with a
// customer managed key, not aws/secretsmanager.
func secretsManagerKMS() rule.AWS {
	nist := controls(nistAtRest, []string{"SC-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SM-002",
			Title:    "Secrets Manager secret uses the AWS managed key",
			Severity: rule.Low,
			Rationale: "Secrets are always encrypted, by default with the aws/secretsmanager key, whose policy lets any " +
				"principal in the account that may read the secret decrypt it and which cannot be shared across accounts; " +
				"a customer managed key adds a second, separately governed permission.",
			Remediation: "Set KmsKeyId to a customer managed KMS key and grant kms:Decrypt only to the roles that read the secret.",
			FixCloudFormation: `AppSecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    KmsKeyId: !GetAtt AppKey.Arn
`,
			FixTerraform: `resource "aws_secretsmanager_secret" "app" {
  name       = "app"
  kms_key_id = aws_kms_key.app.arn
}
`,
			ConfigRule: "SECRETSMANAGER_USING_CMK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::SecretsManager::Secret"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "KmsKeyId")
			if emptyValue(v) {
				return one(pathOr(r, "KmsKeyId", ""), "secret is encrypted with the AWS managed key aws/secretsmanager")
			}
			if s, ok := literal(v); ok && strings.HasSuffix(s, "alias/aws/secretsmanager") {
				return one("KmsKeyId", "KmsKeyId names the AWS managed key aws/secretsmanager")
			}
			return nil
		},
	}
}
