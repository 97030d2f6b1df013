package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// appRunnerEnvSecrets flags App Runner runtime environment variables
// whose name says credential and whose value is a literal, for image and
// code sources.
var appRunnerEnvSecrets = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-APPRUNNER-003",
		Title:    "App Runner service passes a secret in a plain environment variable",
		Severity: rule.High,
		Rationale: "RuntimeEnvironmentVariables are stored in the service configuration, shown in the console and to anyone " +
			"who can describe the service, and kept in the template's history.",
		Remediation: "Store the value in Secrets Manager or SSM Parameter Store and reference it from " +
			"RuntimeEnvironmentSecrets; give the instance role read access to it.",
		FixCloudFormation: `SourceConfiguration:
  ImageRepository:
    ImageConfiguration:
      RuntimeEnvironmentSecrets:
        - Name: DATABASE_PASSWORD
          Value: !Ref DatabaseSecret`,
		FixTerraform: `resource "aws_apprunner_service" "web" {
  source_configuration {
    image_repository {
      image_configuration {
        runtime_environment_secrets = {
          DATABASE_PASSWORD = aws_secretsmanager_secret.db.arn
        }
      }
    }
  }
}`,
		NIST:    []string{"IA-5", "SC-28"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::AppRunner::Service"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, p := range []string{
			"SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables",
			"SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues.RuntimeEnvironmentVariables",
		} {
			out = append(out, plainSecrets(r.Prop(p), p, "Name", "Value")...)
		}
		return out
	},
}
