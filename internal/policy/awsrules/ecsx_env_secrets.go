package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsxEnvSecrets flags ECS Express Mode services whose primary container
// passes a credential-looking variable as a literal environment value.
var ecsxEnvSecrets = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECSX-001",
		Title:    "ECS Express Mode service passes a secret in a plain environment variable",
		Severity: rule.High,
		Rationale: "PrimaryContainer.Environment values end up in the task definition ECS creates for the service, readable by " +
			"anyone who can describe it, and in the template's history.",
		Remediation: "Store the value in Secrets Manager or SSM Parameter Store and list it under PrimaryContainer.Secrets " +
			"(Name and ValueFrom); grant the execution role read access.",
		FixCloudFormation: `Service:
  Type: AWS::ECS::ExpressGatewayService
  Properties:
    PrimaryContainer:
      Image: !Ref Image
      Secrets:
        - Name: STRIPE_API_KEY
          ValueFrom: !Ref StripeKeySecret`,
		FixTerraform: `resource "aws_ecs_express_gateway_service" "web" {
  primary_container {
    image = var.image
    secret {
      name       = "STRIPE_API_KEY"
      value_from = aws_secretsmanager_secret.stripe.arn
    }
  }
}`,
		ConfigRule: "",
		NIST:       []string{"IA-5", "SC-28"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::ExpressGatewayService"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		return plainSecrets(r.Prop("PrimaryContainer.Environment"), "PrimaryContainer.Environment", "Name", "Value")
	},
}
