package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ecrScanOnPush is HOIST-ECR-002: images are scanned for vulnerabilities
// when pushed, by the repository or by a registry scanning configuration
// in the same template.
func ecrScanOnPush() rule.AWS {
	nist := controls([]string{"RA-5", "SI-2"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-ECR-002",
			Title:    "ECR repository does not scan images on push",
			Severity: rule.High,
			Rationale: "Without scanning, images with known vulnerable packages are deployed without anyone being told; " +
				"scan on push reports CVEs before the image reaches a service.",
			Remediation: "Set ImageScanningConfiguration.ScanOnPush to true, or configure registry-level (enhanced) scanning " +
				"with an AWS::ECR::RegistryScanningConfiguration.",
			FixCloudFormation: `Repository:
  Type: AWS::ECR::Repository
  Properties:
    ImageScanningConfiguration:
      ScanOnPush: true
`,
			FixTerraform: `resource "aws_ecr_repository" "app" {
  name = "app"
  image_scanning_configuration {
    scan_on_push = true
  }
}
`,
			ConfigRule: "ECR_PRIVATE_IMAGE_SCANNING_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ECR::Repository"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if len(c.Graph.OfType("AWS::ECR::RegistryScanningConfiguration")) > 0 ||
				len(c.Graph.OfType("Terraform::aws_ecr_registry_scanning_configuration")) > 0 {
				return nil
			}
			v := prop(r, "ImageScanningConfiguration.ScanOnPush")
			if absent(v) {
				return one(pathOr(r, "ImageScanningConfiguration", ""), "images are not scanned on push (ScanOnPush defaults to false)")
			}
			if isFalse(v) {
				return one("ImageScanningConfiguration.ScanOnPush", "ScanOnPush is false")
			}
			return nil
		},
	}
}
