package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamAdministratorAccess flags roles, users and groups with the AWS
// managed AdministratorAccess policy attached.
var iamAdministratorAccess = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-008",
		Title:    "AdministratorAccess managed policy is attached",
		Severity: rule.High,
		Rationale: "The AWS managed AdministratorAccess policy allows every action on every resource. Attached to a workload " +
			"role or user, any compromise of that identity is a compromise of the whole account.",
		Remediation: "Replace AdministratorAccess with a policy that lists the actions and resources the identity uses; keep " +
			"administrator access to break-glass human roles.",
		FixCloudFormation: `DeployRole:
  Type: AWS::IAM::Role
  Properties:
    ManagedPolicyArns:
      - !Ref DeployPolicy   # scoped customer managed policy, not AdministratorAccess`,
		FixTerraform: `resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy.arn # scoped, not AdministratorAccess
}`,
		ConfigRule: "IAM_POLICY_BLACKLISTED_CHECK",
		NIST:       []string{"AC-3", "AC-6"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"1.16"},
	},
	Types: []string{"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		l, ok := r.Prop("ManagedPolicyArns").(*ir.List)
		if !ok {
			return nil
		}
		for i, it := range l.Items {
			arn, ok := ir.AsString(it)
			if sub, isSub := it.(ir.Sub); isSub {
				arn, ok = sub.Format, true
			}
			if ok && strings.HasSuffix(arn, ":iam::aws:policy/AdministratorAccess") {
				return []rule.Violation{viol(join("ManagedPolicyArns", i), "the AWS managed AdministratorAccess policy is attached")}
			}
		}
		return nil
	},
}
