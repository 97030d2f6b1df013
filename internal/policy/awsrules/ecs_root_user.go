package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsRootUser flags Linux containers that run as root: User unset (the
// image's USER applies, root for most base images) or set to root or 0.
var ecsRootUser = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-001",
		Title:    "ECS container runs as root",
		Severity: rule.Medium,
		Rationale: "A process running as root inside the container can write anywhere in the image, bind privileged ports " +
			"and, through any kernel or runtime escape, act as root on the host.",
		Remediation: "Set User on each container definition to a non-root UID (and GID), matching the image's USER.",
		FixCloudFormation: `TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    ContainerDefinitions:
      - Name: web
        Image: !Ref Image
        User: "10001:10001"`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{
    name  = "web"
    image = var.image
    user  = "10001:10001"
  }])
}`,
		ConfigRule: "ECS_TASK_DEFINITION_NONROOT_USER",
		NIST:       []string{"AC-3", "AC-6"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if windowsTask(r) {
			return nil
		}
		var out []rule.Violation
		for _, c := range containers(r) {
			root, known := runsAsRoot(c.m)
			if !known || !root {
				continue
			}
			name, _ := ir.AsString(c.m.Get("Name"))
			if c.m.Get("User") == nil {
				out = append(out, viol(join("ContainerDefinitions", c.i), "container %s sets no User, so it runs as the image's user (root unless the image says otherwise)", name))
			} else {
				out = append(out, viol(containerPath(c.i, "User"), "container %s runs as root", name))
			}
		}
		return out
	},
}
