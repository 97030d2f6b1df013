package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// snsPolicyPublic is HOIST-SNS-002: topic policies do not grant any
// principal without a restricting condition.
func snsPolicyPublic() rule.AWS {
	nist := controls(nistPublic)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-SNS-002",
			Title:    "SNS topic policy allows any principal",
			Severity: rule.High,
			Rationale: "A statement with Principal \"*\" and no condition on source account, ARN or organization lets any AWS " +
				"account publish to the topic (forged events fan out to every subscriber) or subscribe to it (data leaves the account).",
			Remediation: "Name the principals, or add aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID conditions.",
			FixCloudFormation: `TopicPolicy:
  Type: AWS::SNS::TopicPolicy
  Properties:
    Topics: [!Ref Topic]
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            Service: events.amazonaws.com
          Action: sns:Publish
          Resource: !Ref Topic
          Condition:
            StringEquals:
              aws:SourceAccount: !Ref AWS::AccountId
`,
			FixTerraform: `resource "aws_sns_topic_policy" "events" {
  arn = aws_sns_topic.events.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.events.arn
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}
`,
			NIST:    nist,
			FedRAMP: baselines(nist...),
		},
		Types: []string{"AWS::SNS::TopicPolicy", "AWS::SNS::TopicInlinePolicy"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			for _, s := range publicStatements(r, "PolicyDocument") {
				out = append(out, viol(principalPath(s), "topic policy grants any principal without a restricting condition"))
			}
			return out
		},
	}
}
