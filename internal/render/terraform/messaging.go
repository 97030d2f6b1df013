package terraform

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// messagingFamily maps SNS topics and subscriptions, SQS queues and queue
// policies.
type messagingFamily struct{}

func (messagingFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::SNS::Topic", tf: "aws_sns_topic", ref: "arn",
			attrs: map[string]attr{"TopicArn": a("arn"), "TopicName": a("name")},
			conv: simple("aws_sns_topic", [][2]string{
				{"TopicName", "name"},
				{"DisplayName", "display_name"},
				{"KmsMasterKeyId", "kms_master_key_id"},
				{"FifoTopic", "fifo_topic"},
				{"ContentBasedDeduplication", "content_based_deduplication"},
				{"TracingConfig", "tracing_config"},
				{"SignatureVersion", "signature_version"},
			})},
		{cfn: "AWS::SNS::Subscription", tf: "aws_sns_topic_subscription", ref: "arn",
			conv: snsSubscription},
		// CloudFormation's Ref of a queue is its URL, Terraform's id.
		{cfn: "AWS::SQS::Queue", tf: "aws_sqs_queue", ref: "url",
			attrs: map[string]attr{"Arn": a("arn"), "QueueName": a("name"), "QueueUrl": a("url")},
			conv:  queue},
		{cfn: "AWS::SQS::QueuePolicy", tf: "aws_sqs_queue_policy", ref: "id",
			conv: queuePolicy},
	}
}

func snsSubscription(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_sns_topic_subscription", c.name(r.ID))
	p.to(b, "TopicArn", "topic_arn")
	p.to(b, "Protocol", "protocol")
	p.to(b, "Endpoint", "endpoint")
	p.to(b, "RawMessageDelivery", "raw_message_delivery")
	p.json(b, "FilterPolicy", "filter_policy")
	p.to(b, "FilterPolicyScope", "filter_policy_scope")
	p.json(b, "RedrivePolicy", "redrive_policy")
	return p.done()
}

func queue(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_sqs_queue", c.name(r.ID))
	for _, kv := range [][2]string{
		{"QueueName", "name"},
		{"FifoQueue", "fifo_queue"},
		{"ContentBasedDeduplication", "content_based_deduplication"},
		{"DeduplicationScope", "deduplication_scope"},
		{"FifoThroughputLimit", "fifo_throughput_limit"},
		{"DelaySeconds", "delay_seconds"},
		{"MaximumMessageSize", "max_message_size"},
		{"MessageRetentionPeriod", "message_retention_seconds"},
		{"ReceiveMessageWaitTimeSeconds", "receive_wait_time_seconds"},
		{"VisibilityTimeout", "visibility_timeout_seconds"},
		{"KmsMasterKeyId", "kms_master_key_id"},
		{"KmsDataKeyReusePeriodSeconds", "kms_data_key_reuse_period_seconds"},
		{"SqsManagedSseEnabled", "sqs_managed_sse_enabled"},
	} {
		p.num(b, kv[0], kv[1])
	}
	p.json(b, "RedrivePolicy", "redrive_policy")
	p.json(b, "RedriveAllowPolicy", "redrive_allow_policy")
	p.tags(b, "Tags")
	return p.done()
}

// queuePolicy writes one aws_sqs_queue_policy per queue the policy names.
func queuePolicy(c *conv, r *ir.Resource) error {
	p := c.props(r)
	queues, ok := ir.AsList(p.raw("Queues"))
	if !ok || len(queues) == 0 {
		p.fail("Queues", "want a non-empty list")
		return p.done()
	}
	var policy expr
	if v := p.raw("PolicyDocument"); v != nil {
		e, err := c.json(v)
		if err != nil {
			p.fail("PolicyDocument", "%v", err)
		}
		policy = e
	}
	for i, q := range queues {
		name := c.name(r.ID)
		if i > 0 {
			name = fmt.Sprintf("%s_%d", name, i+1)
		}
		b := c.resource("aws_sqs_queue_policy", name)
		e, err := c.value(q)
		if err != nil {
			p.fail("Queues", "%d: %v", i, err)
		}
		b.set("queue_url", e)
		b.set("policy", policy)
	}
	return p.done()
}
