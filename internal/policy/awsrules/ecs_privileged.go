package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsPrivileged flags privileged containers.
var ecsPrivileged = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-003",
		Title:    "ECS container runs privileged",
		Severity: rule.High,
		Rationale: "A privileged container gets every Linux capability and access to the host's devices: it is root on the " +
			"container instance, and from there can reach every other task on it.",
		Remediation: "Remove Privileged (or set it to false); add only the specific capabilities needed with " +
			"LinuxParameters.Capabilities.Add.",
		FixCloudFormation: `ContainerDefinitions:
  - Name: agent
    Image: !Ref Image
    Privileged: false
    LinuxParameters:
      Capabilities:
        Drop: [ALL]`,
		FixTerraform: `resource "aws_ecs_task_definition" "agent" {
  container_definitions = jsonencode([{
    name            = "agent"
    image           = var.image
    privileged      = false
    linuxParameters = { capabilities = { drop = ["ALL"] } }
  }])
}`,
		ConfigRule: "ECS_CONTAINERS_NONPRIVILEGED",
		NIST:       []string{"AC-3", "AC-6", "CM-7"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, c := range containers(r) {
			if boolProp(c.m.Get("Privileged"), no) == yes {
				name, _ := ir.AsString(c.m.Get("Name"))
				out = append(out, viol(containerPath(c.i, "Privileged"), "container %s is privileged", name))
			}
		}
		return out
	},
}
