package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// iamTypes maps IAM roles, policies, users and instance profiles. An
// aws_iam_role_policy merges into its role's Policies and an
// aws_iam_role_policy_attachment into its ManagedPolicyArns, which is
// where CloudFormation (and Hoist's policy rules) read them.
func iamTypes() []typeMap {
	return []typeMap{
		{tf: "aws_iam_role", cfn: "AWS::IAM::Role", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn", "unique_id": "RoleId"},
			fields: []field{
				f("name", "RoleName"),
				f("description", "Description"),
				f("path", "Path"),
				f("max_session_duration", "MaxSessionDuration"),
				f("permissions_boundary", "PermissionsBoundary"),
				js("assume_role_policy", "AssumeRolePolicyDocument"),
				blks("inline_policy", "Policies", f("name", "PolicyName"), js("policy", "PolicyDocument")),
				fv("managed_policy_arns", "ManagedPolicyArns", nonEmpty),
				tags(),
			}},
		{tf: "aws_iam_policy", cfn: "AWS::IAM::ManagedPolicy", ref: []string{"arn", "id"},
			fields: []field{
				f("name", "ManagedPolicyName"),
				f("description", "Description"),
				f("path", "Path"),
				js("policy", "PolicyDocument"),
			}},
		{tf: "aws_iam_role_policy", cfn: "AWS::IAM::RolePolicy",
			fields: []field{
				f("name", "PolicyName"),
				js("policy", "PolicyDocument"),
				f("role", "RoleName"),
			},
			merge: &mergeSpec{attr: "role", targets: []string{"aws_iam_role"}, into: func(own, target *ir.Map) {
				p := &ir.Map{Loc: own.Loc}
				for _, k := range []string{"PolicyName", "PolicyDocument"} {
					if e, ok := own.Entry(k); ok {
						p.Entries = append(p.Entries, e)
					}
				}
				setPath(target, "Policies", &ir.List{Loc: own.Loc, Items: []ir.Value{p}}, own.Loc)
			}}},
		{tf: "aws_iam_role_policy_attachment",
			fields: []field{f("role", "Role"), f("policy_arn", "PolicyArn")},
			merge: &mergeSpec{attr: "role", targets: []string{"aws_iam_role"}, into: func(own, target *ir.Map) {
				if e, ok := own.Entry("PolicyArn"); ok {
					setPath(target, "ManagedPolicyArns", &ir.List{Loc: e.Loc, Items: []ir.Value{e.Value}}, e.Loc)
				}
			}}},
		{tf: "aws_iam_instance_profile", cfn: "AWS::IAM::InstanceProfile", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "InstanceProfileName"),
				f("path", "Path"),
				fv("role", "Roles", listOf),
			}},
		{tf: "aws_iam_user", cfn: "AWS::IAM::User", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "UserName"),
				f("path", "Path"),
				f("permissions_boundary", "PermissionsBoundary"),
				tags(),
			}},
	}
}
