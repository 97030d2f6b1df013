package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// secretsFamily maps Secrets Manager secrets. GenerateSecretString has no
// provider equivalent on the secret itself: the password comes from the
// aws_secretsmanager_random_password data source and is stored by an
// aws_secretsmanager_secret_version that ignores later changes, so it is
// generated once, as CloudFormation does.
type secretsFamily struct{}

func (secretsFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::SecretsManager::Secret", tf: "aws_secretsmanager_secret", ref: "arn",
			attrs: map[string]attr{"Id": a("id")},
			conv:  secret},
	}
}

func secret(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_secretsmanager_secret", name)
	p.to(b, "Name", "name")
	p.to(b, "Description", "description")
	p.to(b, "KmsKeyId", "kms_key_id")
	p.tags(b, "Tags")
	if p.r.Properties.Get("SecretString") != nil {
		vb := c.resource("aws_secretsmanager_secret_version", name)
		vb.set("secret_id", trav("aws_secretsmanager_secret", name, "id"))
		p.to(vb, "SecretString", "secret_string")
	}
	gen := p.sub("GenerateSecretString")
	if gen != nil {
		db := c.data("aws_secretsmanager_random_password", name)
		for _, kv := range [][2]string{
			{"PasswordLength", "password_length"},
			{"ExcludeCharacters", "exclude_characters"},
			{"ExcludeLowercase", "exclude_lowercase"},
			{"ExcludeNumbers", "exclude_numbers"},
			{"ExcludePunctuation", "exclude_punctuation"},
			{"ExcludeUppercase", "exclude_uppercase"},
			{"IncludeSpace", "include_space"},
			{"RequireEachIncludedType", "require_each_included_type"},
		} {
			gen.to(db, kv[0], kv[1])
		}
		password := trav("data", "aws_secretsmanager_random_password", name, "random_password")
		vb := c.resource("aws_secretsmanager_secret_version", name)
		vb.set("secret_id", trav("aws_secretsmanager_secret", name, "id"))
		key, hasKey := "", gen.r.Properties.Get("GenerateStringKey") != nil
		if hasKey {
			key, hasKey = gen.str("GenerateStringKey")
		}
		tmplStr := gen.raw("SecretStringTemplate")
		switch {
		case !hasKey:
			vb.set("secret_string", password)
		case isEmptyJSON(tmplStr):
			vb.set("secret_string", eCall{"jsonencode", []expr{eObj{{key, password}}}})
		default:
			t, err := c.value(tmplStr)
			if err != nil {
				gen.fail("SecretStringTemplate", "%v", err)
			}
			merged := eCall{"merge", []expr{eCall{"jsondecode", []expr{t}}, eObj{{key, password}}}}
			vb.set("secret_string", eCall{"jsonencode", []expr{merged}})
		}
		vb.block("lifecycle").set("ignore_changes", eTuple{trav("secret_string")})
	}
	return p.done(gen)
}

func isEmptyJSON(v ir.Value) bool {
	s, ok := ir.AsString(v)
	return ok && (s == "{}" || s == "")
}
