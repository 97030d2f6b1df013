package cfn

import (
	"encoding/json"
	"runtime"
	"testing"
)

// benchResources are realistic Properties blocks of common types; the
// benchmark cycles through them to build 1,000 resources.
var benchResources = []struct{ typ, props string }{
	{"AWS::S3::Bucket", `{"BucketName":{"Fn::Sub":"${AWS::StackName}-logs"},"VersioningConfiguration":{"Status":"Enabled"},
		"BucketEncryption":{"ServerSideEncryptionConfiguration":[{"ServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":{"Ref":"Key"}},"BucketKeyEnabled":true}]},
		"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"BlockPublicPolicy":true,"IgnorePublicAcls":true,"RestrictPublicBuckets":true},
		"LifecycleConfiguration":{"Rules":[{"Id":"expire","Status":"Enabled","ExpirationInDays":90}]},
		"Tags":[{"Key":"app","Value":"web"},{"Key":"env","Value":"prod"}]}`},
	{"AWS::ECS::TaskDefinition", `{"Family":"web","Cpu":"512","Memory":"1024","NetworkMode":"awsvpc","RequiresCompatibilities":["FARGATE"],
		"ExecutionRoleArn":{"Fn::GetAtt":["ExecRole","Arn"]},
		"ContainerDefinitions":[{"Name":"web","Image":"nginx:1.27","Essential":true,"PortMappings":[{"ContainerPort":8080,"Protocol":"tcp"}],
		"Environment":[{"Name":"PORT","Value":"8080"}],
		"LogConfiguration":{"LogDriver":"awslogs","Options":{"awslogs-group":{"Ref":"Logs"},"awslogs-region":{"Ref":"AWS::Region"},"awslogs-stream-prefix":"web"}},
		"HealthCheck":{"Command":["CMD-SHELL","curl -f http://localhost:8080/ || exit 1"],"Interval":30,"Retries":3}}]}`},
	{"AWS::EC2::Subnet", `{"VpcId":{"Ref":"Vpc"},"CidrBlock":"10.0.1.0/24","AvailabilityZone":{"Fn::Select":[0,{"Fn::GetAZs":""}]},"MapPublicIpOnLaunch":false,"Tags":[{"Key":"Name","Value":"private-a"}]}`},
	{"AWS::EC2::SecurityGroup", `{"GroupDescription":"web","VpcId":{"Ref":"Vpc"},"SecurityGroupIngress":[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"CidrIp":"0.0.0.0/0"}],"SecurityGroupEgress":[{"IpProtocol":"-1","CidrIp":"0.0.0.0/0"}]}`},
	{"AWS::IAM::Role", `{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]},
		"ManagedPolicyArns":["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
		"Policies":[{"PolicyName":"read","PolicyDocument":{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}}]}`},
	{"AWS::Lambda::Function", `{"Runtime":"python3.13","Handler":"app.handler","Role":{"Fn::GetAtt":["Role","Arn"]},"Code":{"S3Bucket":"b","S3Key":"k.zip"},"MemorySize":256,"Timeout":"30",
		"Environment":{"Variables":{"TABLE":{"Ref":"Table"}}},"VpcConfig":{"SubnetIds":[{"Ref":"SubnetA"},{"Ref":"SubnetB"}],"SecurityGroupIds":[{"Ref":"Sg"}]}}`},
	{"AWS::RDS::DBInstance", `{"Engine":"postgres","EngineVersion":"16.4","DBInstanceClass":"db.t4g.micro","AllocatedStorage":"20","StorageEncrypted":true,"MultiAZ":false,
		"MasterUsername":"app","ManageMasterUserPassword":true,"DBSubnetGroupName":{"Ref":"SubnetGroup"},"VPCSecurityGroups":[{"Ref":"DbSg"}],"DeletionProtection":true,"BackupRetentionPeriod":7}`},
	{"AWS::SQS::Queue", `{"QueueName":"jobs","VisibilityTimeout":60,"RedrivePolicy":{"deadLetterTargetArn":{"Fn::GetAtt":["Dlq","Arn"]},"maxReceiveCount":5},"SqsManagedSseEnabled":true}`},
	{"AWS::Logs::LogGroup", `{"LogGroupName":"/app/web","RetentionInDays":30,"KmsKeyId":{"Fn::GetAtt":["Key","Arn"]}}`},
	{"AWS::ECS::ExpressGatewayService", `{"InfrastructureRoleArn":{"Fn::GetAtt":["InfraRole","Arn"]},"ExecutionRoleArn":{"Fn::GetAtt":["ExecRole","Arn"]},"Cpu":"1024","Memory":"2048",
		"PrimaryContainer":{"Image":"123.dkr.ecr.us-east-1.amazonaws.com/web:1","ContainerPort":8080},"HealthCheckPath":"/health",
		"ScalingTarget":{"MinTaskCount":1,"MaxTaskCount":4},"Tags":[{"Key":"app","Value":"web"}]}`},
	// Two with mistakes, so the error paths (suggestions) are in the mix.
	{"AWS::S3::Bucket", `{"BucketNam":"x","VersioningConfiguration":{"Status":"Enabled"}}`},
	{"AWS::ECS::TaskDefinition", `{"ContainerDefinitions":[{"Name":"w","Image":"i","PortMappings":[{"ContainerPort":"abc"}]}]}`},
}

func benchCorpus(b *testing.B) ([]string, []map[string]any) {
	b.Helper()
	types := make([]string, 1000)
	props := make([]map[string]any, 1000)
	for i := range types {
		r := benchResources[i%len(benchResources)]
		types[i] = r.typ
		if err := json.Unmarshal([]byte(r.props), &props[i]); err != nil {
			b.Fatalf("%s: %v", r.typ, err)
		}
	}
	return types, props
}

// BenchmarkCheckProperties checks 1,000 resources of mixed types per op.
func BenchmarkCheckProperties(b *testing.B) {
	types, props := benchCorpus(b)
	db()
	problems := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		problems = 0
		for i := range types {
			problems += len(CheckProperties(types[i], props[i]))
		}
	}
	// 2 of every 12 resources carry exactly one mistake each.
	if want := 2 * (1000 / 12); problems < want {
		b.Fatalf("got %d problems, want at least %d", problems, want)
	}
}

// BenchmarkLoad decompresses and indexes the embedded schema: the cost of
// the first call into the package. heap-MB is the live heap it then holds.
func BenchmarkLoad(b *testing.B) {
	benchLoad(b, func(c *catalog) {})
}

// BenchmarkLoadAll also parses every resource type: the worst case, when a
// caller touches all 1,800 types.
func BenchmarkLoadAll(b *testing.B) {
	benchLoad(b, func(c *catalog) {
		for _, rt := range c.types {
			if _, _, err := c.resource(rt); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchLoad(b *testing.B, then func(*catalog)) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := decode(embedded)
		if err != nil {
			b.Fatal(err)
		}
		then(c)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c, _ := decode(embedded)
	then(c)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(c)
}
