package terraform

// messagingTypes maps SNS topics, subscriptions and topic policies, and
// SQS queues and queue policies.
func messagingTypes() []typeMap {
	return []typeMap{
		{tf: "aws_sns_topic", cfn: "AWS::SNS::Topic", ref: []string{"arn", "id"},
			attrs: map[string]string{"name": "TopicName"},
			fields: []field{
				f("name", "TopicName"),
				f("display_name", "DisplayName"),
				f("kms_master_key_id", "KmsMasterKeyId"),
				f("fifo_topic", "FifoTopic"),
				f("content_based_deduplication", "ContentBasedDeduplication"),
				f("tracing_config", "TracingConfig"),
				f("signature_version", "SignatureVersion"),
				tags(),
			}},
		{tf: "aws_sns_topic_subscription", cfn: "AWS::SNS::Subscription", ref: []string{"arn", "id"},
			fields: []field{
				f("topic_arn", "TopicArn"),
				f("protocol", "Protocol"),
				f("endpoint", "Endpoint"),
				f("raw_message_delivery", "RawMessageDelivery"),
				js("filter_policy", "FilterPolicy"),
				f("filter_policy_scope", "FilterPolicyScope"),
				js("redrive_policy", "RedrivePolicy"),
			}},
		{tf: "aws_sns_topic_policy", cfn: "AWS::SNS::TopicPolicy", ref: []string{"id"},
			fields: []field{fv("arn", "Topics", listOf), js("policy", "PolicyDocument")}},
		// CloudFormation's Ref of a queue is its URL, the provider's id.
		{tf: "aws_sqs_queue", cfn: "AWS::SQS::Queue", ref: []string{"url", "id"},
			attrs: map[string]string{"arn": "Arn", "name": "QueueName"},
			fields: []field{
				f("name", "QueueName"),
				f("fifo_queue", "FifoQueue"),
				f("content_based_deduplication", "ContentBasedDeduplication"),
				f("deduplication_scope", "DeduplicationScope"),
				f("fifo_throughput_limit", "FifoThroughputLimit"),
				f("delay_seconds", "DelaySeconds"),
				f("max_message_size", "MaximumMessageSize"),
				f("message_retention_seconds", "MessageRetentionPeriod"),
				f("receive_wait_time_seconds", "ReceiveMessageWaitTimeSeconds"),
				f("visibility_timeout_seconds", "VisibilityTimeout"),
				f("kms_master_key_id", "KmsMasterKeyId"),
				f("kms_data_key_reuse_period_seconds", "KmsDataKeyReusePeriodSeconds"),
				f("sqs_managed_sse_enabled", "SqsManagedSseEnabled"),
				js("redrive_policy", "RedrivePolicy"),
				js("redrive_allow_policy", "RedriveAllowPolicy"),
				tags(),
			}},
		{tf: "aws_sqs_queue_policy", cfn: "AWS::SQS::QueuePolicy", ref: []string{"id"},
			fields: []field{fv("queue_url", "Queues", listOf), js("policy", "PolicyDocument")}},
	}
}
