package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// lambdaReservedConcurrency is HOIST-LAMBDA-006: a function's
// concurrency is bounded.
func lambdaReservedConcurrency() rule.AWS {
	nist := controls([]string{"SC-5"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-006",
			Title:    "Lambda function has no reserved concurrency",
			Severity: rule.Low,
			Rationale: "Without a reservation one function can use the account's whole concurrency quota during a spike or a " +
				"loop, throttling every other function, and run up cost; a reservation both guarantees and caps its share.",
			Remediation: "Set ReservedConcurrentExecutions to the most concurrent executions the function should ever run.",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    ReservedConcurrentExecutions: 50
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  reserved_concurrent_executions = 50
}
`,
			ConfigRule: "LAMBDA_CONCURRENCY_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "ReservedConcurrentExecutions")
			if absent(v) {
				return one("", "function concurrency is not reserved or capped")
			}
			if n, ok := ir.AsInt(v); ok && n < 0 {
				return one("ReservedConcurrentExecutions", "ReservedConcurrentExecutions %d does not cap concurrency", n)
			}
			return nil
		},
	}
}
