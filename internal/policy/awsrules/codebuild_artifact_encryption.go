package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// codebuildArtifactEncryption is HOIST-CB-004: build outputs and S3 logs
// are encrypted.
func codebuildArtifactEncryption() rule.AWS {
	nist := controls(nistAtRest)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CB-004",
			Title:    "CodeBuild artifacts or S3 logs are stored unencrypted",
			Severity: rule.Medium,
			Rationale: "EncryptionDisabled writes build artifacts or logs to S3 without CodeBuild's KMS encryption; artifacts " +
				"often contain compiled code, configuration and dependency manifests.",
			Remediation: "Remove EncryptionDisabled (or set it to false) on Artifacts, SecondaryArtifacts and LogsConfig.S3Logs, " +
				"and set the project's EncryptionKey to a KMS key.",
			FixCloudFormation: `BuildProject:
  Type: AWS::CodeBuild::Project
  Properties:
    EncryptionKey: !GetAtt BuildKey.Arn
    Artifacts:
      Type: S3
      Location: !Ref ArtifactBucket
      EncryptionDisabled: false
`,
			FixTerraform: `resource "aws_codebuild_project" "build" {
  encryption_key = aws_kms_key.build.arn
  artifacts {
    type                = "S3"
    location            = aws_s3_bucket.artifacts.bucket
    encryption_disabled = false
  }
}
`,
			ConfigRule: "CODEBUILD_PROJECT_ARTIFACT_ENCRYPTION",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CodeBuild::Project"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			if isTrue(prop(r, "Artifacts.EncryptionDisabled")) && !isLiteral(prop(r, "Artifacts.Type"), "NO_ARTIFACTS") {
				out = append(out, viol("Artifacts.EncryptionDisabled", "build artifacts are written unencrypted"))
			}
			for _, it := range mapItems(prop(r, "SecondaryArtifacts")) {
				if isTrue(it.m.Get("EncryptionDisabled")) {
					out = append(out, viol(join("SecondaryArtifacts", it.i, "EncryptionDisabled"), "secondary artifacts are written unencrypted"))
				}
			}
			if isTrue(prop(r, "LogsConfig.S3Logs.EncryptionDisabled")) {
				out = append(out, viol("LogsConfig.S3Logs.EncryptionDisabled", "S3 build logs are written unencrypted"))
			}
			return out
		},
	}
}
