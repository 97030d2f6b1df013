package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sqsEncryption is HOIST-SQS-001: queues encrypt messages at rest.
// Since 2022 new queues use SSE-SQS unless SqsManagedSseEnabled is
// false, so only an explicit opt-out without a KMS key is a finding.
func sqsEncryption() rule.AWS {
	nist := controls(nistAtRest)
	return rule.AWS{
		Meta: rule.Meta{
			ID:          "HOIST-SQS-001",
			Title:       "SQS queue stores messages unencrypted",
			Severity:    rule.High,
			Rationale:   "With SqsManagedSseEnabled false and no KmsMasterKeyId, messages (often personal or business data) are stored unencrypted until consumed.",
			Remediation: "Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId to a KMS key.",
			FixCloudFormation: `Queue:
  Type: AWS::SQS::Queue
  Properties:
    KmsMasterKeyId: !GetAtt AppKey.Arn
    KmsDataKeyReusePeriodSeconds: 300
`,
			FixTerraform: `resource "aws_sqs_queue" "jobs" {
  kms_master_key_id                 = aws_kms_key.app.arn
  kms_data_key_reuse_period_seconds = 300
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::SQS::Queue"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "KmsMasterKeyId")) || !isFalse(prop(r, "SqsManagedSseEnabled")) {
				return nil
			}
			return one("SqsManagedSseEnabled", "SqsManagedSseEnabled is false and no KmsMasterKeyId is set: messages are stored unencrypted")
		},
	}
}
