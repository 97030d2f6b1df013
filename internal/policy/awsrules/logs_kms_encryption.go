package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// logsKMSEncryption is HOIST-LOGS-002: a log group is encrypted with a
// KMS key.
func logsKMSEncryption() rule.AWS {
	nist := controls(nistAtRest, []string{"AU-9"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LOGS-002",
			Title:    "CloudWatch log group is not encrypted with a KMS key",
			Severity: rule.Low,
			Rationale: "CloudWatch Logs encrypts log data with a service key by default, but only a KMS key lets a key policy " +
				"decide who can read the logs and records every decryption in CloudTrail; logs often carry request data and identifiers.",
			Remediation: "Set KmsKeyId to a KMS key whose policy allows logs.<region>.amazonaws.com to use it for this log group.",
			FixCloudFormation: `AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    RetentionInDays: 365
    KmsKeyId: !GetAtt AppKey.Arn
`,
			FixTerraform: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.app.arn
}
`,
			ConfigRule: "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Logs::LogGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if emptyValue(prop(r, "KmsKeyId")) {
				return one(pathOr(r, "KmsKeyId", ""), "log group is not encrypted with a KMS key")
			}
			return nil
		},
	}
}
