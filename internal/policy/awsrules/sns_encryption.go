package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// snsEncryption is HOIST-SNS-001: topics encrypt messages at rest.
func snsEncryption() rule.AWS {
	nist := controls(nistAtRest)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SNS-001",
			Title:    "SNS topic is not encrypted at rest",
			Severity: rule.Medium,
			Rationale: "SNS stores messages until they are delivered; without KmsMasterKeyId they are kept unencrypted, and " +
				"notifications often carry order, user or alarm details.",
			Remediation: "Set KmsMasterKeyId to a KMS key whose policy lets the publishing services (and SNS) use it.",
			FixCloudFormation: `Topic:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: !GetAtt AppKey.Arn
`,
			FixTerraform: `resource "aws_sns_topic" "events" {
  name              = "events"
  kms_master_key_id = aws_kms_key.app.arn
}
`,
			ConfigRule: "SNS_ENCRYPTED_KMS",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::SNS::Topic"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if emptyValue(prop(r, "KmsMasterKeyId")) {
				return one(pathOr(r, "KmsMasterKeyId", ""), "topic stores messages unencrypted: no KmsMasterKeyId")
			}
			return nil
		},
	}
}
