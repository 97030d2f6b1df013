package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// iamTypes maps IAM roles, policies, users, groups and instance profiles.
// An aws_iam_role_policy merges into its role's Policies; the policy
// attachments of roles, users and groups merge into their
// ManagedPolicyArns, and group memberships into the user's Groups, which
// is where CloudFormation (and Hoist's policy rules) read them: it has no
// attachment resource. User and group inline policies are
// AWS::IAM::UserPolicy and AWS::IAM::GroupPolicy, as CloudFormation has
// them.
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
		attachment("aws_iam_role_policy_attachment", "role", "aws_iam_role"),
		attachment("aws_iam_user_policy_attachment", "user", "aws_iam_user"),
		attachment("aws_iam_group_policy_attachment", "group", "aws_iam_group"),
		{tf: "aws_iam_user_policy", cfn: "AWS::IAM::UserPolicy",
			fields: []field{
				f("name", "PolicyName"),
				js("policy", "PolicyDocument"),
				f("user", "UserName"),
			}},
		{tf: "aws_iam_group_policy", cfn: "AWS::IAM::GroupPolicy",
			fields: []field{
				f("name", "PolicyName"),
				js("policy", "PolicyDocument"),
				f("group", "GroupName"),
			}},
		{tf: "aws_iam_group", cfn: "AWS::IAM::Group", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "GroupName"),
				f("path", "Path"),
			}},
		// A user's memberships merge into its Groups; without the user in
		// the import they are kept as Terraform's.
		{tf: "aws_iam_user_group_membership",
			fields: []field{f("user", "UserName"), fv("groups", "Groups", nonEmpty)},
			merge:  &mergeSpec{attr: "user", targets: []string{"aws_iam_user"}, drop: []string{"UserName"}}},
		// A group's exclusive membership is CloudFormation's
		// UserToGroupAddition.
		{tf: "aws_iam_group_membership", cfn: "AWS::IAM::UserToGroupAddition",
			fields: []field{f("group", "GroupName"), f("users", "Users")}},
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

// attachment maps a managed policy attachment (aws_iam_role_policy_attachment
// and its user and group kin) that merges into attr's ManagedPolicyArns.
func attachment(tf, attr, target string) typeMap {
	return typeMap{tf: tf,
		fields: []field{f(attr, "Target"), f("policy_arn", "PolicyArn")},
		merge: &mergeSpec{attr: attr, targets: []string{target}, into: func(own, target *ir.Map) {
			if e, ok := own.Entry("PolicyArn"); ok {
				setPath(target, "ManagedPolicyArns", &ir.List{Loc: e.Loc, Items: []ir.Value{e.Value}}, e.Loc)
			}
		}}}
}
