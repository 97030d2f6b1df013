package expand

import "testing"

func TestTopicSubscriptions(t *testing.T) {
	res := mustExpand(t, `version: 1
name: app
queues:
  - name: a
  - name: b
    fifo: true
topics:
  - name: std
    subscribers: [a]
  - name: ordered
    fifo: true
    subscribers: [a, b]
`)
	for _, tc := range []struct{ id, path, want string }{
		{"StdToASubscription", "RawMessageDelivery", `true`},
		{"StdToASubscription", "Endpoint", `{"Fn::GetAtt":["AQueue","Arn"]}`},
		{"OrderedToBSubscription", "Protocol", `"sqs"`},
		// One policy per queue, naming every topic that feeds it.
		{"AQueuePolicy", "PolicyDocument.Statement.0.Condition.ArnEquals.aws:SourceArn", `[{"Ref":"StdTopic"},{"Ref":"OrderedTopic"}]`},
		{"BQueuePolicy", "PolicyDocument.Statement.0.Condition.ArnEquals.aws:SourceArn", `[{"Ref":"OrderedTopic"}]`},
		{"OrderedTopic", "TopicName", `{"Fn::Sub":"${AWS::StackName}-ordered.fifo"}`},
		{"OrderedTopic", "FifoTopic", `true`},
		{"StdTopic", "TopicName", `null`},
		{"StdTopic", "KmsMasterKeyId", `{"Fn::GetAtt":["AppKey","Arn"]}`},
		{"BQueue", "FifoQueue", `true`},
		{"BQueue", "QueueName", `null`},
		{"BDeadLetterQueue", "FifoQueue", `true`},
		{"AQueue", "RedrivePolicy.maxReceiveCount", `5`},
		{"AQueue", "MessageRetentionPeriod", `345600`},
		{"ADeadLetterQueue", "MessageRetentionPeriod", `1209600`},
	} {
		if got := prop(t, res, tc.id, tc.path); got != tc.want {
			t.Errorf("%s.%s: got %s, want %s", tc.id, tc.path, got, tc.want)
		}
	}
	if n := len(res.Graph.OfType("AWS::SQS::QueuePolicy")); n != 2 {
		t.Errorf("queue policies: got %d, want 2 (one per subscribed queue)", n)
	}
}

func TestBucketsAndCaches(t *testing.T) {
	for _, tc := range []struct {
		what, src string
		checks    []struct{ id, path, want string }
	}{
		{"bucket unversioned", "buckets:\n  - name: files\n", []struct{ id, path, want string }{
			{"FilesBucket", "VersioningConfiguration", `null`},
			{"FilesBucket", "LoggingConfiguration.DestinationBucketName", `{"Ref":"AccessLogBucket"}`},
			{"FilesBucket", "OwnershipControls.Rules.0.ObjectOwnership", `"BucketOwnerEnforced"`},
			{"FilesBucket", "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm", `"aws:kms"`},
			{"FilesBucketPolicy", "PolicyDocument.Statement.0.Condition.Bool.aws:SecureTransport", `"false"`},
			{"AccessLogBucket", "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm", `"AES256"`},
		}},
		{"bucket versioned", "buckets:\n  - name: files\n    versioning: true\n", []struct{ id, path, want string }{
			{"FilesBucket", "VersioningConfiguration.Status", `"Enabled"`},
			{"FilesBucket", "LifecycleConfiguration.Rules.1.NoncurrentVersionExpiration.NoncurrentDays", `30`},
		}},
		{"bucket in production", "environment: production\nbuckets:\n  - name: files\n", []struct{ id, path, want string }{
			{"FilesBucket", "VersioningConfiguration.Status", `"Enabled"`},
		}},
		{"cache in development", "caches:\n  - name: c\n    engine: redis\n", []struct{ id, path, want string }{
			{"CReplicationGroup", "NumCacheClusters", `1`},
			{"CReplicationGroup", "AutomaticFailoverEnabled", `false`},
			{"CReplicationGroup", "TransitEncryptionEnabled", `true`},
			{"CReplicationGroup", "AtRestEncryptionEnabled", `true`},
			{"CReplicationGroup", "EngineVersion", `"7.1"`},
			{"CReplicationGroup", "AuthToken", `{"Fn::Sub":"{{resolve:secretsmanager:${CAuthToken}:SecretString:token}}"}`},
		}},
		{"cache in production", "environment: prod\ncaches:\n  - name: c\n    engine: valkey\n", []struct{ id, path, want string }{
			{"CReplicationGroup", "NumCacheClusters", `2`},
			{"CReplicationGroup", "MultiAZEnabled", `true`},
			{"CReplicationGroup", "Engine", `"valkey"`},
		}},
		{"table with sort key and ttl", "tables:\n  - name: t\n    sort_key: sk\n    ttl_attribute: exp\n", []struct{ id, path, want string }{
			{"TTable", "KeySchema", `[{"AttributeName":"id","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]`},
			{"TTable", "TimeToLiveSpecification", `{"AttributeName":"exp","Enabled":true}`},
			{"TTable", "BillingMode", `"PAY_PER_REQUEST"`},
			{"TTable", "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", `true`},
		}},
		{"table without ttl", "tables:\n  - name: t\n", []struct{ id, path, want string }{
			{"TTable", "TimeToLiveSpecification", `null`},
			{"TTable", "AttributeDefinitions", `[{"AttributeName":"id","AttributeType":"S"}]`},
		}},
	} {
		res := mustExpand(t, "version: 1\nname: app\n"+tc.src)
		for _, c := range tc.checks {
			if got := prop(t, res, c.id, c.path); got != c.want {
				t.Errorf("%s: %s.%s: got %s, want %s", tc.what, c.id, c.path, got, c.want)
			}
		}
	}
}
