package cost

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// tfGraph builds a graph as the Terraform importer would: CloudFormation
// types, Terraform addresses in Origin.Source.
func tfGraph() *ir.Graph {
	g := &ir.Graph{Name: "tf"}
	add := func(id, typ, addr string, props *ir.Map) {
		g.MustAdd(&ir.Resource{ID: id, Type: typ, Properties: props, Origin: ir.Origin{Kind: ir.FromTerraform, Source: addr}})
	}
	add("Main", "AWS::EC2::NatGateway", "aws_nat_gateway.main", ir.M("SubnetId", "subnet-1"))
	add("Assets", "AWS::S3::Bucket", "aws_s3_bucket.assets", nil)
	add("Api", "AWS::Lambda::Function", "aws_lambda_function.api", ir.M("MemorySize", 1024))
	add("Worker", "AWS::Lambda::Function", "aws_lambda_function.worker", nil)
	add("App", "AWS::Logs::LogGroup", "aws_cloudwatch_log_group.app", nil)
	add("Items", "AWS::DynamoDB::Table", "aws_dynamodb_table.items", ir.M("BillingMode", "PAY_PER_REQUEST"))
	add("Web", "AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_lb.web", ir.M("Scheme", "internal"))
	add("Web0", "AWS::EC2::Instance", `aws_instance.web[0]`, ir.M("InstanceType", "t3.micro"))
	add("Thing", "Terraform::aws_foo_bar", "aws_foo_bar.x", nil)
	return g
}

func TestInfracostUsage(t *testing.T) {
	data, err := os.ReadFile("testdata/usage/infracost-usage.yml")
	if err != nil {
		t.Fatal(err)
	}
	u, warns, err := ParseUsage("infracost-usage.yml", data)
	if err != nil {
		t.Fatal(err)
	}
	// operating_system is a string, not a number.
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "operating_system") || warns[0].Loc.Line != 27 {
		t.Errorf("warnings = %v, want one about operating_system at line 27", warns)
	}
	rep := estimate(t, []*ir.Graph{tfGraph()}, Options{Region: "us-east-1", Usage: u})
	costs := map[string]decimal.Decimal{}
	for _, r := range rep.Resources {
		costs[r.Address] = r.Cost
	}
	want := map[string]string{
		// 730 x 0.045 = 32.85; 200 x 0.045 = 9
		"aws_nat_gateway.main": "41.85",
		// 1000 x 0.023 = 23; 100 x 0.005 = 0.5
		"aws_s3_bucket.assets": "23.5",
		// 3M: 3 x 0.2 = 0.6; 3M x 0.1 s x 1 GB = 300,000 GB-s x 0.0000166667 = 5.00001
		"aws_lambda_function.api": "5.60001",
		// type default 1M x 100 ms, 128 MB: 0.2 + 12,500 GB-s x 0.0000166667 = 0.20833375 -> 0.40833375
		"aws_lambda_function.worker": "0.40833375",
		// 5 x 0.5 + 10 x 0.03 = 2.8
		"aws_cloudwatch_log_group.app": "2.8",
		// 2 x 0.125 = 0.25
		"aws_dynamodb_table.items": "0.25",
		// LCUs max(10/25, 300/3000, 2/1, 100/1000) = 2: 730 x 0.0225 + 1460 x 0.008 = 16.425 + 11.68 (internal: no IPv4)
		"aws_lb.web": "28.105",
		// 730 x 0.0104
		"aws_instance.web[0]": "7.592",
	}
	for a, w := range want {
		if c, ok := costs[a]; !ok || !c.Equal(dec(w)) {
			t.Errorf("%s = %s, want %s", a, c, w)
		}
	}
	if len(rep.Unsupported) != 1 || rep.Unsupported[0].Address != "aws_foo_bar.x" {
		t.Errorf("unsupported = %v, want aws_foo_bar.x", rep.Unsupported)
	}
}

func TestParseUsageWarnings(t *testing.T) {
	src := `version: 1
resource_type_default_usage:
  AWS::S3::Bucket:
    storage_gb: 100
    storge_gb: 5
  AWS::EC2::VPC:
    anything: 1
resource_usage:
  Assets:
    monthly_tier_2_requests: -3
    bogus_key: 1
extra: true
`
	_, warns, err := ParseUsage("hoist-usage.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"hoist-usage.yml:5:5: AWS::S3::Bucket: unknown usage key \"storge_gb\" for AWS::S3::Bucket",
		"hoist-usage.yml:6:3: resource type \"AWS::EC2::VPC\" has no usage-based prices",
		"hoist-usage.yml:10:30: Assets: usage key \"monthly_tier_2_requests\": -3 is negative",
		"hoist-usage.yml:11:5: Assets: unknown usage key \"bogus_key\"",
		"hoist-usage.yml:12:1: unknown top-level key \"extra\"",
	}
	if len(warns) != len(want) {
		t.Fatalf("got %d warnings, want %d: %v", len(warns), len(want), warns)
	}
	for i, w := range want {
		if !strings.HasPrefix(warns[i].String(), w) {
			t.Errorf("warning %d = %q, want prefix %q", i, warns[i].String(), w)
		}
	}
}

// TestUsageKeyForWrongType: a known key on a resource whose type does
// not read it is a warning from Estimate naming file:line.
func TestUsageKeyForWrongType(t *testing.T) {
	u, _, err := ParseUsage("u.yml", []byte("version: 1\nresource_usage:\n  Main:\n    storage_gb: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	g := &ir.Graph{}
	g.MustAdd(&ir.Resource{ID: "Main", Type: "AWS::EC2::NatGateway"})
	rep := estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1", Usage: u})
	if len(rep.Warnings) != 1 || rep.Warnings[0].Loc.String() != "u.yml:4:17" || !strings.Contains(rep.Warnings[0].Message, "storage_gb") {
		t.Errorf("warnings = %v, want one at u.yml:4:17 about storage_gb", rep.Warnings)
	}
}

func TestParseUsageErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"version: 1\nresource_usage: [1, 2]\n", "u.yml:2:17: want a mapping of resource addresses"},
		{"version: 2\n", "u.yml:1:10: unsupported usage file version \"2\""},
		{"- a\n- b\n", "u.yml:1:1: a usage file is a mapping"},
		{"version: 1\nresource_usage:\n  a: {b: 1\n", "u.yml:"},
		{"version: 1\nresource_usage:\n  Assets: 5\n", "u.yml:3:11: Assets: want a mapping"},
		{"version: 1\n\tbad: tab\n", "u.yml:2:1: malformed usage file"},
	} {
		_, _, err := ParseUsage("u.yml", []byte(tc.src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: err = %v, want an *Error", tc.src, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) || e.Loc.Line == 0 || e.Loc.Column == 0 {
			t.Errorf("%q: err = %q, want prefix %q with line and column", tc.src, err, tc.want)
		}
	}
}

func TestUsageTemplate(t *testing.T) {
	g := importTemplate(t, "testdata/diff/after.yaml")
	tmpl := UsageTemplate([]*ir.Graph{g})
	golden.Assert(t, "testdata/usage/template.yml", tmpl)
	if string(tmpl) != string(UsageTemplate([]*ir.Graph{g})) {
		t.Fatal("UsageTemplate is not deterministic")
	}
	u, warns, err := ParseUsage("template.yml", tmpl)
	if err != nil || len(warns) > 0 {
		t.Fatalf("the template does not parse cleanly: %v %v", err, warns)
	}
	if len(u.Resources) != 0 {
		t.Errorf("the template sets values: %v", u.Resources)
	}
	for _, k := range []string{"Nat:  # AWS::EC2::NatGateway", "# monthly_data_processed_gb: 0", "Assets:  # AWS::S3::Bucket", "# storage_gb: 0", "data_transfer:  # Hoist::DataTransfer", "Service:  # AWS::ECS::Service"} {
		if !strings.Contains(string(tmpl), k) {
			t.Errorf("template lacks %q:\n%s", k, tmpl)
		}
	}
	// Every key the template offers must be a key Hoist reads.
	on := regexp.MustCompile(`(?m)^(\s+)# (\S+): 0  # `).ReplaceAllString(string(tmpl), "${1}${2}: 1  # ")
	on = regexp.MustCompile(`(?m)^  # (\S+):$`).ReplaceAllString(on, "  ${1}:")
	u2, warns, err := ParseUsage("on.yml", []byte(on))
	if err != nil || len(warns) > 0 {
		t.Fatalf("template with every key set: %v %v\n%s", err, warns, on)
	}
	rep := estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1", Usage: u2})
	if len(rep.Warnings) > 0 {
		t.Errorf("template keys give warnings: %v", rep.Warnings)
	}
}

func FuzzParseUsage(f *testing.F) {
	seeds := []string{"version: 1\nresource_usage:\n  A: {storage_gb: 1}\n", "version: 0.1\nresource_type_default_usage:\n  aws_s3_bucket:\n    standard: {storage_gb: 2}\n", "", "- 1", "version: [", "resource_usage:\n  a:\n    b:\n      c: x\n"}
	if data, err := os.ReadFile("testdata/usage/infracost-usage.yml"); err == nil {
		seeds = append(seeds, string(data))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		u, warns, err := ParseUsage("f.yml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Loc.Line == 0 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for _, w := range warns {
			if w.Loc.File != "f.yml" {
				t.Fatalf("warning without a file: %v", w)
			}
		}
		g := &ir.Graph{}
		g.MustAdd(&ir.Resource{ID: "A", Type: "AWS::S3::Bucket"})
		if _, err := Estimate([]*ir.Graph{g}, Options{Region: "us-east-1", Usage: u}); err != nil {
			t.Fatal(err)
		}
	})
}
