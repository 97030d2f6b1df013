package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// dynamodbKMS is HOIST-DDB-002: tables are encrypted with a KMS key
// (AWS managed aws/dynamodb or customer managed), not the AWS owned key.
func dynamodbKMS() rule.AWS {
	nist := controls(nistAtRest, []string{"SC-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-DDB-002",
			Title:    "DynamoDB table is encrypted with an AWS owned key",
			Severity: rule.Low,
			Rationale: "DynamoDB always encrypts tables, by default with a key AWS owns: no key policy governs it and no " +
				"CloudTrail event records its use. A KMS key makes decryption auditable and revocable.",
			Remediation: "Set SSESpecification.SSEEnabled to true (SSEType KMS), with KMSMasterKeyId for a customer managed key.",
			FixCloudFormation: `Table:
  Type: AWS::DynamoDB::Table
  Properties:
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
      KMSMasterKeyId: !Ref AppKey
`,
			FixTerraform: `resource "aws_dynamodb_table" "items" {
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.app.arn
  }
}
`,
			ConfigRule: "DYNAMODB_TABLE_ENCRYPTED_KMS",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "SSESpecification.SSEEnabled")
			if absent(v) {
				return one(pathOr(r, "SSESpecification", ""), "table is encrypted with an AWS owned key (SSESpecification.SSEEnabled is not set)")
			}
			if isFalse(v) {
				return one("SSESpecification.SSEEnabled", "SSEEnabled false encrypts with an AWS owned key")
			}
			return nil
		},
	}
}
