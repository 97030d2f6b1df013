package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamUserPolicies flags permissions attached to IAM users directly:
// inline Policies or ManagedPolicyArns on a user, user policies, and
// policies whose Users list is not empty.
var iamUserPolicies = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-007",
		Title:    "IAM policy is attached directly to a user",
		Severity: rule.Low,
		Rationale: "Permissions attached user by user drift apart and are hard to review or revoke. Granting through groups " +
			"(or, better, roles assumed through IAM Identity Center) keeps one place that says who may do what.",
		Remediation: "Move the policy to a group (AWS::IAM::Group) and add the user to it, or replace the long-lived user with a role.",
		FixCloudFormation: `Developers:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - !Ref DeployPolicy
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups: [!Ref Developers]`,
		FixTerraform: `resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}`,
		ConfigRule: "IAM_USER_NO_POLICIES_CHECK",
		NIST:       []string{"AC-2", "AC-3", "AC-6"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"1.15"},
	},
	Types: []string{"AWS::IAM::User", "AWS::IAM::UserPolicy", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		nonEmpty := func(path string) bool {
			v := r.Prop(path)
			if v == nil {
				return false
			}
			if l, ok := v.(*ir.List); ok {
				return len(l.Items) > 0
			}
			return true
		}
		var out []rule.Violation
		switch r.Type {
		case "AWS::IAM::User":
			if nonEmpty("Policies") {
				out = append(out, viol("Policies", "user has inline policies"))
			}
			if nonEmpty("ManagedPolicyArns") {
				out = append(out, viol("ManagedPolicyArns", "user has managed policies attached directly"))
			}
		case "AWS::IAM::UserPolicy":
			out = append(out, viol("", "policy is attached directly to a user"))
		default:
			if nonEmpty("Users") {
				out = append(out, viol("Users", "policy is attached directly to users"))
			}
		}
		return out
	},
}
