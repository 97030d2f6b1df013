package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// secretsManagerRotation is HOIST-SM-001: a secret has a rotation
// schedule (AWS::SecretsManager::RotationSchedule referring to it).
func secretsManagerRotation() rule.AWS {
	nist := controls([]string{"IA-5", "AC-2(1)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SM-001",
			Title:    "Secrets Manager secret is never rotated",
			Severity: rule.Medium,
			Rationale: "A secret that never changes stays usable by everyone who ever saw it, in a log, a laptop or a former " +
				"colleague's notes; rotation bounds how long a leaked value works.",
			Remediation: "Add an AWS::SecretsManager::RotationSchedule for the secret (a managed rotation for RDS, Redshift and " +
				"DocumentDB credentials, or a rotation Lambda). For third-party keys that cannot rotate automatically, rotate by hand and suppress with a reason.",
			FixCloudFormation: `DbSecretRotation:
  Type: AWS::SecretsManager::RotationSchedule
  Properties:
    SecretId: !Ref DbSecret
    HostedRotationLambda:
      RotationType: PostgreSQLSingleUser
    RotationRules:
      ScheduleExpression: rate(30 days)
`,
			FixTerraform: `resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}
`,
			ConfigRule: "SECRETSMANAGER_ROTATION_ENABLED_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::SecretsManager::Secret"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if referencedBy(c, r, "AWS::SecretsManager::RotationSchedule", "Terraform::aws_secretsmanager_secret_rotation") {
				return nil
			}
			return one("", "no rotation schedule refers to this secret")
		},
	}
}
