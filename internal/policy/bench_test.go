package policy

import (
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
)

// benchPolicy is the one Rego policy of the benchmark: a tag check over
// input.ir.
const benchPolicy = `package bench.tags

# METADATA
# custom: {id: BENCH-TAG-001, severity: low, controls: [CM-8]}
deny contains {"msg": sprintf("%s has no owner tag", [r.id]), "resource": r.address} if {
	some r in input.ir.resources
	r.type == "AWS::S3::Bucket"
	not owned(r)
}

owned(r) if {
	some t in r.properties.Tags
	t.Key == "owner"
}
`

// cfnTemplate writes a template of ten resources of the common types, some
// compliant and some not, with one suppression comment.
func cfnTemplate(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: generated stack %d\nResources:\n", i)
	fmt.Fprintf(&b, `  # hoist:ignore HOIST-S3-006 reason="log bucket %d"
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
      Tags: [{Key: owner, Value: team%d}]
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: {BlockPublicAcls: false, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: https}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      StorageEncrypted: true
      PubliclyAccessible: false
      BackupRetentionPeriod: 7
      MasterUsername: app
      ManageMasterUserPassword: true
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration: {ScanOnPush: true}
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - {Effect: Allow, Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}, Action: "kms:*", Resource: "*"}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: app
          Image: !Sub "${Repo}:%d"
          Privileged: false
          Environment: [{Name: PORT, Value: "8080"}]
`, i, i, i)
	return b.String()
}

// tfConfig writes the Terraform counterpart of cfnTemplate.
func tfConfig(i int) string {
	return fmt.Sprintf(`# hoist:ignore HOIST-S3-006 reason="log bucket %d"
resource "aws_s3_bucket" "logs" {
  bucket = "logs-%d"
  tags   = { owner = "team%d" }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets-%d"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/%d"
  retention_in_days = 30
}

resource "aws_db_instance" "db" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  storage_encrypted           = true
  backup_retention_period     = 7
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_ecr_repository" "repo" {
  name                 = "repo-%d"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_kms_key" "key" {
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "table" {
  name         = "t%d"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_sqs_queue" "queue" {
  sqs_managed_sse_enabled = true
}
`, i, i, i, i, i, i, i)
}

const benchTargets = 1000

// cpuTime is the process's user and system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func benchCFN(b *testing.B) []Target {
	targets := make([]Target, benchTargets)
	for i := range targets {
		targets[i] = cfnTarget(b, fmt.Sprintf("stacks/s%04d.yaml", i), cfnTemplate(i))
	}
	return targets
}

func benchTF(b *testing.B) []Target {
	targets := make([]Target, benchTargets)
	for i := range targets {
		dir := fmt.Sprintf("tf/m%04d", i)
		file := dir + "/main.tf"
		src := []byte(tfConfig(i))
		g, probs, err := terraform.ImportFiles(map[string][]byte{"main.tf": src}, terraform.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range probs {
			if p.Severity == terraform.SeverityError {
				b.Fatalf("%s: %v", file, p)
			}
		}
		relocate(g, dir+"/")
		targets[i] = Target{Kind: KindTerraform, Path: dir, Graph: g, Sources: map[string][]byte{file: src}}
	}
	return targets
}

// BenchmarkCheck runs every built-in rule and one Rego policy over 1,000
// imported templates of ten resources each (10,000 resources).
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	writeFile(b, dir+"/tags.rego", benchPolicy)
	for _, tc := range []struct {
		name    string
		targets func(*testing.B) []Target
	}{
		{"cloudformation", benchCFN},
		{"terraform", benchTF},
	} {
		b.Run(tc.name, func(b *testing.B) {
			targets := tc.targets(b)
			resources := 0
			for _, t := range targets {
				resources += len(t.Graph.Resources)
			}
			opts := Options{PolicyDirs: []string{dir}, Now: testNow}
			rep, err := Check(targets, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			for b.Loop() {
				if _, err := Check(targets, opts); err != nil {
					b.Fatal(err)
				}
			}
			// On a shared machine wall time varies with the load; CPU time
			// (all threads) says what the check costs.
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(resources), "resources")
			b.ReportMetric(float64(len(rep.Findings)), "findings")
		})
	}
}

// relocate prefixes every position of a graph with a folder, as a loader
// does for a module it imported from that folder.
func relocate(g *ir.Graph, prefix string) {
	fix := func(l *ir.Location) {
		if l.File != "" {
			l.File = prefix + l.File
		}
	}
	for _, r := range g.Resources {
		fix(&r.Loc)
		for _, root := range []*ir.Map{r.Properties, r.Metadata} {
			if root == nil {
				continue
			}
			ir.Walk(root, func(v ir.Value) bool {
				switch x := v.(type) {
				case *ir.Map:
					fix(&x.Loc)
					for i := range x.Entries {
						fix(&x.Entries[i].Loc)
					}
				case *ir.List:
					fix(&x.Loc)
				}
				return true
			})
		}
	}
}
