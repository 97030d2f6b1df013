package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// appSecretsBlueprint creates the app's secret when any service or function
// lists secret names: one Secrets Manager secret per app (one secret costs
// the same as one per name would cost each), encrypted with the app key,
// named "<stack>/app-secrets" so the user can find it, and created empty:
// Hoist never holds a secret value. The user stores the values as one JSON
// object, a key per name:
//
//	aws secretsmanager put-secret-value --secret-id <stack>/app-secrets \
//	  --secret-string '{"STRIPE_KEY":"...","SESSION_SECRET":"..."}'
//
// For each consumer with secrets it registers access under the reserved key
// secretsAccessKey(consumer): read the secret, decrypt it with the app key,
// and inject each name from its JSON key.
type appSecretsBlueprint struct{}

func (appSecretsBlueprint) name() string { return "app secrets" }

// appSecretsID is the logical ID of the app's secret.
const appSecretsID = "AppSecrets"

// secretsAccessKey is the key of b.access under which a service's or
// function's declared secrets are registered. The colon keeps it apart from
// spec names, which cannot contain one.
func secretsAccessKey(consumer string) string { return "secrets:" + consumer }

func (appSecretsBlueprint) expand(b *builder) error {
	type consumer struct {
		name    string
		secrets []string
	}
	var consumers []consumer
	for _, s := range b.spec.Services {
		if len(s.Secrets) > 0 {
			consumers = append(consumers, consumer{s.Name, s.Secrets})
		}
	}
	for _, f := range b.spec.Functions {
		if len(f.Secrets) > 0 {
			consumers = append(consumers, consumer{f.Name, f.Secrets})
		}
	}
	if len(consumers) == 0 {
		return nil
	}
	r := b.add(appSecretsID, "AWS::SecretsManager::Secret", "secrets", ir.M(
		"Name", sub("${AWS::StackName}/app-secrets"),
		"Description", sub("${AWS::StackName}: secrets the app's services and functions read, one JSON key per name; set by the user, never by Hoist"),
		"KmsKeyId", getAtt(b.key, "Arn"),
	))
	r.Comment = "The app's secrets, created empty: store the values as one JSON object, a key per secret name."
	// Deleting the stack schedules the secret for deletion; Secrets Manager
	// keeps it restorable for 30 days. Retaining it instead would make a
	// new stack of the same name fail on the name.
	r.DeletionPolicy, r.UpdateReplacePolicy = "Delete", "Delete"
	for _, c := range consumers {
		a := &access{Statements: []Statement{
			{Actions: []string{"secretsmanager:GetSecretValue"}, Resources: []ir.Value{ref(appSecretsID)}},
			{Actions: []string{"kms:Decrypt"}, Resources: []ir.Value{getAtt(b.key, "Arn")}},
		}}
		for _, n := range c.secrets {
			a.Secrets = append(a.Secrets, NamedValue{n, secretKey(ref(appSecretsID), n)})
		}
		b.access[secretsAccessKey(c.name)] = a
	}
	b.output("AppSecretsArn", fmt.Sprintf("Secret holding the values of %s's declared secrets (one JSON key per name)", b.spec.Name), ref(appSecretsID))
	return nil
}
