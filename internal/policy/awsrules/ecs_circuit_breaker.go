package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecsCircuitBreaker flags ECS services (rolling deployments) without the
// deployment circuit breaker and its automatic rollback. Services that
// deploy through CodeDeploy or an external controller are skipped.
var ecsCircuitBreaker = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ECS-006",
		Title:    "ECS service has no deployment circuit breaker with rollback",
		Severity: rule.Low,
		Rationale: "Without the circuit breaker a deployment whose tasks keep failing to start or pass health checks retries " +
			"for hours while capacity drains; with rollback ECS returns to the last working revision by itself.",
		Remediation: "Set DeploymentConfiguration.DeploymentCircuitBreaker with Enable and Rollback both true.",
		FixCloudFormation: `Service:
  Type: AWS::ECS::Service
  Properties:
    DeploymentConfiguration:
      DeploymentCircuitBreaker:
        Enable: true
        Rollback: true`,
		FixTerraform: `resource "aws_ecs_service" "web" {
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}`,
		NIST:    []string{"CM-3", "CP-10"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::ECS::Service"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if ctl := r.Prop("DeploymentController.Type"); ctl != nil {
			s, ok := ir.AsString(ctl)
			if !ok || !strings.EqualFold(s, "ECS") {
				return nil
			}
		}
		cb := r.Prop("DeploymentConfiguration.DeploymentCircuitBreaker")
		if cb == nil {
			path := "DeploymentConfiguration"
			if r.Prop(path) == nil {
				path = ""
			}
			return []rule.Violation{viol(path, "no deployment circuit breaker")}
		}
		var out []rule.Violation
		for _, key := range []string{"Enable", "Rollback"} {
			if boolProp(ir.Lookup(cb, key), no) == no {
				out = append(out, viol(join("DeploymentConfiguration.DeploymentCircuitBreaker", key), "deployment circuit breaker %s is not true", key))
			}
		}
		return out
	},
}
