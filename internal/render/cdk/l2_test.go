package cdk

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/oracle"
)

// TestL2Choice checks, resource by resource, when the renderer writes an
// L2 and when it keeps the L1 because the L2 could not synthesize the
// same template.
func TestL2Choice(t *testing.T) {
	key := &ir.Resource{ID: "Key", Type: "AWS::KMS::Key", DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain", Properties: ir.M(
		"EnableKeyRotation", true,
		"KeyPolicy", ir.M("Version", "2012-10-17", "Statement", ir.Values(ir.M(
			"Effect", "Allow", "Principal", ir.M("AWS", ir.Sub{Format: "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}), "Action", "kms:*", "Resource", "*"))),
	)}
	keyArn := ir.GetAtt{Target: "Key", Attr: "Arn"}
	for _, tc := range []struct {
		name string
		r    *ir.Resource
		want string // the construct written for r
	}{
		{"log group", &ir.Resource{ID: "L", Type: "AWS::Logs::LogGroup", DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain", Properties: ir.M("RetentionInDays", 365, "KmsKeyId", keyArn)}, "logs.LogGroup"},
		{"log group, retention no enum has", &ir.Resource{ID: "L", Type: "AWS::Logs::LogGroup", DeletionPolicy: "Retain", Properties: ir.M("RetentionInDays", 366)}, "logs.CfnLogGroup"},
		{"log group, no deletion policy", &ir.Resource{ID: "L", Type: "AWS::Logs::LogGroup", Properties: ir.M("RetentionInDays", 365)}, "logs.CfnLogGroup"},
		{"log group, tags", &ir.Resource{ID: "L", Type: "AWS::Logs::LogGroup", DeletionPolicy: "Retain", Properties: ir.M("Tags", ir.Values(ir.M("Key", "a", "Value", "b")))}, "logs.CfnLogGroup"},
		{"queue", &ir.Resource{ID: "Q", Type: "AWS::SQS::Queue", DeletionPolicy: "Delete", Properties: ir.M("FifoQueue", true, "ContentBasedDeduplication", true, "MessageRetentionPeriod", 345600)}, "sqs.Queue"},
		{"queue, fifo name without .fifo", &ir.Resource{ID: "Q", Type: "AWS::SQS::Queue", DeletionPolicy: "Delete", Properties: ir.M("FifoQueue", true, "QueueName", "jobs")}, "sqs.CfnQueue"},
		{"queue, retention from a parameter", &ir.Resource{ID: "Q", Type: "AWS::SQS::Queue", DeletionPolicy: "Delete", Properties: ir.M("MessageRetentionPeriod", ir.Ref{Target: "AWS::NoValue"})}, "sqs.CfnQueue"},
		{"queue, literal key ARN", &ir.Resource{ID: "Q", Type: "AWS::SQS::Queue", DeletionPolicy: "Delete", Properties: ir.M("KmsMasterKeyId", "alias/aws/sqs")}, "sqs.CfnQueue"},
		{"topic", &ir.Resource{ID: "T", Type: "AWS::SNS::Topic", Properties: ir.M("DisplayName", "alarms", "KmsMasterKeyId", keyArn)}, "sns.Topic"},
		{"fifo topic named by Fn::Sub", &ir.Resource{ID: "T", Type: "AWS::SNS::Topic", Properties: ir.M("FifoTopic", true, "TopicName", ir.Sub{Format: "${AWS::StackName}.fifo"})}, "sns.CfnTopic"},
		{"repository", &ir.Resource{ID: "R", Type: "AWS::ECR::Repository", Properties: ir.M("RepositoryName", "app/api", "ImageTagMutability", "IMMUTABLE")}, "ecr.Repository"},
		{"repository, AES256 written out", &ir.Resource{ID: "R", Type: "AWS::ECR::Repository", Properties: ir.M("EncryptionConfiguration", ir.M("EncryptionType", "AES256"))}, "ecr.CfnRepository"},
		{"repository, name the L2 rejects", &ir.Resource{ID: "R", Type: "AWS::ECR::Repository", Properties: ir.M("RepositoryName", "App")}, "ecr.CfnRepository"},
		{"key without policy", &ir.Resource{ID: "K", Type: "AWS::KMS::Key", DeletionPolicy: "Retain", Properties: ir.M("EnableKeyRotation", true)}, "kms.CfnKey"},
		{"key, one-action list", &ir.Resource{ID: "K", Type: "AWS::KMS::Key", DeletionPolicy: "Retain", Properties: ir.M("KeyPolicy", ir.M("Version", "2012-10-17", "Statement", ir.Values(ir.M(
			"Effect", "Allow", "Principal", ir.M("AWS", "arn:aws:iam::123456789012:root"), "Action", ir.Values(ir.String("kms:*")), "Resource", "*"))))}, "kms.CfnKey"},
		{"generated secret", &ir.Resource{ID: "S", Type: "AWS::SecretsManager::Secret", DeletionPolicy: "Delete", Properties: ir.M("KmsKeyId", keyArn, "GenerateSecretString", ir.M("SecretStringTemplate", "{}", "GenerateStringKey", "token", "PasswordLength", 64))}, "secretsmanager.Secret"},
		{"empty secret", &ir.Resource{ID: "S", Type: "AWS::SecretsManager::Secret", DeletionPolicy: "Delete", Properties: ir.M("Name", "app")}, "secretsmanager.CfnSecret"},
		{"bucket", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", DeletionPolicy: "Retain", Properties: ir.M("VersioningConfiguration", ir.M("Status", "Enabled"), "LifecycleConfiguration", ir.M("Rules", ir.Values(ir.M("Id", "x", "Status", "Enabled", "ExpirationInDays", 30))))}, "s3.Bucket"},
		{"bucket with access logging", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", DeletionPolicy: "Retain", Properties: ir.M("LoggingConfiguration", ir.M("DestinationBucketName", "logs"))}, "s3.CfnBucket"},
		{"bucket, suspended versioning", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", DeletionPolicy: "Retain", Properties: ir.M("VersioningConfiguration", ir.M("Status", "Suspended"))}, "s3.CfnBucket"},
		{"table", &ir.Resource{ID: "D", Type: "AWS::DynamoDB::Table", DeletionPolicy: "Retain", Properties: ir.M("BillingMode", "PAY_PER_REQUEST",
			"AttributeDefinitions", ir.Values(ir.M("AttributeName", "pk", "AttributeType", "S")), "KeySchema", ir.Values(ir.M("AttributeName", "pk", "KeyType", "HASH")))}, "dynamodb.Table"},
		{"provisioned table", &ir.Resource{ID: "D", Type: "AWS::DynamoDB::Table", DeletionPolicy: "Retain", Properties: ir.M(
			"AttributeDefinitions", ir.Values(ir.M("AttributeName", "pk", "AttributeType", "S")), "KeySchema", ir.Values(ir.M("AttributeName", "pk", "KeyType", "HASH")))}, "dynamodb.CfnTable"},
		{"role stays L1", &ir.Resource{ID: "Ro", Type: "AWS::IAM::Role", Properties: ir.M("AssumeRolePolicyDocument", ir.M())}, "iam.CfnRole"},
	} {
		g := &ir.Graph{}
		g.MustAdd(key)
		g.MustAdd(tc.r)
		out, err := RenderStack(g, "S")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := "new " + tc.want + "(this, '" + tc.r.ID + "'"
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: got no %q in:\n%s", tc.name, want, out)
		}
		if !strings.Contains(string(out), "new kms.Key(this, 'Key'") {
			t.Errorf("%s: got the key as an L1, want kms.Key", tc.name)
		}
	}
}

// TestL2MatchesCDK checks the L2 registry against aws-cdk-lib: each class
// and getter the renderer writes exists, and RetentionDays has the
// members and values the renderer names.
func TestL2MatchesCDK(t *testing.T) {
	oracle.Require(t, "aws-cdk-lib")
	root := filepath.Join(oracle.Tools(), "node_modules", "aws-cdk-lib")
	for _, k := range l2Kinds {
		files, _ := filepath.Glob(filepath.Join(root, k.module, "lib", "*.d.ts"))
		var all strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(data)
		}
		text := all.String()
		if !strings.Contains(text, "export declare class "+k.class+" ") {
			t.Errorf("%s: aws-cdk-lib/%s declares no class %s", k.typ, k.module, k.class)
		}
		getters := []string{k.ref}
		for _, a := range k.attrs {
			getters = append(getters, a.getter)
		}
		for _, g := range getters {
			if !regexp.MustCompile(`(readonly |get )` + g + `[:(]`).MatchString(text) {
				t.Errorf("%s: aws-cdk-lib/%s has no getter %s", k.typ, k.module, g)
			}
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "aws-logs", "lib", "log-group.d.ts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range retentionDays {
		if !strings.Contains(string(data), "    "+r.name+" = "+strconv.FormatInt(r.days, 10)+",") {
			t.Errorf("RetentionDays.%s: got no member of value %d in aws-cdk-lib", r.name, r.days)
		}
	}
}
