package terraform

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// dump is a stable JSON view of a graph, with every property entry's
// position, for golden files.
func dump(g *ir.Graph, probs []Problem) []byte {
	var rs []any
	for _, r := range g.Resources {
		rs = append(rs, map[string]any{
			"id": r.ID, "type": r.Type, "origin": r.Origin.Kind + " " + r.Origin.Source, "loc": r.Loc.String(),
			"deletion_policy": r.DeletionPolicy, "depends_on": r.DependsOn,
			"properties": ir.Plain(r.Properties), "positions": positions(r.Properties),
		})
	}
	ps := []string{}
	for _, p := range probs {
		ps = append(ps, p.Severity+" "+p.Rule+" "+p.String())
	}
	b, _ := json.MarshalIndent(map[string]any{"source": g.Source, "resources": rs, "problems": ps}, "", "  ")
	return append(b, '\n')
}

// positions lists where each top-level property was written.
func positions(m *ir.Map) map[string]string {
	out := map[string]string{}
	for _, e := range m.Entries {
		out[e.Key] = e.Loc.String()
	}
	return out
}

// fixtureOpts are the options each fixture folder is imported with.
var fixtureOpts = map[string]Options{
	"variables": {Vars: map[string]string{"multi_az": "true"}},
}

// TestFixtures imports every folder under testdata and compares the graph
// with the folder's ir.golden.json.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || filepath.Base(dir) == "fuzz" {
			continue
		}
		n++
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			g, probs, err := ImportDir(dir, fixtureOpts[name])
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join(dir, "ir.golden.json"), dump(g, probs))
			checkSchema(t, g)
			again, _, _ := ImportDir(dir, fixtureOpts[name])
			if string(dump(again, nil)) != string(dump(g, nil)) {
				t.Errorf("importing twice gives different graphs")
			}
		})
	}
	if n < 7 {
		t.Fatalf("found %d fixture folders, want at least 7", n)
	}
}

// checkSchema reports properties the CloudFormation schema does not know.
func checkSchema(t *testing.T, g *ir.Graph) {
	t.Helper()
	for _, r := range g.Resources {
		if strings.HasPrefix(r.Type, "Terraform::") {
			continue
		}
		props, _ := ir.Plain(r.Properties).(map[string]any)
		for _, p := range cfn.CheckProperties(r.Type, props) {
			if p.Kind == cfn.ProblemUnknownProperty || p.Kind == cfn.ProblemUnknownType {
				t.Errorf("%s (%s): %s: %s", r.ID, r.Type, p.Path, p.Message)
			}
		}
	}
}

// TestMappingSchema checks every property path of the registry against the
// embedded CloudFormation schema, so the mapping cannot invent names.
func TestMappingSchema(t *testing.T) {
	seen := map[string]bool{}
	for _, fam := range families {
		for _, tm := range fam {
			if seen[tm.tf] {
				t.Errorf("%s is mapped twice", tm.tf)
			}
			seen[tm.tf] = true
			if !strings.HasPrefix(tm.tf, "aws_") {
				t.Errorf("%s: not an aws_ type", tm.tf)
			}
			typ := tm.cfn
			if typ == "" {
				// Merging types write their target's properties.
				typ = mergeTargetType(tm)
			}
			res, ok := cfn.Lookup(typ)
			if !ok {
				t.Errorf("%s: unknown CloudFormation type %q", tm.tf, typ)
				continue
			}
			for a, cfnAttr := range tm.attrs {
				if _, ok := res.Attribute(cfnAttr); !ok && tm.cfn != "" {
					t.Errorf("%s: attribute %s maps to unknown GetAtt %s.%s", tm.tf, a, typ, cfnAttr)
				}
			}
			for _, fd := range tm.fields {
				if tm.cfn == "" && (fd.tf == tm.merge.attr || tm.merge.into != nil && fd.cfn == "PolicyArn") {
					// Only names the target, or is moved by the merge.
					continue
				}
				checkField(t, tm.tf, typ, fd, nil, res)
			}
		}
	}
}

func mergeTargetType(tm typeMap) string {
	if tm.merge == nil || len(tm.merge.targets) == 0 {
		return ""
	}
	if t := lookup(tm.merge.targets[0]); t != nil {
		return t.cfn
	}
	return ""
}

// checkField walks one field's property path through the schema.
func checkField(t *testing.T, tf, typ string, fd field, def *cfn.Definition, res *cfn.Resource) {
	t.Helper()
	if fd.cfn == "" {
		for _, sub := range fd.sub {
			checkField(t, tf, typ, sub, def, res)
		}
		return
	}
	var pt *cfn.Type
	for _, part := range strings.Split(fd.cfn, ".") {
		var p *cfn.Property
		var ok bool
		if def != nil {
			p, ok = def.Property(part)
		} else {
			p, ok = res.Property(part)
		}
		if !ok {
			t.Errorf("%s.%s: %s has no property %q (path %s)", tf, fd.tf, typ, part, fd.cfn)
			return
		}
		pt = &p.Type
		for pt.Kind == cfn.KindList && pt.Elem != nil {
			pt = pt.Elem
		}
		def = nil
		if pt.Kind == cfn.KindStruct {
			def, _ = cfn.PropertyType(pt.Name)
		}
	}
	if len(fd.sub) > 0 {
		if def == nil {
			t.Errorf("%s.%s: %s is not an object property", tf, fd.tf, fd.cfn)
			return
		}
		for _, sub := range fd.sub {
			checkField(t, tf, typ, sub, def, res)
		}
	}
}

// TestMapped: the list is sorted, unique and covers every Terraform type
// the renderer writes as a primary resource.
func TestMapped(t *testing.T) {
	got := Mapped()
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Errorf("Mapped() not sorted and unique at %s, %s", got[i-1], got[i])
		}
	}
	for _, want := range []string{"aws_instance", "aws_ebs_volume", "aws_launch_template", "aws_autoscaling_group", "aws_lb",
		"aws_eip", "aws_nat_gateway", "aws_vpc_endpoint", "aws_flow_log", "aws_cloudfront_distribution",
		"aws_cloudfront_origin_access_control", "aws_apigatewayv2_api", "aws_apigatewayv2_stage", "aws_apigatewayv2_route",
		"aws_api_gateway_rest_api", "aws_api_gateway_stage", "aws_api_gateway_method", "aws_route53_zone", "aws_route53_record",
		"aws_wafv2_web_acl", "aws_lambda_function_url", "aws_lambda_permission", "aws_sns_topic", "aws_sqs_queue", "aws_kms_key",
		"aws_secretsmanager_secret_rotation", "aws_cloudwatch_dashboard", "aws_elasticache_serverless_cache", "aws_dynamodb_table",
		"aws_db_instance", "aws_rds_cluster", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
		"aws_s3_bucket_public_access_block", "aws_s3_bucket_logging", "aws_s3_bucket_lifecycle_configuration",
		"aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_security_group_rule",
		"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"} {
		if lookup(want) == nil {
			t.Errorf("%s is not mapped", want)
		}
	}
}

func TestLogicalID(t *testing.T) {
	for in, want := range map[string]string{
		"aws_s3_bucket.assets":           "AwsS3BucketAssets",
		"aws_s3_bucket.assets[0]":        "AwsS3BucketAssets0",
		`aws_sqs_queue.q["mail-out"]`:    "AwsSqsQueueQMailOut",
		"module.web.aws_lb.this":         "ModuleWebAwsLbThis",
		`module.web["a"].aws_lb.this[2]`: "ModuleWebAAwsLbThis2",
		"":                               "R",
	} {
		if got := LogicalID(in); got != want {
			t.Errorf("LogicalID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestImportFilesMatchesDir: the in-memory entry point gives the same graph.
func TestImportFilesMatchesDir(t *testing.T) {
	files := map[string][]byte{}
	for _, p := range []string{"main.tf", "modules/web/main.tf"} {
		data, err := os.ReadFile(filepath.Join("testdata/modules", p))
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	g, _, err := ImportFiles(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range g.Resources {
		got = append(got, r.ID+" "+r.Type+" "+r.Loc.String())
	}
	want := []string{
		"AwsCloudwatchLogGroupWeb AWS::Logs::LogGroup main.tf:12:1",
		"ModuleWebAwsLbThis AWS::ElasticLoadBalancingV2::LoadBalancer modules/web/main.tf:4:1",
		"ModuleWebAwsLbTargetGroupThis AWS::ElasticLoadBalancingV2::TargetGroup modules/web/main.tf:11:1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestImportFilesFolders: files given with folders are one root module
// whatever their folder, module sources resolve against the calling
// file's folder, tfvars beside the root files are read, and locations keep
// the names given.
func TestImportFilesFolders(t *testing.T) {
	web, err := os.ReadFile("testdata/modules/modules/web/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		files map[string][]byte
		want  []string
	}{
		{"one file in a folder", map[string][]byte{
			"testdata/x/fail.tf": []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n"),
		}, []string{"AwsSqsQueueQ AWS::SQS::Queue testdata/x/fail.tf:1:1 q"}},
		{"name kept as given", map[string][]byte{
			"./infra//main.tf": []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n"),
		}, []string{"AwsSqsQueueQ AWS::SQS::Queue ./infra//main.tf:1:1 q"}},
		{"module relative to the calling file", map[string][]byte{
			"infra/main.tf":             []byte("module \"web\" {\n  source = \"./modules/web\"\n  name   = var.name\n}\n\nvariable \"name\" {}\n"),
			"infra/terraform.tfvars":    []byte("name = \"shop\"\n"),
			"infra/modules/web/main.tf": web,
		}, []string{
			"ModuleWebAwsLbThis AWS::ElasticLoadBalancingV2::LoadBalancer infra/modules/web/main.tf:4:1 shop-web",
			"ModuleWebAwsLbTargetGroupThis AWS::ElasticLoadBalancingV2::TargetGroup infra/modules/web/main.tf:11:1 shop",
		}},
		{"two folders, one module", map[string][]byte{
			"a/queue.tf":  []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = local.name\n}\n"),
			"b/locals.tf": []byte("locals {\n  name = \"from-b\"\n}\n\nresource \"aws_sns_topic\" \"t\" {\n  name = aws_sqs_queue.q.name\n}\n"),
		}, []string{
			"AwsSqsQueueQ AWS::SQS::Queue a/queue.tf:1:1 from-b",
			"AwsSnsTopicT AWS::SNS::Topic b/locals.tf:5:1 map[Fn::GetAtt:[AwsSqsQueueQ QueueName]]",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, probs, err := ImportFiles(tt.files, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range probs {
				if p.Severity != SeverityInfo {
					t.Errorf("problem: %v", p)
				}
			}
			var got []string
			for _, r := range g.Resources {
				name := ""
				for _, k := range []string{"QueueName", "TopicName", "Name"} {
					if v := r.Properties.Get(k); v != nil {
						name = fmt.Sprint(ir.Plain(v))
						break
					}
				}
				got = append(got, r.ID+" "+r.Type+" "+r.Loc.String()+" "+name)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestTraversals: the importer's own walk finds the same variables as
// hclsyntax.Variables for every attribute of every fixture.
func TestTraversals(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.tf")
	more, _ := filepath.Glob("testdata/*/*/*/*.tf")
	n := 0
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := hclsyntax.ParseConfig(data, p, hcl.InitialPos)
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		var walk func(b *hclsyntax.Body)
		walk = func(b *hclsyntax.Body) {
			for _, a := range b.Attributes {
				n++
				want := rangesOf(hclsyntax.Variables(a.Expr))
				got := rangesOf(traversals(a.Expr, nil))
				if got != want {
					t.Errorf("%s: got %s, want %s", a.SrcRange, got, want)
				}
			}
			for _, blk := range b.Blocks {
				walk(blk.Body)
			}
		}
		walk(body)
	}
	if n < 100 {
		t.Fatalf("checked %d attributes, want at least 100", n)
	}
}

func rangesOf(trs []hcl.Traversal) string {
	var out []string
	for _, tr := range trs {
		out = append(out, tr.SourceRange().String())
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
