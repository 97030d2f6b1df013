package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// asyncInvokers are the services that invoke Lambda asynchronously.
var asyncInvokers = []string{
	"sns.amazonaws.com", "s3.amazonaws.com", "events.amazonaws.com", "scheduler.amazonaws.com",
	"ses.amazonaws.com", "iot.amazonaws.com", "logs.amazonaws.com", "codecommit.amazonaws.com",
	"config.amazonaws.com", "cloudformation.amazonaws.com",
}

// asyncSourceTypes are resources whose reference to a function makes it
// an asynchronous target.
var asyncSourceTypes = []string{
	"AWS::SNS::Subscription", "AWS::SNS::Topic", "AWS::Events::Rule", "AWS::Scheduler::Schedule",
	"Terraform::aws_cloudwatch_event_target", "Terraform::aws_s3_bucket_notification",
}

// invokedAsync reports whether something in the graph invokes fn
// asynchronously, and names it.
func invokedAsync(c *rule.Context, fn *ir.Resource) (string, bool) {
	for _, t := range asyncSourceTypes {
		if rs := c.Referencing(fn.ID, t); len(rs) > 0 {
			return rs[0].ID, true
		}
	}
	for _, p := range c.Referencing(fn.ID, "AWS::Lambda::Permission") {
		principal, _ := literal(prop(p, "Principal"))
		if contains(asyncInvokers, strings.ToLower(principal)) {
			return p.ID, true
		}
	}
	return "", false
}

// lambdaAsyncFailureDestination is HOIST-LAMBDA-004: an asynchronously
// invoked function keeps the events it fails to process.
func lambdaAsyncFailureDestination() rule.AWS {
	nist := controls([]string{"SI-4", "CP-10", "AU-12"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-004",
			Title:    "Asynchronously invoked Lambda function drops failed events",
			Severity: rule.Medium,
			Rationale: "Lambda retries an asynchronous event twice and then discards it; without a dead-letter queue or an " +
				"on-failure destination the event (an upload, a message, a scheduled job) is lost and nobody knows.",
			Remediation: "Set DeadLetterConfig.TargetArn to an SQS queue or SNS topic, or add an AWS::Lambda::EventInvokeConfig " +
				"with DestinationConfig.OnFailure.",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    DeadLetterConfig:
      TargetArn: !GetAtt FunctionDLQ.Arn
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  dead_letter_config {
    target_arn = aws_sqs_queue.fn_dlq.arn
  }
}
`,
			ConfigRule: "LAMBDA_DLQ_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !emptyValue(prop(r, "DeadLetterConfig.TargetArn")) {
				return nil
			}
			for _, t := range []string{"AWS::Lambda::EventInvokeConfig", "Terraform::aws_lambda_function_event_invoke_config"} {
				for _, cfg := range c.Referencing(r.ID, t) {
					if !absent(prop(cfg, "DestinationConfig.OnFailure")) || !absent(prop(cfg, "destination_config")) {
						return nil
					}
				}
			}
			src, async := invokedAsync(c, r)
			if !async {
				return nil
			}
			return one(pathOr(r, "DeadLetterConfig", ""), "function is invoked asynchronously (by %s) but has no dead-letter queue or on-failure destination", src)
		},
	}
}
