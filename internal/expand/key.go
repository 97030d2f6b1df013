package expand

import "github.com/hoist-dev/hoist/internal/ir"

// keyBlueprint creates the app's customer-managed KMS key, with yearly
// rotation, used to encrypt log groups, queues and topics. Its policy gives
// the account's administrators control and lets CloudWatch Logs, SQS and SNS
// use it only on behalf of this account.
type keyBlueprint struct{}

func (keyBlueprint) name() string { return "kms key" }

func (keyBlueprint) expand(b *builder) error {
	b.key = "AppKey"
	policy := ir.M("Version", "2012-10-17", "Statement", ir.Values(
		ir.M(
			"Sid", "AccountAdministration",
			"Effect", "Allow",
			"Principal", ir.M("AWS", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
			"Action", "kms:*",
			"Resource", "*",
		),
		ir.M(
			"Sid", "CloudWatchLogs",
			"Effect", "Allow",
			"Principal", ir.M("Service", sub("logs.${AWS::Region}.amazonaws.com")),
			"Action", ir.Strings("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
			"Resource", "*",
			"Condition", ir.M("ArnLike", ir.M("kms:EncryptionContext:aws:logs:arn", sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*"))),
		),
		ir.M(
			"Sid", "MessagingServices",
			"Effect", "Allow",
			"Principal", ir.M("Service", ir.Strings("sns.amazonaws.com", "sqs.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com")),
			"Action", ir.Strings("kms:Decrypt", "kms:GenerateDataKey*"),
			"Resource", "*",
			"Condition", ir.M("StringEquals", ir.M("aws:SourceAccount", ref("AWS::AccountId"))),
		),
	))
	k := b.add(b.key, "AWS::KMS::Key", "hoist.yaml", ir.M(
		"Description", sub("${AWS::StackName}: encrypts logs, queues and topics"),
		"EnableKeyRotation", true,
		"KeyPolicy", policy,
	))
	k.Comment = "Customer-managed key, rotated yearly, for logs, queues and topics."
	k.DeletionPolicy, k.UpdateReplacePolicy = "Retain", "Retain"
	b.add("AppKeyAlias", "AWS::KMS::Alias", "hoist.yaml", ir.M(
		"AliasName", "alias/"+b.spec.Name,
		"TargetKeyId", ref(b.key),
	))
	return nil
}

// keyUse is the IAM statement a consumer needs to read and write data
// encrypted with the app key.
func (b *builder) keyUse() Statement {
	return Statement{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey"}, Resources: []ir.Value{getAtt(b.key, "Arn")}}
}

// logGroup adds an encrypted log group with a retention period and returns
// its logical ID.
func (b *builder) logGroup(id, origin string, name ir.Value) string {
	props := ir.M("RetentionInDays", logRetentionDays, "KmsKeyId", getAtt(b.key, "Arn"))
	if name != nil {
		props = ir.M("LogGroupName", name, "RetentionInDays", logRetentionDays, "KmsKeyId", getAtt(b.key, "Arn"))
	}
	r := b.add(id, "AWS::Logs::LogGroup", origin, props)
	r.DeletionPolicy, r.UpdateReplacePolicy = "Retain", "Retain"
	return id
}

// logRetentionDays keeps logs for a year: long enough for incident review
// and audit (NIST AU-11), short enough not to cost forever.
const logRetentionDays = 365
