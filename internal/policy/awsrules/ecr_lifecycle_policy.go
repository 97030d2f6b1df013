package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecrLifecyclePolicy is HOIST-ECR-004: old images expire.
func ecrLifecyclePolicy() rule.AWS {
	nist := controls([]string{"CM-2", "CM-2(2)", "SI-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-ECR-004",
			Title:    "ECR repository has no lifecycle policy",
			Severity: rule.Medium,
			Rationale: "Without a lifecycle policy every image ever pushed is kept: storage cost grows without bound and " +
				"stale images with known vulnerabilities stay deployable.",
			Remediation: "Add LifecyclePolicy.LifecyclePolicyText that expires untagged images and keeps only the newest N tagged ones.",
			FixCloudFormation: `Repository:
  Type: AWS::ECR::Repository
  Properties:
    LifecyclePolicy:
      LifecyclePolicyText: |
        {"rules":[{"rulePriority":1,"description":"expire untagged after 7 days",
          "selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},
          "action":{"type":"expire"}}]}
`,
			FixTerraform: `resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "expire untagged after 7 days"
      selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 7 }
      action       = { type = "expire" }
    }]
  })
}
`,
			ConfigRule: "ECR_PRIVATE_LIFECYCLE_POLICY_CONFIGURED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ECR::Repository"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "LifecyclePolicy.LifecyclePolicyText")) {
				return nil
			}
			// Terraform writes the policy as its own resource.
			if referencedBy(c, r, "Terraform::aws_ecr_lifecycle_policy") {
				return nil
			}
			return one(pathOr(r, "LifecyclePolicy", ""), "repository keeps every image forever: no lifecycle policy")
		},
	}
}
