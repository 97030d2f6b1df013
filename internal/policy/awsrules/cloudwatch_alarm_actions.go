package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// cloudwatchAlarmActions is HOIST-CW-001: an alarm tells someone.
func cloudwatchAlarmActions() rule.AWS {
	nist := controls([]string{"CA-7", "SI-4", "SI-4(2)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-CW-001",
			Title:    "CloudWatch alarm notifies no one",
			Severity: rule.Medium,
			Rationale: "An alarm without actions, or with ActionsEnabled false, changes state silently: the condition it was " +
				"written to catch is seen only by someone who happens to look at the console.",
			Remediation: "Add AlarmActions (an SNS topic that pages or emails the owner), and leave ActionsEnabled true.",
			FixCloudFormation: `ErrorsAlarm:
  Type: AWS::CloudWatch::Alarm
  Properties:
    ActionsEnabled: true
    AlarmActions:
      - !Ref AlarmTopic
    OKActions:
      - !Ref AlarmTopic
`,
			FixTerraform: `resource "aws_cloudwatch_metric_alarm" "errors" {
  actions_enabled = true
  alarm_actions   = [aws_sns_topic.alarms.arn]
  ok_actions      = [aws_sns_topic.alarms.arn]
}
`,
			ConfigRule: "CLOUDWATCH_ALARM_ACTION_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if isFalse(prop(r, "ActionsEnabled")) {
				return one("ActionsEnabled", "ActionsEnabled is false: the alarm's actions never run")
			}
			for _, k := range []string{"AlarmActions", "OKActions", "InsufficientDataActions"} {
				if !emptyValue(prop(r, k)) {
					return nil
				}
			}
			return one(pathOr(r, "AlarmActions", ""), "alarm has no AlarmActions, OKActions or InsufficientDataActions")
		},
	}
}
