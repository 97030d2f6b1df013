package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsHostNetwork flags task definitions in host network mode with a
// container that is privileged or runs as root: such a container shares
// the instance's network stack with root rights over it.
var ecsHostNetwork = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-009",
		Title:    "ECS task uses host network mode with a root or privileged container",
		Severity: rule.High,
		Rationale: "In host network mode the container uses the instance's network interfaces directly. Running as root (or " +
			"privileged) it can sniff or reconfigure the host's traffic, bind any port and reach the instance metadata service " +
			"with the instance role.",
		Remediation: "Use the awsvpc network mode; if host mode is required, run every container as a non-root User and not privileged.",
		FixCloudFormation: `TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    NetworkMode: awsvpc
    ContainerDefinitions:
      - Name: web
        Image: !Ref Image
        User: "10001"`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name  = "web"
    image = var.image
    user  = "10001"
  }])
}`,
		ConfigRule: "ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK",
		NIST:       []string{"AC-3", "AC-6", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		mode, _ := ir.AsString(r.Prop("NetworkMode"))
		if !strings.EqualFold(mode, "host") {
			return nil
		}
		for _, c := range containers(r) {
			root, known := runsAsRoot(c.m)
			if (known && root) || boolProp(c.m.Get("Privileged"), no) == yes {
				name, _ := ir.AsString(c.m.Get("Name"))
				return []rule.Violation{viol("NetworkMode", "host network mode with container %s running as root or privileged", name)}
			}
		}
		return nil
	},
}
