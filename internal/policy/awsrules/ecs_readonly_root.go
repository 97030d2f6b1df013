package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsReadonlyRoot flags Linux containers whose root filesystem is
// writable (the default).
var ecsReadonlyRoot = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-002",
		Title:    "ECS container root filesystem is writable",
		Severity: rule.Medium,
		Rationale: "A writable root filesystem lets an attacker who gets code execution drop tools, alter binaries or persist " +
			"changes for the life of the task. A read-only root confines writes to declared volumes.",
		Remediation: "Set ReadonlyRootFilesystem to true and mount a volume (or a bind mount of the task's ephemeral storage) " +
			"for the paths the application writes, such as /tmp.",
		FixCloudFormation: `ContainerDefinitions:
  - Name: web
    Image: !Ref Image
    ReadonlyRootFilesystem: true
    MountPoints:
      - SourceVolume: tmp
        ContainerPath: /tmp
Volumes:
  - Name: tmp`,
		FixTerraform: `resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{
    name                   = "web"
    image                  = var.image
    readonlyRootFilesystem = true
    mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
  }])
  volume {
    name = "tmp"
  }
}`,
		ConfigRule: "ECS_CONTAINERS_READONLY_ACCESS",
		NIST:       []string{"AC-3", "AC-6", "CM-7"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::TaskDefinition"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if windowsTask(r) {
			return nil
		}
		var out []rule.Violation
		for _, c := range containers(r) {
			if boolProp(c.m.Get("ReadonlyRootFilesystem"), no) != no {
				continue
			}
			name, _ := ir.AsString(c.m.Get("Name"))
			path := join("ContainerDefinitions", c.i)
			if c.m.Get("ReadonlyRootFilesystem") != nil {
				path = containerPath(c.i, "ReadonlyRootFilesystem")
			}
			out = append(out, viol(path, "container %s has a writable root filesystem", name))
		}
		return out
	},
}
