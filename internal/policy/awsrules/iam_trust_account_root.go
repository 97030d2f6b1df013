package awsrules

import (
	"regexp"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamTrustAccountRoot flags trust policies that name a literal AWS
// account (its root, or its bare ID) as principal with no condition:
// every identity that account's administrators allow may then assume
// the role. The stack's own account, written as ${AWS::AccountId}, is
// not a literal and is not flagged.
var iamTrustAccountRoot = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-005",
		Title:    "IAM role trusts a whole AWS account without a condition",
		Severity: rule.Medium,
		Rationale: "Trusting arn:aws:iam::<account>:root delegates the decision of who may assume the role to that account. " +
			"For a third party, a role without sts:ExternalId is open to the confused-deputy problem: any of the third party's " +
			"customers can point it at your role.",
		Remediation: "Trust the specific role ARN that needs access, and add a condition: sts:ExternalId for a vendor, " +
			"aws:PrincipalOrgID for your organization, or aws:MultiFactorAuthPresent for people.",
		FixCloudFormation: `AssumeRolePolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal:
        AWS: arn:aws:iam::111122223333:role/vendor-integration
      Action: sts:AssumeRole
      Condition:
        StringEquals:
          sts:ExternalId: 7f0c2a4e-example`,
		FixTerraform: `assume_role_policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = { AWS = "arn:aws:iam::111122223333:role/vendor-integration" }
    Action    = "sts:AssumeRole"
    Condition = { StringEquals = { "sts:ExternalId" = "7f0c2a4e-example" } }
  }]
})`,
		NIST:    []string{"AC-3", "AC-6"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::IAM::Role"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, s := range statements(r, "AssumeRolePolicyDocument") {
			if !s.allows() || s.hasCondition() {
				continue
			}
			for _, v := range principalValues(s)["AWS"] {
				str, ok := ir.AsString(v)
				if ok && accountRootRe.MatchString(str) {
					out = append(out, viol(s.field("Principal"), "trust policy delegates to every identity of account %s without a condition", str))
					break
				}
			}
		}
		return out
	},
}

var accountRootRe = regexp.MustCompile(`^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$`)
