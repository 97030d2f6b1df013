package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// kmsKeyRotation is HOIST-KMS-001: symmetric encryption keys with
// AWS-generated material rotate automatically.
func kmsKeyRotation() rule.AWS {
	nist := controls([]string{"SC-12", "SC-12(2)", "SC-28(3)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-KMS-001",
			Title:    "KMS key rotation is disabled",
			Severity: rule.Medium,
			Rationale: "Automatic rotation replaces a symmetric key's backing material every year (or the period you choose) while " +
				"keeping old material for decryption, limiting how much data one exposed key version protects.",
			Remediation: "Set EnableKeyRotation to true (optionally RotationPeriodInDays). Asymmetric, HMAC and imported-material keys cannot rotate automatically.",
			FixCloudFormation: `AppKey:
  Type: AWS::KMS::Key
  Properties:
    EnableKeyRotation: true
`,
			FixTerraform: `resource "aws_kms_key" "app" {
  enable_key_rotation = true
}
`,
			ConfigRule: "CMK_BACKING_KEY_ROTATION_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
			CIS:        []string{"3.6"},
		},
		Types: []string{"AWS::KMS::Key"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if spec := prop(r, "KeySpec"); !absent(spec) && !isLiteral(spec, "SYMMETRIC_DEFAULT") {
				return nil
			}
			if use := prop(r, "KeyUsage"); !absent(use) && !isLiteral(use, "ENCRYPT_DECRYPT") {
				return nil
			}
			if origin := prop(r, "Origin"); !absent(origin) && !isLiteral(origin, "AWS_KMS") {
				return nil
			}
			v := prop(r, "EnableKeyRotation")
			if absent(v) {
				return one("", "symmetric key without EnableKeyRotation: rotation is off by default")
			}
			if isFalse(v) {
				return one("EnableKeyRotation", "EnableKeyRotation is false")
			}
			return nil
		},
	}
}
