package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// appRunnerKMS flags App Runner services that do not encrypt with a
// customer managed KMS key (App Runner then uses an AWS owned key).
var appRunnerKMS = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-APPRUNNER-001",
		Title:    "App Runner service does not use a customer managed KMS key",
		Severity: rule.Low,
		Rationale: "App Runner encrypts the service's source copy and configuration with an AWS owned key by default. A " +
			"customer managed key puts use of that data under your key policy and CloudTrail, and lets you revoke it.",
		Remediation: "Set EncryptionConfiguration.KmsKey to a customer managed key with rotation enabled.",
		FixCloudFormation: `Service:
  Type: AWS::AppRunner::Service
  Properties:
    EncryptionConfiguration:
      KmsKey: !GetAtt AppKey.Arn`,
		FixTerraform: `resource "aws_apprunner_service" "web" {
  encryption_configuration {
    kms_key = aws_kms_key.app.arn
  }
}`,
		NIST:    []string{"SC-12", "SC-28"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::AppRunner::Service"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		ec := r.Prop("EncryptionConfiguration")
		if ec == nil {
			return []rule.Violation{viol("", "no EncryptionConfiguration: App Runner uses an AWS owned key")}
		}
		if m, ok := ec.(*ir.Map); ok && m.Get("KmsKey") == nil {
			return []rule.Violation{viol("EncryptionConfiguration", "EncryptionConfiguration names no KmsKey")}
		}
		return nil
	},
}
