package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsEnvSecrets flags container environment variables whose name says
// credential (PASSWORD, SECRET, TOKEN, API_KEY, ...) and whose value is
// a literal.
var ecsEnvSecrets = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-004",
		Title:    "ECS container passes a secret in a plain environment variable",
		Severity: rule.High,
		Rationale: "Environment values are stored in the task definition, visible to anyone who can describe it, copied into " +
			"every revision and into the template's history, and cannot be rotated without a new revision.",
		Remediation: "Store the value in Secrets Manager or SSM Parameter Store and reference it from the container's Secrets " +
			"list (Name and ValueFrom); grant the execution role read access to it.",
		FixCloudFormation: `ContainerDefinitions:
  - Name: web
    Image: !Ref Image
    Secrets:
      - Name: DATABASE_PASSWORD
        ValueFrom: !Ref DatabaseSecret`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{
    name    = "web"
    image   = var.image
    secrets = [{ name = "DATABASE_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
  }])
}`,
		ConfigRule: "ECS_NO_ENVIRONMENT_SECRETS",
		NIST:       []string{"IA-5", "SC-28"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, c := range containers(r) {
			out = append(out, plainSecrets(c.m.Get("Environment"), containerPath(c.i, "Environment"), "Name", "Value")...)
		}
		return out
	},
}
