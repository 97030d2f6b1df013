package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// logsFamily maps CloudWatch Logs.
type logsFamily struct{}

func (logsFamily) types() []typeMap {
	return []typeMap{
		// CloudFormation's log group Arn ends in ":*"; Terraform's arn
		// does not, so policies keep the suffix.
		{cfn: "AWS::Logs::LogGroup", tf: "aws_cloudwatch_log_group", ref: "name",
			attrs: map[string]attr{"Arn": {"arn", ":*"}},
			conv:  logGroup},
	}
}

func logGroup(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_cloudwatch_log_group", c.name(r.ID))
	p.to(b, "LogGroupName", "name")
	p.to(b, "RetentionInDays", "retention_in_days")
	p.to(b, "KmsKeyId", "kms_key_id")
	p.to(b, "LogGroupClass", "log_group_class")
	p.to(b, "DeletionProtectionEnabled", "deletion_protection_enabled")
	p.tags(b, "Tags")
	return p.done()
}
