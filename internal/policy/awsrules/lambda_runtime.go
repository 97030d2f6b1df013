package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// deprecatedLambdaRuntimes maps each Lambda runtime whose deprecation
// date (AWS Lambda runtimes table, checked 2026-11) has passed to that
// date. The Amazon Linux 2 runtimes (python3.10, python3.11, java8.al2,
// java11, java17, provided.al2) are left out: AWS extended their patching
// past Amazon Linux 2's end of life, and their deprecation dates were
// not settled when the table was checked.
var deprecatedLambdaRuntimes = map[string]string{
	"nodejs":         "2016-10-31",
	"nodejs4.3":      "2020-03-05",
	"nodejs4.3-edge": "2020-03-05",
	"nodejs6.10":     "2019-08-12",
	"nodejs8.10":     "2020-03-06",
	"nodejs10.x":     "2021-07-30",
	"nodejs12.x":     "2023-03-31",
	"nodejs14.x":     "2023-12-04",
	"nodejs16.x":     "2024-06-12",
	"nodejs18.x":     "2025-09-01",
	"nodejs20.x":     "2026-04-30",
	"python2.7":      "2021-07-15",
	"python3.6":      "2022-07-18",
	"python3.7":      "2023-12-04",
	"python3.8":      "2024-10-14",
	"python3.9":      "2025-12-15",
	"java8":          "2024-01-08",
	"go1.x":          "2024-01-08",
	"provided":       "2024-01-08",
	"ruby2.5":        "2021-07-30",
	"ruby2.7":        "2023-11-27",
	"ruby3.2":        "2026-03-31",
	"dotnetcore1.0":  "2019-07-27",
	"dotnetcore2.0":  "2019-05-30",
	"dotnetcore2.1":  "2022-01-05",
	"dotnetcore3.1":  "2023-04-03",
	"dotnet5.0":      "2022-05-10",
	"dotnet6":        "2024-11-12",
	"dotnet7":        "2024-05-14",
}

// lambdaRuntime is HOIST-LAMBDA-002: functions run on a runtime AWS
// still patches.
func lambdaRuntime() rule.AWS {
	nist := controls([]string{"SI-2", "SI-2(2)", "CM-2"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-002",
			Title:    "Lambda function uses a deprecated runtime",
			Severity: rule.Medium,
			Rationale: "After a runtime's deprecation date Lambda stops applying security patches to it, and later blocks " +
				"creating and then updating functions on it, so a fix cannot be deployed when it is needed most.",
			Remediation: "Move the function to a supported runtime of the same language (nodejs22.x or later, python3.12 or later, " +
				"java21, dotnet8, ruby3.3 or later, provided.al2023) and test it.",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    Runtime: python3.13
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  runtime = "python3.13"
}
`,
			ConfigRule: "LAMBDA_FUNCTION_SETTINGS_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			rt, ok := literal(prop(r, "Runtime"))
			if !ok {
				return nil
			}
			if date, dead := deprecatedLambdaRuntimes[rt]; dead {
				return one("Runtime", "runtime %s was deprecated on %s and no longer gets security patches", rt, date)
			}
			return nil
		},
	}
}
