package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// vpcFlowLogs is HOIST-VPC-001: every VPC has a flow log (an
// AWS::EC2::FlowLog that refers to it).
func vpcFlowLogs() rule.AWS {
	nist := controls(nistLogging, []string{"SI-4"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-VPC-001",
			Title:    "VPC has no flow log",
			Severity: rule.Medium,
			Rationale: "Flow logs record the accepted and rejected connections of every network interface in the VPC; without " +
				"them there is no record of what talked to what when investigating an intrusion or exfiltration.",
			Remediation: "Add an AWS::EC2::FlowLog with ResourceType VPC, ResourceId the VPC, TrafficType ALL (or at least REJECT), " +
				"delivered to CloudWatch Logs or S3.",
			FixCloudFormation: `VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceType: VPC
    ResourceId: !Ref Vpc
    TrafficType: ALL
    LogDestinationType: cloud-watch-logs
    LogGroupName: !Ref VpcFlowLogGroup
    DeliverLogsPermissionArn: !GetAtt VpcFlowLogRole.Arn
`,
			FixTerraform: `resource "aws_flow_log" "vpc" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = aws_iam_role.flow.arn
}
`,
			ConfigRule: "VPC_FLOW_LOGS_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
			CIS:        []string{"3.7"},
		},
		Types: []string{"AWS::EC2::VPC"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if referencedBy(c, r, "AWS::EC2::FlowLog") {
				return nil
			}
			return one("", "no flow log refers to this VPC")
		},
	}
}
