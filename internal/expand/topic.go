package expand

import (
	"fmt"
	"slices"

	"github.com/hoist-dev/hoist/internal/ir"
)

// topicBlueprint builds each SNS topic, encrypted with the app key, and
// subscribes the queues that listen to it: raw message delivery (the queue
// receives the message as published, not wrapped in SNS's envelope), and
// one queue policy per subscribed queue allowing exactly the topics that
// feed it (aws:SourceArn). Functions that subscribe are wired by the
// function blueprint, which runs after the functions exist.
//
// A FIFO topic is named "<stack>-<name>.fifo": SNS requires the suffix and
// CloudFormation does not add it to a generated name. A FIFO topic can feed
// FIFO and standard queues but not functions; a standard topic cannot feed a
// FIFO queue. Both are reported as errors.
type topicBlueprint struct{}

func (topicBlueprint) name() string { return "topics" }

func (topicBlueprint) expand(b *builder) error {
	queues := map[string]int{}
	for i, q := range b.spec.Queues {
		queues[q.Name] = i
	}
	functions := map[string]bool{}
	for _, f := range b.spec.Functions {
		functions[f.Name] = true
	}
	// feeds lists, per subscribed queue, the topics that deliver to it.
	feeds := map[string][]string{}
	for i, t := range b.spec.Topics {
		o := origin("topics", i, t.Name)
		id := ID(t.Name, "Topic")
		props := ir.M("KmsMasterKeyId", getAtt(b.key, "Arn"))
		kind := "standard"
		if t.FIFO {
			kind = "FIFO"
			props.Set("TopicName", sub("${AWS::StackName}-"+t.Name+".fifo"))
			props.Set("FifoTopic", ir.Bool(true))
			props.Set("ContentBasedDeduplication", ir.Bool(true))
		}
		r := b.add(id, "AWS::SNS::Topic", o, props)
		r.Comment = fmt.Sprintf("%s: %s topic encrypted with the app key%s.", t.Name, kind, subscriberList(t.Subscribers))
		for _, s := range t.Subscribers {
			qi, isQueue := queues[s]
			switch {
			case isQueue:
				if b.spec.Queues[qi].FIFO && !t.FIFO {
					return fmt.Errorf("topics[%d] (%s): queue %q is FIFO, and SNS delivers to FIFO queues only from FIFO topics; set fifo: true on the topic or use a standard queue", i, t.Name, s)
				}
				b.add(ID(t.Name, "To", s, "Subscription"), "AWS::SNS::Subscription", o, ir.M(
					"TopicArn", ref(id),
					"Protocol", "sqs",
					"Endpoint", getAtt(ID(s, "Queue"), "Arn"),
					"RawMessageDelivery", true,
				))
				feeds[s] = append(feeds[s], t.Name)
			case functions[s]:
				if t.FIFO {
					return fmt.Errorf("topics[%d] (%s): function %q cannot subscribe: SNS FIFO topics deliver only to SQS queues; subscribe a FIFO queue and let the function read it", i, t.Name, s)
				}
			default:
				return fmt.Errorf("topics[%d] (%s): subscriber %q is neither a queue nor a function", i, t.Name, s)
			}
		}
		b.access[t.Name] = &access{
			Env: []NamedValue{{envName(t.Name) + "_TOPIC_ARN", ref(id)}},
			Statements: []Statement{
				{Actions: []string{"sns:Publish"}, Resources: []ir.Value{ref(id)}},
				b.keyUse(),
			},
		}
		b.output(ID(t.Name, "TopicArn"), fmt.Sprintf("ARN of the %s topic", t.Name), ref(id))
	}
	// One policy per queue: several AWS::SQS::QueuePolicy resources on one
	// queue overwrite each other.
	for _, q := range b.spec.Queues {
		topics := feeds[q.Name]
		if len(topics) == 0 {
			continue
		}
		var arns []ir.Value
		for _, t := range topics {
			arns = append(arns, ref(ID(t, "Topic")))
		}
		queue := ID(q.Name, "Queue")
		b.add(ID(q.Name, "QueuePolicy"), "AWS::SQS::QueuePolicy", origin("queues", queues[q.Name], q.Name), ir.M(
			"Queues", refs(queue),
			"PolicyDocument", ir.M("Version", "2012-10-17", "Statement", ir.Values(ir.M(
				"Sid", "TopicsDeliver",
				"Effect", "Allow",
				"Principal", ir.M("Service", "sns.amazonaws.com"),
				"Action", "sqs:SendMessage",
				"Resource", getAtt(queue, "Arn"),
				"Condition", ir.M("ArnEquals", ir.M("aws:SourceArn", ir.Values(arns...))),
			))),
		))
	}
	return nil
}

// subscriberList is ", delivering to a, b" for a comment.
func subscriberList(subs []string) string {
	if len(subs) == 0 {
		return ""
	}
	s := slices.Clone(subs)
	slices.Sort(s)
	out := ", delivering to "
	for i, n := range s {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
