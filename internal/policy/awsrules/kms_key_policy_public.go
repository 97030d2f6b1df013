package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// kmsKeyPolicyPublic is HOIST-KMS-002: a key policy does not grant any
// AWS principal (Principal "*") without a condition pinning the caller.
func kmsKeyPolicyPublic() rule.AWS {
	nist := controls([]string{"AC-3", "AC-6", "SC-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-KMS-002",
			Title:    "KMS key policy allows any principal",
			Severity: rule.High,
			Rationale: "A key policy statement with Principal \"*\" and no condition on account, organization or service lets " +
				"every AWS account use the key; with kms:* anyone can decrypt your data, change the policy or schedule the key for deletion.",
			Remediation: "Grant the account root (arn:aws:iam::ACCOUNT:root) and named roles or services instead of \"*\", or add " +
				"a condition such as kms:CallerAccount, aws:PrincipalOrgID or kms:ViaService.",
			FixCloudFormation: `AppKey:
  Type: AWS::KMS::Key
  Properties:
    KeyPolicy:
      Version: "2012-10-17"
      Statement:
        - Sid: AccountAdministration
          Effect: Allow
          Principal:
            AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root
          Action: kms:*
          Resource: "*"
`,
			FixTerraform: `resource "aws_kms_key" "app" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::KMS::Key", "AWS::KMS::ReplicaKey"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			for _, s := range publicStatements(r, "KeyPolicy") {
				acts := s.actions()
				what := strings.Join(acts, ", ")
				if what == "" {
					what = "actions"
				}
				out = append(out, viol(principalPath(s), "key policy allows %s to any AWS principal without a restricting condition", what))
			}
			return out
		},
	}
}
