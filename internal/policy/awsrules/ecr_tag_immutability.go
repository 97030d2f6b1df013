package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecrTagImmutability is HOIST-ECR-001: image tags cannot be overwritten.
func ecrTagImmutability() rule.AWS {
	nist := controls([]string{"CM-2", "CM-8", "SI-7"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-ECR-001",
			Title:    "ECR repository allows image tags to be overwritten",
			Severity: rule.Medium,
			Rationale: "With mutable tags anyone who can push can replace the image behind a tag a service deploys, so the " +
				"tag no longer identifies what runs; immutable tags make every deployment reproducible and tamper-evident.",
			Remediation: "Set ImageTagMutability to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for cache tags).",
			FixCloudFormation: `Repository:
  Type: AWS::ECR::Repository
  Properties:
    ImageTagMutability: IMMUTABLE
`,
			FixTerraform: `resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
`,
			ConfigRule: "ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ECR::Repository"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			v := prop(r, "ImageTagMutability")
			if absent(v) {
				return one("", "repository has mutable tags (ImageTagMutability defaults to MUTABLE)")
			}
			s, ok := literal(v)
			if ok && strings.HasPrefix(strings.ToUpper(s), "MUTABLE") {
				return one("ImageTagMutability", "ImageTagMutability %s lets a push replace an existing tag", s)
			}
			return nil
		},
	}
}
