package terraform

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/tf/hclcheck"
)

func TestSnake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ApiService", "api_service"},
		{"VPCFlowLog", "vpc_flow_log"},
		{"S3GatewayEndpoint", "s3_gateway_endpoint"},
		{"PublicSubnet1", "public_subnet1"},
		{"Vpc", "vpc"},
		{"my-bucket.name", "my_bucket_name"},
		{"1st", "r_1st"},
	} {
		if got := snake(tc.in); got != tc.want {
			t.Errorf("snake(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// testGraph is a bucket, a role and a parameter, for expression tests.
func testGraph() *ir.Graph {
	g := &ir.Graph{Description: "demo: test", Parameters: []ir.Parameter{{Name: "Env", Type: "String"}}}
	g.MustAdd(&ir.Resource{ID: "Assets", Type: "AWS::S3::Bucket"})
	g.MustAdd(&ir.Resource{ID: "Logs", Type: "AWS::Logs::LogGroup"})
	return g
}

func TestValue(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   ir.Value
		want string
	}{
		{"ref bucket is its name", ir.Ref{Target: "Assets"}, `aws_s3_bucket.assets.bucket`},
		{"ref parameter", ir.Ref{Target: "Env"}, `var.env`},
		{"getatt arn", ir.GetAtt{Target: "Assets", Attr: "Arn"}, `aws_s3_bucket.assets.arn`},
		{"log group arn keeps :*", ir.GetAtt{Target: "Logs", Attr: "Arn"}, `"${aws_cloudwatch_log_group.logs.arn}:*"`},
		{"sub", ir.Sub{Format: "arn:${AWS::Partition}:s3:::${Assets}/*"}, `"arn:${data.aws_partition.current.partition}:s3:::${aws_s3_bucket.assets.bucket}/*"`},
		{"sub of one name unwraps", ir.Sub{Format: "${AWS::StackName}"}, `local.name`},
		{"sub escape and literal", ir.Sub{Format: "${!Literal} %{x} ${X}", Vars: ir.M("X", "y")}, `"$${Literal} %%{x} y"`},
		{"sub attribute", ir.Sub{Format: "${Assets.Arn}/*"}, `"${aws_s3_bucket.assets.arn}/*"`},
		{"select azs", ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(1), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})}, `data.aws_availability_zones.available.names[1]`},
		{"select of a call", ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(2), ir.Call{Fn: "Fn::Split", Args: ir.Values(ir.String("/"), ir.Ref{Target: "Env"})})}, `element(split("/", var.env), 2)`},
		{"join", ir.Join{Sep: ",", Items: []ir.Value{ir.String("a"), ir.Ref{Target: "Env"}}}, `join(",", ["a", var.env])`},
		{"novalue dropped", ir.Values(ir.String("a"), ir.Ref{Target: "AWS::NoValue"}), `["a"]`},
		{"number and bool", ir.Values(ir.Int(3), ir.Bool(true)), `[3, true]`},
	} {
		c := &conv{g: testGraph(), names: map[string]string{"Assets": "assets", "Logs": "logs"}, vars: map[string]string{"Env": "env"}, uses: map[string]bool{}}
		e, err := c.value(tc.in)
		if err != nil {
			t.Errorf("%s: got error %v", tc.name, err)
			continue
		}
		if got := string(tokens(e).Bytes()); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestRenderErrors: what the renderer cannot translate is an error naming
// the resource and the property or type, never dropped.
func TestRenderErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *ir.Resource
		want string
	}{
		{"unknown property", &ir.Resource{ID: "Net", Type: "AWS::EC2::VPC", Properties: ir.M("CidrBlock", "10.0.0.0/16", "Bogus", 1)},
			"Net (AWS::EC2::VPC): property Bogus has no terraform mapping"},
		{"unmapped type", &ir.Resource{ID: "Fn", Type: "AWS::Foo::Bar"},
			"Fn: CloudFormation type AWS::Foo::Bar has no terraform mapping"},
		{"unsupported intrinsic", &ir.Resource{ID: "Net", Type: "AWS::EC2::VPC", Properties: ir.M("CidrBlock", ir.Call{Fn: "Fn::ImportValue", Args: ir.String("x")})},
			"Net (AWS::EC2::VPC): property CidrBlock: Fn::ImportValue has no terraform mapping"},
		{"unknown attribute", &ir.Resource{ID: "Net", Type: "AWS::EC2::VPC", Properties: ir.M("CidrBlock", ir.GetAtt{Target: "Net", Attr: "Nope"})},
			`GetAtt Net.Nope: the terraform renderer does not map attribute "Nope"`},
		{"nested property", &ir.Resource{ID: "Role", Type: "AWS::IAM::Role", Properties: ir.M("AssumeRolePolicyDocument", ir.M(), "Policies", ir.Values(ir.M("PolicyName", "p", "PolicyDocument", ir.M(), "Extra", 1)))},
			"Role.Policies.0 (AWS::IAM::Role): property Extra has no terraform mapping"},
		{"condition", &ir.Resource{ID: "Net", Type: "AWS::EC2::VPC", Condition: "IsProd"},
			`Net (AWS::EC2::VPC): Condition "IsProd" has no terraform mapping`},
	} {
		g := &ir.Graph{}
		g.MustAdd(tc.r)
		_, err := Render(g)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestVariablesAndOutputs(t *testing.T) {
	g := &ir.Graph{Description: "demo: test", Parameters: []ir.Parameter{
		{Name: "DbPassword", Type: "String", NoEcho: true, Description: "Master password"},
		{Name: "Size", Type: "Number", Default: ir.String("2")},
		{Name: "Zones", Type: "CommaDelimitedList", Default: ir.String("a,b"), AllowedValues: []string{"a", "b", "c"}},
		{Name: "Tier", Type: "String", AllowedValues: []string{"small", "large"}},
	}}
	g.MustAdd(&ir.Resource{ID: "Net", Type: "AWS::EC2::VPC", Properties: ir.M("CidrBlock", "10.0.0.0/16")})
	g.Outputs = []ir.Output{
		{Name: "VpcId", Value: ir.Ref{Target: "Net"}, ExportName: ir.String("demo-vpc")},
		{Name: "Password", Value: ir.Ref{Target: "DbPassword"}},
	}
	files, err := Render(g)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"sensitive   = true",
		`default = 2`,
		`default = ["a", "b"]`,
		`condition     = alltrue([for v in var.zones : contains(["a", "b", "c"], v)])`,
		`condition     = contains(["small", "large"], var.tier)`,
	} {
		if !strings.Contains(string(files["variables.tf"]), want) {
			t.Errorf("variables.tf: got\n%s\nwant it to contain %q", files["variables.tf"], want)
		}
	}
	for _, want := range []string{`# CloudFormation exports this as "demo-vpc"`, `value = aws_vpc.net.id`, "sensitive = true"} {
		if !strings.Contains(string(files["outputs.tf"]), want) {
			t.Errorf("outputs.tf: got\n%s\nwant it to contain %q", files["outputs.tf"], want)
		}
	}
	for _, pr := range hclcheck.Check(files) {
		t.Errorf("check: %s", pr)
	}
}
