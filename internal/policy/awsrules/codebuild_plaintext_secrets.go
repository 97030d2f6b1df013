package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// codebuildPlaintextSecrets is HOIST-CB-001: credentials are not written
// into a build project as PLAINTEXT environment variables.
func codebuildPlaintextSecrets() rule.AWS {
	nist := controls(nistSecrets)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CB-001",
			Title:    "CodeBuild environment variable holds a plaintext secret",
			Severity: rule.High,
			Rationale: "PLAINTEXT variables are stored in the project definition: anyone who can read the project (codebuild:BatchGetProjects), " +
				"the template or its history sees the value, and every build step can print it to the logs. In privileged mode " +
				"the Docker daemon and every container the build starts can read it too.",
			Remediation: "Store the value in Secrets Manager or SSM Parameter Store and reference it with Type SECRETS_MANAGER " +
				"or PARAMETER_STORE; give the build role read access to that secret only.",
			FixCloudFormation: `BuildProject:
  Type: AWS::CodeBuild::Project
  Properties:
    Environment:
      EnvironmentVariables:
        - Name: NPM_TOKEN
          Type: SECRETS_MANAGER
          Value: build/npm:token
`,
			FixTerraform: `resource "aws_codebuild_project" "build" {
  environment {
    environment_variable {
      name  = "NPM_TOKEN"
      type  = "SECRETS_MANAGER"
      value = "build/npm:token"
    }
  }
}
`,
			ConfigRule: "CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CodeBuild::Project"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			privileged := isTrue(prop(r, "Environment.PrivilegedMode"))
			var out []rule.Violation
			const vars = "Environment.EnvironmentVariables"
			var names []string
			for _, it := range mapItems(prop(r, vars)) {
				if n, ok := literal(it.m.Get("Name")); ok {
					names = append(names, n)
				}
			}
			for _, it := range mapItems(prop(r, vars)) {
				if t := it.m.Get("Type"); !absent(t) && !isLiteral(t, "PLAINTEXT") {
					continue
				}
				name, ok := literal(it.m.Get("Name"))
				if !ok || !looksSecretName(name) {
					continue
				}
				val, ok := literal(it.m.Get("Value"))
				if !ok || !looksSecretValue(val) || namesSecret(name, val, names) {
					continue
				}
				msg := "PLAINTEXT environment variable %s holds a literal secret"
				if privileged {
					msg += ", and the build runs in privileged mode"
				}
				out = append(out, viol(join(vars, it.i, "Value"), msg, name))
			}
			return out
		},
	}
}
