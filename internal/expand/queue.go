package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// queueBlueprint builds each SQS queue with a dead-letter queue: a message
// that fails 5 receives moves there instead of blocking or vanishing.
// Messages are kept 4 days on the queue and 14 (the most SQS allows) on the
// dead-letter queue, so a failure found after a weekend can still be
// replayed. Both queues are encrypted with the app key.
//
// FIFO queues get no physical name: CloudFormation then generates one
// ending in ".fifo", as SQS requires. Content-based deduplication is on, so
// producers need not send a deduplication ID.
type queueBlueprint struct{}

func (queueBlueprint) name() string { return "queues" }

// Queue settings.
const (
	queueRetentionSeconds = 4 * 24 * 3600
	dlqRetentionSeconds   = 14 * 24 * 3600
	maxReceiveCount       = 5
	// kmsDataKeyReuseSeconds lets SQS reuse a data key for 5 minutes,
	// which keeps KMS requests (and their cost) low.
	kmsDataKeyReuseSeconds = 300
)

func (queueBlueprint) expand(b *builder) error {
	for i, q := range b.spec.Queues {
		o := origin("queues", i, q.Name)
		id, dlq := ID(q.Name, "Queue"), ID(q.Name, "DeadLetterQueue")
		dl := b.add(dlq, "AWS::SQS::Queue", o, b.queueProps(q.FIFO, dlqRetentionSeconds))
		dl.Comment = fmt.Sprintf("%s: messages that failed %d times, kept 14 days for inspection and replay.", q.Name, maxReceiveCount)
		// Messages are in transit, not records: deleting the stack
		// deletes its queues, said explicitly.
		dl.DeletionPolicy, dl.UpdateReplacePolicy = "Delete", "Delete"
		props := b.queueProps(q.FIFO, queueRetentionSeconds)
		props.Set("RedrivePolicy", ir.M("deadLetterTargetArn", getAtt(dlq, "Arn"), "maxReceiveCount", maxReceiveCount))
		r := b.add(id, "AWS::SQS::Queue", o, props)
		kind := "standard"
		if q.FIFO {
			kind = "FIFO"
		}
		r.Comment = fmt.Sprintf("%s: %s queue encrypted with the app key; failed messages go to %s.", q.Name, kind, dlq)
		r.DeletionPolicy, r.UpdateReplacePolicy = "Delete", "Delete"
		b.access[q.Name] = &access{
			Env: []NamedValue{{envName(q.Name) + "_QUEUE_URL", ref(id)}},
			Statements: []Statement{
				{Actions: []string{
					"sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
					"sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes",
				}, Resources: []ir.Value{getAtt(id, "Arn")}},
				b.keyUse(),
			},
		}
		b.output(ID(q.Name, "QueueUrl"), fmt.Sprintf("URL of the %s queue", q.Name), ref(id))
	}
	return nil
}

// queueProps is what a queue and its dead-letter queue share.
func (b *builder) queueProps(fifo bool, retention int) *ir.Map {
	props := ir.M(
		"KmsMasterKeyId", getAtt(b.key, "Arn"),
		"KmsDataKeyReusePeriodSeconds", kmsDataKeyReuseSeconds,
		"MessageRetentionPeriod", retention,
	)
	if fifo {
		props.Set("FifoQueue", ir.Bool(true))
		props.Set("ContentBasedDeduplication", ir.Bool(true))
	}
	return props
}
