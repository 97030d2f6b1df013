package terraform

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// iamFamily maps IAM roles and managed policies. Inline Policies become
// aws_iam_role_policy resources and ManagedPolicyArns become
// aws_iam_role_policy_attachment resources: the provider deprecates the
// inline forms on aws_iam_role.
type iamFamily struct{}

func (iamFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::IAM::Role", tf: "aws_iam_role", ref: "name",
			attrs: map[string]attr{"Arn": a("arn"), "RoleId": a("unique_id")},
			conv:  iamRole},
		{cfn: "AWS::IAM::ManagedPolicy", tf: "aws_iam_policy", ref: "arn",
			attrs: map[string]attr{"PolicyArn": a("arn")},
			conv:  iamManagedPolicy},
	}
}

func iamRole(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_iam_role", name)
	p.to(b, "RoleName", "name")
	p.to(b, "Description", "description")
	p.to(b, "Path", "path")
	p.to(b, "MaxSessionDuration", "max_session_duration")
	p.to(b, "PermissionsBoundary", "permissions_boundary")
	p.json(b, "AssumeRolePolicyDocument", "assume_role_policy")
	p.tags(b, "Tags")
	role := trav("aws_iam_role", name, "id")
	var nested []*props
	policies := p.list("Policies")
	for i, pol := range policies {
		nested = append(nested, pol)
		pb := c.resource("aws_iam_role_policy", policyName(name, pol, i, len(policies)))
		pol.to(pb, "PolicyName", "name")
		pb.set("role", role)
		pol.json(pb, "PolicyDocument", "policy")
	}
	if v := p.raw("ManagedPolicyArns"); v != nil {
		arns, ok := ir.AsList(v)
		if !ok {
			p.fail("ManagedPolicyArns", "want a list")
		}
		for i, arn := range arns {
			e, err := c.value(arn)
			if err != nil {
				p.fail("ManagedPolicyArns", "%d: %v", i, err)
				continue
			}
			ab := c.resource("aws_iam_role_policy_attachment", fmt.Sprintf("%s_managed_%d", name, i+1))
			ab.set("role", role)
			ab.set("policy_arn", e)
		}
	}
	return p.done(nested...)
}

// policyName names an inline policy's resource after the role and the
// policy's literal name: role "build" with policy "logs" is build_logs.
func policyName(role string, pol *props, i, n int) string {
	if s, ok := ir.AsString(pol.r.Properties.Get("PolicyName")); ok && snake(s) != "" && s != "" {
		return role + "_" + snake(s)
	}
	if n == 1 {
		return role + "_policy"
	}
	return fmt.Sprintf("%s_policy_%d", role, i+1)
}

func iamManagedPolicy(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_iam_policy", name)
	p.to(b, "ManagedPolicyName", "name")
	p.to(b, "Description", "description")
	p.to(b, "Path", "path")
	p.json(b, "PolicyDocument", "policy")
	attach := func(key, tfType, arg string) {
		v := p.raw(key)
		if v == nil {
			return
		}
		items, ok := ir.AsList(v)
		if !ok {
			p.fail(key, "want a list")
			return
		}
		for i, it := range items {
			e, err := c.value(it)
			if err != nil {
				p.fail(key, "%d: %v", i, err)
				continue
			}
			ab := c.resource(tfType, fmt.Sprintf("%s_%s_%d", name, arg, i+1))
			ab.set(arg, e)
			ab.set("policy_arn", trav("aws_iam_policy", name, "arn"))
		}
	}
	attach("Roles", "aws_iam_role_policy_attachment", "role")
	attach("Users", "aws_iam_user_policy_attachment", "user")
	attach("Groups", "aws_iam_group_policy_attachment", "group")
	return p.done()
}
