package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// sqsPolicyPublic is HOIST-SQS-002: queue policies do not grant any
// principal without a restricting condition.
func sqsPolicyPublic() rule.AWS {
	nist := controls(nistPublic)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SQS-002",
			Title:    "SQS queue policy allows any principal",
			Severity: rule.High,
			Rationale: "A statement with Principal \"*\" and no condition on source account, ARN or organization lets any AWS " +
				"account send, read or delete messages: injected jobs, stolen data or a drained queue.",
			Remediation: "Name the principals (account root, roles, or a service) and, for services, add aws:SourceArn or aws:SourceAccount conditions.",
			FixCloudFormation: `QueuePolicy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues: [!Ref Queue]
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            Service: sns.amazonaws.com
          Action: sqs:SendMessage
          Resource: !GetAtt Queue.Arn
          Condition:
            ArnEquals:
              aws:SourceArn: !Ref Topic
`,
			FixTerraform: `resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.jobs.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.events.arn } }
    }]
  })
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::SQS::QueuePolicy", "AWS::SQS::QueueInlinePolicy"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			for _, s := range publicStatements(r, "PolicyDocument") {
				out = append(out, viol(principalPath(s), "queue policy grants any principal without a restricting condition"))
			}
			return out
		},
	}
}
