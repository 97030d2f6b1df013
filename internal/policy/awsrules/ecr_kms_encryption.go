package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecrKMSEncryption is HOIST-ECR-003: images are encrypted with a KMS key
// rather than ECR's default AES-256 key.
func ecrKMSEncryption() rule.AWS {
	nist := controls(nistAtRest, []string{"SC-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-ECR-003",
			Title:    "ECR repository is not encrypted with a KMS key",
			Severity: rule.Low,
			Rationale: "ECR always encrypts layers, by default with an AWS-owned AES-256 key that no key policy governs and " +
				"no CloudTrail event records; a KMS key puts decryption under your own access control and audit.",
			Remediation: "Set EncryptionConfiguration.EncryptionType to KMS (optionally with a customer managed KmsKey). " +
				"Encryption is fixed at creation, so the repository is replaced.",
			FixCloudFormation: `Repository:
  Type: AWS::ECR::Repository
  Properties:
    EncryptionConfiguration:
      EncryptionType: KMS
      KmsKey: !GetAtt AppKey.Arn
`,
			FixTerraform: `resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.app.arn
  }
}
`,
			ConfigRule: "ECR_REPOSITORY_CMK_ENCRYPTION_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ECR::Repository"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "EncryptionConfiguration.EncryptionType")
			if absent(v) {
				return one(pathOr(r, "EncryptionConfiguration", ""), "repository uses ECR's default AES-256 encryption, not a KMS key")
			}
			if isLiteral(v, "AES256") {
				return one("EncryptionConfiguration.EncryptionType", "EncryptionType AES256 uses an AWS-owned key, not a KMS key")
			}
			return nil
		},
	}
}
