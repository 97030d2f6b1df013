package cfn

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// obj decodes a JSON literal the way a template loader would.
func obj(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad test input %s: %v", s, err)
	}
	return m
}

func TestCheckProperties(t *testing.T) {
	tests := []struct {
		name  string
		typ   string
		props string
		want  []Problem
	}{
		{
			name:  "valid bucket",
			typ:   "AWS::S3::Bucket",
			props: `{"BucketName":"logs","VersioningConfiguration":{"Status":"Enabled"},"Tags":[{"Key":"app","Value":"hoist"}]}`,
		},
		{
			name:  "no properties at all",
			typ:   "AWS::S3::Bucket",
			props: `{}`,
		},
		{
			name:  "property typo gets a suggestion",
			typ:   "AWS::S3::Bucket",
			props: `{"BucketNam":"logs"}`,
			want: []Problem{{
				Path: "Properties.BucketNam", Kind: ProblemUnknownProperty, Suggestion: "BucketName",
				Message: `unknown property "BucketNam"; did you mean "BucketName"?`,
			}},
		},
		{
			name:  "property with wrong case gets a suggestion",
			typ:   "AWS::S3::Bucket",
			props: `{"bucketname":"logs"}`,
			want: []Problem{{
				Path: "Properties.bucketname", Kind: ProblemUnknownProperty, Suggestion: "BucketName",
				Message: `unknown property "bucketname"; did you mean "BucketName"?`,
			}},
		},
		{
			name:  "unrelated property gets no suggestion",
			typ:   "AWS::S3::Bucket",
			props: `{"Zzzzzzzzzzzz":1}`,
			want: []Problem{{
				Path: "Properties.Zzzzzzzzzzzz", Kind: ProblemUnknownProperty,
				Message: `unknown property "Zzzzzzzzzzzz"`,
			}},
		},
		{
			name: "nested wrong type in a task definition",
			typ:  "AWS::ECS::TaskDefinition",
			props: `{"ContainerDefinitions":[{"Name":"web","Image":"nginx",
				"PortMappings":[{"ContainerPort":"abc"},{"ContainerPort":"8080"},{"ContainerPort":{"Ref":"Port"}}]}]}`,
			want: []Problem{{
				Path: "Properties.ContainerDefinitions[0].PortMappings[0].ContainerPort", Kind: ProblemWrongType,
				Message: `got string "abc", want integer`,
			}},
		},
		{
			name:  "unknown field inside a property type",
			typ:   "AWS::ECS::TaskDefinition",
			props: `{"ContainerDefinitions":[{"Name":"web","Image":"nginx","PortMapings":[]}]}`,
			want: []Problem{{
				Path: "Properties.ContainerDefinitions[0].PortMapings", Kind: ProblemUnknownProperty, Suggestion: "PortMappings",
				Message: `unknown property "PortMapings"; did you mean "PortMappings"?`,
			}},
		},
		{
			name:  "missing required field inside a property type",
			typ:   "AWS::ECS::TaskDefinition",
			props: `{"ContainerDefinitions":[{"Name":"web"}]}`,
			want: []Problem{{
				Path: "Properties.ContainerDefinitions[0].Image", Kind: ProblemMissingRequired,
				Message: `missing required property "Image"`,
			}},
		},
		{
			name:  "db instance has no required properties",
			typ:   "AWS::RDS::DBInstance",
			props: `{}`,
		},
		{
			name:  "subnet without VpcId",
			typ:   "AWS::EC2::Subnet",
			props: `{"CidrBlock":"10.0.0.0/24"}`,
			want: []Problem{{
				Path: "Properties.VpcId", Kind: ProblemMissingRequired,
				Message: `missing required property "VpcId"`,
			}},
		},
		{
			name:  "subnet with VpcId from a Ref",
			typ:   "AWS::EC2::Subnet",
			props: `{"CidrBlock":"10.0.0.0/24","VpcId":{"Ref":"Vpc"}}`,
		},
		{
			name:  "list given a scalar",
			typ:   "AWS::EC2::SecurityGroup",
			props: `{"GroupDescription":"web","SecurityGroupIngress":"all"}`,
			want: []Problem{{
				Path: "Properties.SecurityGroupIngress", Kind: ProblemWrongType,
				Message: `got string "all", want list of object AWS::EC2::SecurityGroup.Ingress`,
			}},
		},
		{
			name:  "object given a list",
			typ:   "AWS::S3::Bucket",
			props: `{"VersioningConfiguration":["Enabled"]}`,
			want: []Problem{{
				Path: "Properties.VersioningConfiguration", Kind: ProblemWrongType,
				Message: `got list, want object AWS::S3::Bucket.VersioningConfiguration`,
			}},
		},
		{
			name:  "string given an object",
			typ:   "AWS::S3::Bucket",
			props: `{"BucketName":{"Name":"x"}}`,
			want: []Problem{{
				Path: "Properties.BucketName", Kind: ProblemWrongType,
				Message: `got object, want string`,
			}},
		},
		{
			name:  "numbers and booleans are valid strings; numeric strings valid integers",
			typ:   "AWS::SQS::Queue",
			props: `{"QueueName":123,"VisibilityTimeout":"60","FifoQueue":"true","ContentBasedDeduplication":false}`,
		},
		{
			name:  "boolean given a word",
			typ:   "AWS::SQS::Queue",
			props: `{"FifoQueue":"yes"}`,
			want: []Problem{{
				Path: "Properties.FifoQueue", Kind: ProblemWrongType,
				Message: `got string "yes", want boolean`,
			}},
		},
		{
			name:  "integer given a fraction",
			typ:   "AWS::SQS::Queue",
			props: `{"VisibilityTimeout":1.5}`,
			want: []Problem{{
				Path: "Properties.VisibilityTimeout", Kind: ProblemWrongType,
				Message: `got number 1.5, want integer`,
			}},
		},
		{
			name:  "null value",
			typ:   "AWS::SQS::Queue",
			props: `{"QueueName":null}`,
			want: []Problem{{
				Path: "Properties.QueueName", Kind: ProblemWrongType,
				Message: `null is not allowed; want string`,
			}},
		},
		{
			name:  "tag without a value, and a tag that is not an object",
			typ:   "AWS::S3::Bucket",
			props: `{"Tags":[{"Key":"a"},"b",{"Fn::If":["C",{"Key":"c","Value":"d"},{"Ref":"AWS::NoValue"}]}]}`,
			want: []Problem{
				{Path: "Properties.Tags[0].Value", Kind: ProblemMissingRequired, Message: `missing required property "Value"`},
				{Path: "Properties.Tags[1]", Kind: ProblemWrongType, Message: `got string "b", want object Tag`},
			},
		},
		{
			name:  "intrinsic functions are accepted wherever a value is",
			typ:   "AWS::EC2::Subnet",
			props: `{"VpcId":{"Fn::ImportValue":"vpc"},"CidrBlock":{"Fn::Select":[0,{"Fn::Cidr":["10.0.0.0/16",4,8]}]},"MapPublicIpOnLaunch":{"Fn::If":["Pub",true,false]},"Tags":{"Fn::FindInMap":["M","K","V"]}}`,
		},
		{
			name:  "the whole Properties block is an intrinsic",
			typ:   "AWS::EC2::Subnet",
			props: `{"Fn::If":["C",{"VpcId":"v"},{"VpcId":"w"}]}`,
		},
		{
			name:  "a two-key map is not an intrinsic",
			typ:   "AWS::EC2::Subnet",
			props: `{"VpcId":{"Ref":"Vpc","Extra":1}}`,
			want:  []Problem{{Path: "Properties.VpcId", Kind: ProblemWrongType, Message: `got object, want string`}},
		},
		{
			name:  "Fn::Transform in an object suspends name and required checks there",
			typ:   "AWS::EC2::Subnet",
			props: `{"Fn::Transform":{"Name":"Macro"},"Anything":1}`,
		},
		{
			name:  "map values are checked",
			typ:   "AWS::Lambda::Function",
			props: `{"Role":"r","Code":{"ZipFile":"x"},"Environment":{"Variables":{"A":"1","B.C":["x"]}}}`,
			want: []Problem{{
				Path: `Properties.Environment.Variables["B.C"]`, Kind: ProblemWrongType,
				Message: `got list, want string`,
			}},
		},
		{
			name:  "json properties take any value",
			typ:   "AWS::IAM::Role",
			props: `{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}`,
		},
		{
			name:  "problems come sorted by property name",
			typ:   "AWS::EC2::Subnet",
			props: `{"Zone":"a","CidrBlock":[],"AvailabilityZon":"b"}`,
			want: []Problem{
				{Path: "Properties.AvailabilityZon", Kind: ProblemUnknownProperty, Suggestion: "AvailabilityZone", Message: `unknown property "AvailabilityZon"; did you mean "AvailabilityZone"?`},
				{Path: "Properties.CidrBlock", Kind: ProblemWrongType, Message: `got list, want string`},
				{Path: "Properties.VpcId", Kind: ProblemMissingRequired, Message: `missing required property "VpcId"`},
				{Path: "Properties.Zone", Kind: ProblemUnknownProperty, Message: `unknown property "Zone"`},
			},
		},
		{
			name:  "unknown resource type gets a suggestion",
			typ:   "AWS::S3::Buckt",
			props: `{"BucketName":"x"}`,
			want: []Problem{{
				Path: "Type", Kind: ProblemUnknownType, Suggestion: "AWS::S3::Bucket",
				Message: `unknown resource type "AWS::S3::Buckt"; did you mean "AWS::S3::Bucket"?`,
			}},
		},
		{
			name:  "custom resources take any property but need a ServiceToken",
			typ:   "Custom::DatabaseSeed",
			props: `{"Rows":[1,2],"ServiceTimeout":"soon"}`,
			want: []Problem{
				{Path: "Properties.ServiceTimeout", Kind: ProblemWrongType, Message: `got string "soon", want integer`},
				{Path: "Properties.ServiceToken", Kind: ProblemMissingRequired, Message: `missing required property "ServiceToken"`},
			},
		},
		{
			name:  "AWS::CloudFormation::CustomResource is open too",
			typ:   "AWS::CloudFormation::CustomResource",
			props: `{"ServiceToken":{"Fn::GetAtt":["Fn","Arn"]},"Anything":{"x":1}}`,
		},
		{
			name:  "CDK metadata is accepted",
			typ:   "AWS::CDK::Metadata",
			props: `{"Analytics":"v2:deflate64:abc"}`,
		},
		{
			name:  "a bare Custom:: prefix is not a custom resource",
			typ:   "Custom::",
			props: `{}`,
			want:  []Problem{{Path: "Type", Kind: ProblemUnknownType, Message: `unknown resource type "Custom::"`}},
		},
		{
			name:  "express gateway service is checked",
			typ:   "AWS::ECS::ExpressGatewayService",
			props: `{"InfrastructureRoleArn":"arn:aws:iam::1:role/x","PrimaryContainer":{"Image":"nginx","ContainerPort":"http"}}`,
			want: []Problem{{
				Path: "Properties.PrimaryContainer.ContainerPort", Kind: ProblemWrongType,
				Message: `got string "http", want integer`,
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckProperties(tt.typ, obj(t, tt.props))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckProperties(%s, %s): got %+v, want %+v\n(-want +got):\n%s", tt.typ, tt.props, got, tt.want, diff)
			}
		})
	}
}

// YAML decoders may produce map[any]any and Go integers; both must work.
func TestCheckPropertiesDecoderShapes(t *testing.T) {
	props := map[string]any{
		"QueueName":          "q",
		"VisibilityTimeout":  int(30),
		"RedrivePolicy":      map[any]any{"maxReceiveCount": 3},
		"Tags":               []any{map[any]any{"Key": "k", "Value": "v"}, map[any]any{"Key": "k"}},
		"DelaySeconds":       json.Number("5"),
		"MaximumMessageSize": json.Number("2.5"),
	}
	got := CheckProperties("AWS::SQS::Queue", props)
	want := []Problem{
		{Path: "Properties.MaximumMessageSize", Kind: ProblemWrongType, Message: `got number 2.5, want integer`},
		{Path: "Properties.Tags[1].Value", Kind: ProblemMissingRequired, Message: `missing required property "Value"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckProperties(AWS::SQS::Queue, %v): got %+v, want %+v\n(-want +got):\n%s", props, got, want, diff)
	}
}

func TestCheckUnion(t *testing.T) {
	integer := Type{Kind: KindInteger}
	list := Type{Kind: KindList, Elem: &integer}
	u := Type{Kind: KindUnion, Union: []Type{integer, list}}
	tests := []struct {
		name string
		v    any
		want []Problem
	}{
		{"first member", 3.0, nil},
		{"second member", []any{1.0, 2.0}, nil},
		{"bad element of the list member", []any{1.0, "x"}, []Problem{{Path: "P[1]", Kind: ProblemWrongType, Message: `got string "x", want integer`}}},
		{"no member has the shape", map[string]any{"a": 1.0}, []Problem{{Path: "P", Kind: ProblemWrongType, Message: `got object, want integer or list of integer`}}},
		{"scalar of the wrong kind", "x", []Problem{{Path: "P", Kind: ProblemWrongType, Message: `got string "x", want integer`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c checker
			c.push("P", -1)
			c.value(tt.v, &u)
			if diff := cmp.Diff(tt.want, c.problems); diff != "" {
				t.Errorf("union check of %#v: got %+v, want %+v\n(-want +got):\n%s", tt.v, c.problems, tt.want, diff)
			}
		})
	}
}

// Every property type reachable from every resource must be resolved, and
// checking an empty object against each resource must only ever report
// missing required properties.
func TestEveryResourceChecks(t *testing.T) {
	for _, typ := range Types() {
		r, _ := Lookup(typ)
		got := CheckProperties(typ, map[string]any{})
		if len(got) != len(r.required) {
			t.Errorf("CheckProperties(%s, {}): got %d problems, want %d (one per required property)", typ, len(got), len(r.required))
		}
		for _, p := range got {
			if p.Kind != ProblemMissingRequired {
				t.Errorf("CheckProperties(%s, {}): got %+v, want only missing-required", typ, p)
			}
		}
		for _, p := range r.Properties {
			checkResolved(t, typ+"."+p.Name, &p.Type)
		}
	}
}

func checkResolved(t *testing.T, where string, ty *Type) {
	t.Helper()
	switch ty.Kind {
	case KindStruct:
		if ty.def == nil || ty.def.Name != ty.Name {
			t.Errorf("%s: struct type %q is not resolved", where, ty.Name)
		}
	case KindList, KindMap:
		checkResolved(t, where, ty.Elem)
	case KindUnion:
		for i := range ty.Union {
			checkResolved(t, where, &ty.Union[i])
		}
	}
}

func TestJoinPath(t *testing.T) {
	tests := []struct{ key, want string }{
		{"VpcId", "P.VpcId"},
		{"aws:cdk:path", "P.aws:cdk:path"},
		{"a.b", `P["a.b"]`},
		{"", `P[""]`},
		{"with space", `P["with space"]`},
	}
	for _, tt := range tests {
		c := checker{path: []seg{{key: "P", index: -1}, {key: tt.key, index: -1}}}
		if got := c.pathString(); got != tt.want {
			t.Errorf("path P + key %q: got %s, want %s", tt.key, got, tt.want)
		}
	}
}
