package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// kmsFamily maps KMS keys and aliases.
type kmsFamily struct{}

func (kmsFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::KMS::Key", tf: "aws_kms_key", ref: "key_id",
			attrs: map[string]attr{"Arn": a("arn"), "KeyId": a("key_id")},
			conv:  kmsKey},
		{cfn: "AWS::KMS::Alias", tf: "aws_kms_alias", ref: "name",
			conv: kmsAlias},
	}
}

func kmsKey(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_kms_key", c.name(r.ID))
	p.to(b, "Description", "description")
	p.to(b, "KeyUsage", "key_usage")
	p.to(b, "KeySpec", "customer_master_key_spec")
	p.to(b, "Enabled", "is_enabled")
	p.to(b, "EnableKeyRotation", "enable_key_rotation")
	p.to(b, "RotationPeriodInDays", "rotation_period_in_days")
	p.to(b, "PendingWindowInDays", "deletion_window_in_days")
	p.to(b, "MultiRegion", "multi_region")
	p.to(b, "BypassPolicyLockoutSafetyCheck", "bypass_policy_lockout_safety_check")
	p.json(b, "KeyPolicy", "policy")
	p.tags(b, "Tags")
	return p.done()
}

func kmsAlias(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_kms_alias", c.name(r.ID))
	p.to(b, "AliasName", "name")
	p.to(b, "TargetKeyId", "target_key_id")
	return p.done()
}
