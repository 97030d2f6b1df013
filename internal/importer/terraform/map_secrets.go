package terraform

import (
	"encoding/json"

	"github.com/hoist-dev/hoist/internal/ir"
)

// secretsTypes maps Secrets Manager secrets, their rotation and resource
// policies, and SSM parameters. A secret version merges into its secret:
// its secret_string becomes SecretString, or GenerateSecretString when it
// is (or holds under one JSON key) a password from the
// aws_secretsmanager_random_password data source, as CloudFormation
// generates it.
func secretsTypes() []typeMap {
	return []typeMap{
		{tf: "aws_secretsmanager_secret", cfn: "AWS::SecretsManager::Secret", ref: []string{"arn", "id"},
			fields: []field{
				f("name", "Name"),
				f("description", "Description"),
				f("kms_key_id", "KmsKeyId"),
				tags(),
			}},
		{tf: "aws_secretsmanager_secret_version",
			fields: []field{f("secret_id", "SecretId"), f("secret_string", "SecretString")},
			merge:  &mergeSpec{attr: "secret_id", targets: []string{"aws_secretsmanager_secret"}, into: secretVersion}},
		{tf: "aws_secretsmanager_secret_rotation", cfn: "AWS::SecretsManager::RotationSchedule", ref: []string{"id"},
			fields: []field{
				f("secret_id", "SecretId"),
				f("rotation_lambda_arn", "RotationLambdaARN"),
				f("rotate_immediately", "RotateImmediatelyOnUpdate"),
				blk("rotation_rules", "RotationRules",
					f("automatically_after_days", "AutomaticallyAfterDays"),
					f("duration", "Duration"),
					f("schedule_expression", "ScheduleExpression")),
			}},
		{tf: "aws_secretsmanager_secret_policy", cfn: "AWS::SecretsManager::ResourcePolicy", ref: []string{"id"},
			fields: []field{
				f("secret_arn", "SecretId"),
				js("policy", "ResourcePolicy"),
				f("block_public_policy", "BlockPublicPolicy"),
			}},
		{tf: "aws_ssm_parameter", cfn: "AWS::SSM::Parameter", ref: []string{"name", "id"},
			fields: []field{
				f("name", "Name"),
				f("type", "Type"),
				f("value", "Value"),
				f("description", "Description"),
				f("tier", "Tier"),
				f("data_type", "DataType"),
				f("allowed_pattern", "AllowedPattern"),
				field{tf: "tags", cfn: "Tags"},
			}},
	}
}

// generated is the marker Call a random password data source evaluates
// to; its Args are the GenerateSecretString settings.
const generated = "GenerateSecretString"

func secretVersion(own, target *ir.Map) {
	e, ok := own.Entry("SecretString")
	if !ok {
		return
	}
	if c, isCall := e.Value.(ir.Call); isCall && c.Fn == generated {
		setEntry(target, "GenerateSecretString", c.Args, e.Loc)
		return
	}
	doc, isMap := jsonDoc(e.Value).(*ir.Map)
	if isMap {
		var key string
		var gen ir.Value
		rest := map[string]any{}
		literal := true
		for _, en := range doc.Entries {
			if c, isCall := en.Value.(ir.Call); isCall && c.Fn == generated && gen == nil {
				key, gen = en.Key, c.Args
				continue
			}
			if !ir.IsLiteral(en.Value) {
				literal = false
			}
			rest[en.Key] = ir.Plain(en.Value)
		}
		if gen != nil && literal {
			g := &ir.Map{Loc: e.Loc}
			if m, ok := gen.(*ir.Map); ok {
				g.Entries = append(g.Entries, m.Entries...)
			}
			tmpl, _ := json.Marshal(rest)
			setEntry(g, "SecretStringTemplate", ir.String(tmpl), e.Loc)
			setEntry(g, "GenerateStringKey", ir.String(key), e.Loc)
			setEntry(target, "GenerateSecretString", g, e.Loc)
			return
		}
	}
	setEntry(target, "SecretString", e.Value, e.Loc)
}
