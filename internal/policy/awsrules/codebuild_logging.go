package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// codebuildLogging is HOIST-CB-003: builds log to CloudWatch Logs or S3.
func codebuildLogging() rule.AWS {
	nist := controls(nistLogging)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CB-003",
			Title:    "CodeBuild project logging is disabled",
			Severity: rule.Medium,
			Rationale: "Build logs are the record of what was built, from which source and with which commands; with both " +
				"CloudWatch Logs and S3 logs disabled a tampered build leaves no trace.",
			Remediation: "Leave LogsConfig.CloudWatchLogs.Status ENABLED (the default) with a log group that has a retention period, or enable S3Logs.",
			FixCloudFormation: `BuildProject:
  Type: AWS::CodeBuild::Project
  Properties:
    LogsConfig:
      CloudWatchLogs:
        Status: ENABLED
        GroupName: !Ref BuildLogGroup
`,
			FixTerraform: `resource "aws_codebuild_project" "build" {
  logs_config {
    cloudwatch_logs {
      status     = "ENABLED"
      group_name = aws_cloudwatch_log_group.build.name
    }
  }
}
`,
			ConfigRule: "CODEBUILD_PROJECT_LOGGING_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CodeBuild::Project"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			cw := prop(r, "LogsConfig.CloudWatchLogs.Status")
			if !isLiteral(cw, "DISABLED") {
				return nil // CloudWatch Logs is on by default
			}
			s3 := prop(r, "LogsConfig.S3Logs.Status")
			if isLiteral(s3, "ENABLED") || (!absent(s3) && !ir.IsLiteral(s3)) {
				return nil
			}
			return one("LogsConfig.CloudWatchLogs.Status", "CloudWatch Logs is DISABLED and S3 logs are not enabled: builds leave no log")
		},
	}
}
