package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// codebuildPrivilegedMode is HOIST-CB-002: privileged mode is a
// deliberate choice for Docker builds only.
func codebuildPrivilegedMode() rule.AWS {
	nist := controls([]string{"AC-6", "AC-3", "CM-7"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CB-002",
			Title:    "CodeBuild project runs in privileged mode",
			Severity: rule.Low,
			Rationale: "Privileged mode gives the build container every device of the host and runs a Docker daemon inside it. " +
				"It is required to build container images with docker, and nothing else: a project that builds no images should not have it, " +
				"and one that does should keep secrets out of plaintext variables (HOIST-CB-001) and run only trusted source.",
			Remediation: "Remove PrivilegedMode unless the project builds Docker images; build images without a daemon " +
				"(BuildKit rootless, kaniko) where possible. Suppress this finding for image-building projects.",
			FixCloudFormation: `BuildProject:
  Type: AWS::CodeBuild::Project
  Properties:
    Environment:
      PrivilegedMode: false
`,
			FixTerraform: `resource "aws_codebuild_project" "build" {
  environment {
    privileged_mode = false
  }
}
`,
			ConfigRule: "CODEBUILD_PROJECT_ENVIRONMENT_PRIVILEGED_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CodeBuild::Project"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isTrue(prop(r, "Environment.PrivilegedMode")) {
				return one("Environment.PrivilegedMode", "build container runs privileged; needed only to build Docker images")
			}
			return nil
		},
	}
}
