package validate

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// generated is a template of n resources of several types wired together
// with Ref, GetAtt, Sub and DependsOn.
func generated(n int) []byte {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env:\n    Type: String\n    Default: dev\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n")
	for i := 1; i < n; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "  Subnet%d:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: !Select [%d, !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]\n      AvailabilityZone: !Select [0, !GetAZs \"\"]\n      Tags:\n        - Key: env\n          Value: !Ref Env\n", i, i%256)
		case 1:
			fmt.Fprintf(&b, "  Bucket%d:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub ${AWS::StackName}-%d-${Env}\n      VersioningConfiguration:\n        Status: Enabled\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n", i, i)
		case 2:
			fmt.Fprintf(&b, "  Queue%d:\n    Type: AWS::SQS::Queue\n    DependsOn: Bucket%d\n    Properties:\n      DelaySeconds: 5\n      VisibilityTimeout: 60\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Bucket%d.Arn\n        maxReceiveCount: 3\n", i, i-1, i-1)
		case 3:
			fmt.Fprintf(&b, "  Group%d:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: group %d\n      VpcId: !Ref Vpc\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n", i, i)
		case 4:
			fmt.Fprintf(&b, "  Role%d:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n          - Effect: Allow\n            Principal: {Service: ecs-tasks.amazonaws.com}\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: read\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [sqs:ReceiveMessage]\n                Resource: !GetAtt Queue%d.Arn\n", i, i-2)
		}
	}
	return []byte(b.String())
}

func TestGeneratedTemplateIsValid(t *testing.T) {
	if got := CloudFormation("gen.yaml", generated(100), Options{}); len(got) != 0 {
		t.Errorf("generated template: got %d findings, first %v; want none", len(got), got[0])
	}
}

// BenchmarkValidate1000 validates a 1,000-resource template; the target is
// under 20 ms once the schema is loaded.
func BenchmarkValidate1000(b *testing.B) {
	data := generated(1000)
	CloudFormation("warm.yaml", generated(10), Options{}) // load the schema
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if f := CloudFormation("gen.yaml", data, Options{}); len(f) != 0 {
			b.Fatalf("got %d findings, want none: %v", len(f), f[0])
		}
	}
}

// BenchmarkYAMLParse1000 is the YAML package alone on the same template:
// what parsing costs when the importer's fast parser gives up (comments,
// anchors, block scalars, JSON); BenchmarkParse1000 in
// internal/importer/cloudformation compares the two parsers.
func BenchmarkYAMLParse1000(b *testing.B) {
	data := generated(1000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}
