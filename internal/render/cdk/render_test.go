package cdk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/oracle"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

func TestCamel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"BucketName", "bucketName"},
		{"MultiAZ", "multiAz"},
		{"DBInstanceClass", "dbInstanceClass"},
		{"KMSMasterKeyID", "kmsMasterKeyId"},
		{"SSESpecification", "sseSpecification"},
		{"VPCSecurityGroups", "vpcSecurityGroups"},
		{"Ipv6CidrBlock", "ipv6CidrBlock"},
		{"S3Bucket", "s3Bucket"},
		{"CidrIp", "cidrIp"},
		{"Endpoint.Address", "endpointAddress"},
		{"X", "x"},
		{"", ""},
	} {
		if got := camel(tc.in); got != tc.want {
			t.Errorf("camel(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Arn", "attrArn"}, {"Endpoint.Address", "attrEndpointAddress"}, {"DBClusterArn", "attrDbClusterArn"},
	} {
		if got := attrGetter("AWS::RDS::DBCluster", tc.in); got != tc.want {
			t.Errorf("attrGetter(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestL1(t *testing.T) {
	for _, tc := range []struct{ in, module, class string }{
		{"AWS::S3::Bucket", "aws-s3", "CfnBucket"},
		{"AWS::ElasticLoadBalancingV2::TargetGroup", "aws-elasticloadbalancingv2", "CfnTargetGroup"},
		{"AWS::ApplicationAutoScaling::ScalableTarget", "aws-applicationautoscaling", "CfnScalableTarget"},
		{"AWS::Serverless::Function", "aws-sam", "CfnFunction"},
		{"Alexa::ASK::Skill", "alexa-ask", "CfnSkill"},
		{"AWS::EC2::VPC", "aws-ec2", "CfnVPC"},
		{"Terraform::aws_foo", "", ""},
		{"AWS::S3", "", ""},
		{"AWS::S-3::Bucket", "", ""},
	} {
		m, c, ok := l1(tc.in)
		if m != tc.module || c != tc.class || ok != (tc.module != "") {
			t.Errorf("l1(%q): got %q %q %v, want %q %q", tc.in, m, c, ok, tc.module, tc.class)
		}
	}
}

func TestNewNames(t *testing.T) {
	for _, tc := range []struct{ in, class, file, stack string }{
		{"vault", "VaultStack", "vault-stack", "vault"},
		{"my_api v2", "MyApiV2Stack", "my-api-v2-stack", "my-api-v2"},
		{"", "AppStack", "app-stack", "app"},
		{"9lives", "App9livesStack", "app-9lives-stack", "app-9lives"},
	} {
		n := newNames(tc.in)
		if n.class != tc.class || n.file != tc.file || n.stack != tc.stack {
			t.Errorf("newNames(%q): got %+v, want %s %s %s", tc.in, n, tc.class, tc.file, tc.stack)
		}
	}
}

// demo exercises every IR feature the renderer handles.
func demo() *ir.Graph {
	g := &ir.Graph{
		Description: "demo stack",
		Parameters: []ir.Parameter{
			{Name: "Env", Type: "String", Default: ir.String("prod"), AllowedValues: []string{"dev", "prod"}, Description: "environment"},
			{Name: "Size", Type: "Number", Default: ir.Int(20)},
			{Name: "Subnets", Type: "List<AWS::EC2::Subnet::Id>"},
		},
		Conditions: ir.M(
			"IsProd", ir.Call{Fn: "Fn::Equals", Args: ir.Values(ir.Ref{Target: "Env"}, ir.String("prod"))},
			"NotProd", ir.Call{Fn: "Fn::Not", Args: ir.Values(ir.Call{Fn: "Condition", Args: ir.String("IsProd")})},
		),
	}
	// Policy comes first and refers to Bucket: the renderer must move it.
	g.MustAdd(&ir.Resource{ID: "Policy", Type: "AWS::S3::BucketPolicy", DependsOn: []string{"Bucket"}, Properties: ir.M(
		"Bucket", ir.Ref{Target: "Bucket"},
		"PolicyDocument", ir.M("Statement", ir.Values(ir.M(
			"Effect", "Deny", "Principal", "*", "Action", "s3:*",
			"Resource", ir.Values(ir.GetAtt{Target: "Bucket", Attr: "Arn"}, ir.Join{Sep: "", Items: []ir.Value{ir.GetAtt{Target: "Bucket", Attr: "Arn"}, ir.String("/*")}}),
			"Condition", ir.M("Bool", ir.M("aws:SecureTransport", "false")),
		))),
	)})
	g.MustAdd(&ir.Resource{ID: "Bucket", Type: "AWS::S3::Bucket", Comment: "Keeps files.", DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain",
		Condition: "IsProd", Metadata: ir.M("Owner", "ops"), Properties: ir.M(
			"BucketName", ir.Sub{Format: "${AWS::StackName}-${Env}-it's"},
			"VersioningConfiguration", ir.M("Status", "Enabled"),
			"Tags", ir.Values(ir.M("Key", "env", "Value", ir.Ref{Target: "Env"})),
			"NotAProperty", ir.M("A", 1),
			"ObjectLockEnabled", ir.String("true"),
		)})
	g.MustAdd(&ir.Resource{ID: "Db", Type: "AWS::RDS::DBInstance", Properties: ir.M(
		"AllocatedStorage", ir.Ref{Target: "Size"},
		"DBInstanceClass", ir.Call{Fn: "Fn::If", Args: ir.Values(ir.String("IsProd"), ir.String("db.m7g.large"), ir.String("db.t4g.micro"))},
		"Engine", "postgres",
		"MultiAZ", ir.Bool(true),
		"Port", ir.Int(5432),
		"AvailabilityZone", ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(0), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})},
		"VPCSecurityGroups", ir.Values(ir.GetAtt{Target: "Sg", Attr: "GroupId"}),
	)})
	g.MustAdd(&ir.Resource{ID: "Sg", Type: "AWS::EC2::SecurityGroup", Properties: ir.M("GroupDescription", "db", "SecurityGroupIngress", ir.Values(ir.M("IpProtocol", "tcp", "FromPort", ir.String("5432"), "ToPort", 5432, "CidrIp", ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(0), ir.Call{Fn: "Fn::Cidr", Args: ir.Values(ir.String("10.0.0.0/16"), ir.Int(4), ir.Int(8))})})))})
	g.MustAdd(&ir.Resource{ID: "Custom", Type: "Custom::Thing", Properties: ir.M("ServiceToken", ir.Sub{Format: "${Bucket.Arn}", Vars: ir.M("Extra", ir.Ref{Target: "AWS::Region"})}, "Subnets", ir.Ref{Target: "Subnets"})})
	// L2s: a queue with a condition, metadata, a policy pair no
	// RemovalPolicy sets and dependencies both ways, encrypted with a key
	// that stays L1 (it has no policy); a log group on the same key.
	g.MustAdd(&ir.Resource{ID: "Jobs", Type: "AWS::SQS::Queue", Condition: "IsProd", Metadata: ir.M("Owner", "ops"), DeletionPolicy: "Retain",
		DependsOn: []string{"Sg"}, Properties: ir.M(
			"VisibilityTimeout", 90,
			"KmsMasterKeyId", ir.GetAtt{Target: "Key", Attr: "Arn"},
		)})
	g.MustAdd(&ir.Resource{ID: "Key", Type: "AWS::KMS::Key", Properties: ir.M("Description", "no policy: an L1")})
	g.MustAdd(&ir.Resource{ID: "Logs", Type: "AWS::Logs::LogGroup", DeletionPolicy: "Delete", DependsOn: []string{"Jobs"}, Properties: ir.M(
		"KmsKeyId", ir.GetAtt{Target: "Key", Attr: "Arn"},
		"LogGroupName", ir.Sub{Format: "/${AWS::StackName}/jobs"},
	)})
	// Stateful without a DeletionPolicy: aws-cdk-lib refuses that under
	// an L2, so it stays L1.
	g.MustAdd(&ir.Resource{ID: "Audit", Type: "AWS::Logs::LogGroup", Properties: ir.M("RetentionInDays", 30)})
	g.MustAdd(&ir.Resource{ID: "JobsAlarmHook", Type: "Custom::Hook", DependsOn: []string{"Jobs"}, Properties: ir.M(
		"ServiceToken", ir.GetAtt{Target: "Jobs", Attr: "Arn"},
		"QueueUrl", ir.GetAtt{Target: "Jobs", Attr: "QueueUrl"},
		"Logs", ir.Ref{Target: "Logs"},
	)})
	g.Outputs = []ir.Output{
		{Name: "Bucket", Value: ir.Ref{Target: "Bucket"}, Description: "the bucket"},
		{Name: "DbEndpoint", Value: ir.GetAtt{Target: "Db", Attr: "Endpoint.Address"}, ExportName: ir.Sub{Format: "${AWS::StackName}-db"}},
	}
	return g
}

func TestRenderStack(t *testing.T) {
	got, err := RenderStack(demo(), "DemoStack")
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "demo-stack.ts"), got)
	s := string(got)
	for _, want := range []string{
		"import { Aws, CfnCondition, CfnDeletionPolicy, CfnOutput, CfnParameter, CfnResource, Duration, Fn, Stack, StackProps, Token } from 'aws-cdk-lib';",
		"bucket.overrideLogicalId('Bucket');",
		"bucket.addPropertyOverride('NotAProperty', {",
		"objectLockEnabled: true,",
		"bucketName: Fn.sub('${AWS::StackName}-${Env}-it\\'s'),",
		"key: 'env',\n          value: env.valueAsString,",
		"'aws:SecureTransport': 'false',",
		"allocatedStorage: size.valueAsString,",
		"dbInstanceClass: Token.asString(Fn.conditionIf('IsProd', 'db.m7g.large', 'db.t4g.micro')),",
		"multiAz: true,",
		"port: '5432',",
		"vpcSecurityGroups: [sg.attrGroupId],",
		"fromPort: 5432,",
		"bucket.cfnOptions.condition = isProd;",
		"bucket.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;",
		"policy.addDependency(bucket);",
		"const bucketOutput = new CfnOutput(this, 'BucketOutput', {",
		"bucketOutput.overrideLogicalId('Bucket');",
		"expression: Fn.conditionNot(isProd),",
		"const jobs = new sqs.Queue(this, 'Jobs', {",
		"const keyByArn = kms.Key.fromKeyArn(this, 'KeyByArn', key.attrArn);",
		"encryptionMasterKey: keyByArn,",
		"visibilityTimeout: Duration.seconds(90),",
		"const jobsResource = jobs.node.defaultChild as sqs.CfnQueue;",
		"jobsResource.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;",
		"jobsResource.cfnOptions.updateReplacePolicy = undefined;",
		"jobsResource.cfnOptions.condition = isProd;",
		"jobs.node.addDependency(sg);",
		"const logs2 = new logs.LogGroup(this, 'Logs', {",
		"encryptionKey: key,",
		"retention: logs.RetentionDays.INFINITE,",
		"logs2.node.addDependency(jobs);",
		"ServiceToken: jobs.queueArn,",
		"QueueUrl: (jobs.node.defaultChild as sqs.CfnQueue).attrQueueUrl,",
		"Logs: logs2.logGroupName,",
		"jobsAlarmHook.node.addDependency(jobs);",
		"const key = new kms.CfnKey(this, 'Key', {",
		"const audit = new logs.CfnLogGroup(this, 'Audit', {",
		"logsResource.cfnOptions.deletionPolicy = CfnDeletionPolicy.DELETE;",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("RenderStack(demo): output lacks %q", want)
		}
	}
	if strings.Index(s, "new s3.CfnBucket") > strings.Index(s, "new s3.CfnBucketPolicy") {
		t.Errorf("RenderStack(demo): got the policy before the bucket it refers to, want the bucket first")
	}
}

func TestRenderFiles(t *testing.T) {
	files, err := Render(demo(), Options{Name: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	want := ".gitignore bin/app.ts cdk.json lib/demo-stack.ts package.json tsconfig.json"
	if strings.Join(paths, " ") != want {
		t.Errorf("Render paths: got %q, want %q", strings.Join(paths, " "), want)
	}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".json") && !json.Valid(f.Content) {
			t.Errorf("Render: %s is not valid JSON:\n%s", f.Path, f.Content)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *ir.Resource
		want string
	}{
		{"terraform expression", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", Properties: ir.M("BucketName", ir.Call{Fn: "Expr", Args: ir.String("var.x")})}, "B: BucketName: Expr cannot be written in CDK"},
		{"bad deletion policy", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", DeletionPolicy: "Keep"}, `B: unknown deletionPolicy "Keep"`},
		{"undefined condition", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", Condition: "Nope"}, `B: condition "Nope" is not defined`},
		{"undefined dependency", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", DependsOn: []string{"Nope"}}, `DependsOn undefined resource "Nope"`},
		{"bad number", &ir.Resource{ID: "B", Type: "AWS::SQS::Queue", Properties: ir.M("DelaySeconds", ir.Number("1x"))}, `B: DelaySeconds: "1x" is not a number`},
		{"bad select", &ir.Resource{ID: "B", Type: "AWS::S3::Bucket", Properties: ir.M("BucketName", ir.Call{Fn: "Fn::Select", Args: ir.String("x")})}, "Fn::Select takes 2 arguments, got 0"},
	} {
		g := &ir.Graph{}
		g.MustAdd(tc.r)
		_, err := RenderStack(g, "S")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestQuoteAndNumber(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "'plain'", "it's": `'it\'s'`, "a\\b": `'a\\b'`, "l1\nl2": `'l1\nl2'`, "\x01": `'\u0001'`, "${X}": "'${X}'",
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q): got %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"3": "3", "0.5": "0.5", "-2": "-2", "1e3": "1e3", "007": "7", "+4": "4", "NaN": "", "Inf": "", "x": ""} {
		got, ok := number(in)
		if got != want || ok != (want != "") {
			t.Errorf("number(%q): got %q %v, want %q", in, got, ok, want)
		}
	}
}

func TestPinnedVersions(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(oracle.Tools(), "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ Dependencies map[string]string }
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	for name, ours := range map[string]string{
		"aws-cdk-lib": AWSCDKLibVersion, "aws-cdk": AWSCDKVersion, "constructs": ConstructsVersion,
		"tsx": TSXVersion, "typescript": TypeScriptVersion,
	} {
		if p.Dependencies[name] != ours {
			t.Errorf("generated package.json pins %s %s, want test-tools' %s", name, ours, p.Dependencies[name])
		}
	}
}

var (
	reResource = regexp.MustCompile(`@cloudformationResource (\S+)\n(?: \*[^\n]*\n)*? \*/\nexport declare class (\w+)`)
	reAttr     = regexp.MustCompile(`@cloudformationAttribute (\S+)\s+\*/\s+get (\w+)\(\)`)
	renamed    = func() map[string]bool {
		m := map[string]bool{}
		for _, v := range fieldRenames {
			m[v] = true
		}
		for _, v := range attrRenames {
			m[v] = true
		}
		return m
	}()
	reProp = regexp.MustCompile(`([A-Za-z0-9]+):cdk\(\)\.\w+(?:\([^()]*\))?\(properties\.(\w+)\)`)
)

// TestNamesMatchCDK checks the renderer's naming against aws-cdk-lib
// itself: every L1 class's module and name, every attribute getter, and
// every property name in its generated conversion code.
func TestNamesMatchCDK(t *testing.T) {
	oracle.Require(t, "aws-cdk-lib")
	root := filepath.Join(oracle.Tools(), "node_modules", "aws-cdk-lib")
	dts, _ := filepath.Glob(filepath.Join(root, "*", "lib", "*.generated.d.ts"))
	if len(dts) < 100 {
		t.Fatalf("found %d generated .d.ts files in %s, want hundreds", len(dts), root)
	}
	classes, attrs, props := 0, 0, 0
	// A type's class can be declared by more than one module (aws-eks and
	// aws-eks-v2 both do): the renderer's choice must be one of them.
	declared := map[string]map[string]bool{}
	for _, f := range dts {
		module := filepath.Base(filepath.Dir(filepath.Dir(f)))
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range reResource.FindAllStringSubmatch(string(data), -1) {
			classes++
			if declared[m[1]] == nil {
				declared[m[1]] = map[string]bool{}
			}
			declared[m[1]][module+"."+m[2]] = true
		}
		for _, m := range reAttr.FindAllStringSubmatch(string(data), -1) {
			attrs++
			if got := attrGetter("", m[1]); got != m[2] && !renamed[m[2]] {
				t.Errorf("%s: attrGetter(%q): got %q, want %q", filepath.Base(f), m[1], got, m[2])
			}
		}
		js, err := os.ReadFile(strings.TrimSuffix(f, ".d.ts") + ".js")
		if err != nil {
			continue
		}
		for _, m := range reProp.FindAllStringSubmatch(string(js), -1) {
			props++
			if got := camel(m[1]); got != m[2] && !renamed[m[2]] {
				t.Errorf("%s: camel(%q): got %q, want %q", filepath.Base(f), m[1], got, m[2])
			}
		}
	}
	for _, typ := range ir.SortedKeys(declared) {
		gm, gc, _ := l1(typ)
		if !declared[typ][gm+"."+gc] {
			t.Errorf("l1(%q): got %s.%s, want one of %v", typ, gm, gc, ir.SortedKeys(declared[typ]))
		}
	}
	if classes < 1000 || attrs < 1000 || props < 10000 {
		t.Errorf("checked %d classes, %d attributes, %d properties; want more (has the generated code's shape changed?)", classes, attrs, props)
	}
	// Every resource type in Hoist's schema has an L1 class of the name
	// the renderer writes, or the renderer would emit a missing class.
	known := declared
	var missing []string
	for _, typ := range cfn.Types() {
		if known[typ] == nil {
			missing = append(missing, typ)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d types of Hoist's schema have no L1 class in aws-cdk-lib; the renderer would write a class that does not exist: %v", len(missing), missing)
	}
}
