package tfplan

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
)

// dump is a stable JSON view of a graph for golden files.
func dump(g *ir.Graph, probs []terraform.Problem) []byte {
	var rs []any
	for _, r := range g.Resources {
		rs = append(rs, map[string]any{
			"id": r.ID, "type": r.Type, "origin": r.Origin.Kind + " " + r.Origin.Source, "loc": r.Loc.String(),
			"deletion_policy": r.DeletionPolicy, "metadata": ir.Plain(r.Metadata), "properties": ir.Plain(r.Properties),
		})
	}
	var ps []string
	for _, p := range probs {
		ps = append(ps, p.Severity+" "+p.Rule+" "+p.String())
	}
	b, _ := json.MarshalIndent(map[string]any{"source": g.Source, "resources": rs, "problems": ps}, "", "  ")
	return append(b, '\n')
}

func readStack(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/stack.plan.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportStack(t *testing.T) {
	g, probs, err := Import("stack.plan.json", readStack(t))
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/stack.ir.json", dump(g, probs))

	byAddr := map[string]*ir.Resource{}
	for _, r := range g.Resources {
		byAddr[r.Origin.Source] = r
		if r.Origin.Kind != ir.FromPlan || r.Loc.File != "stack.plan.json" {
			t.Errorf("%s: origin %v at %v, want %s in stack.plan.json", r.ID, r.Origin, r.Loc, ir.FromPlan)
		}
	}
	checks := []struct {
		addr, typ, path string
		want            any
	}{
		{"aws_s3_bucket.assets", "AWS::S3::Bucket", "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm", "AES256"},
		{"aws_s3_bucket.assets", "AWS::S3::Bucket", "VersioningConfiguration.Status", "Enabled"},
		{"aws_db_instance.db", "AWS::RDS::DBInstance", "MultiAZ", true},
		{"aws_db_instance.db", "AWS::RDS::DBInstance", "AllocatedStorage", "50"},
		{"aws_db_instance.db", "AWS::RDS::DBInstance", "KmsKeyId", map[string]any{"Expr": "(known after apply)"}},
		{"aws_ecs_service.web", "AWS::ECS::Service", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", "DISABLED"},
		{"aws_ecs_service.web", "AWS::ECS::Service", "Cluster", map[string]any{"Fn::GetAtt": []any{"AwsEcsClusterMain", "Arn"}}},
		{"aws_lb.web", "AWS::ElasticLoadBalancingV2::LoadBalancer", "Scheme", "internet-facing"},
		{"aws_lb_listener.https", "AWS::ElasticLoadBalancingV2::Listener", "DefaultActions.0.TargetGroupArn", map[string]any{"Ref": "AwsLbTargetGroupWeb"}},
		{"aws_lb_listener.https", "AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn", map[string]any{"Ref": "AwsLbWeb"}},
		{"aws_nat_gateway.main", "AWS::EC2::NatGateway", "AllocationId", map[string]any{"Fn::GetAtt": []any{"AwsEipNat", "AllocationId"}}},
		// The public access block names its bucket only through the
		// configuration: it still merges.
		{"aws_s3_bucket.logs", "AWS::S3::Bucket", "PublicAccessBlockConfiguration.RestrictPublicBuckets", true},
		{"aws_s3_bucket.logs", "AWS::S3::Bucket", "BucketName", map[string]any{"Expr": "(known after apply)"}},
		{"aws_nat_gateway.main", "AWS::EC2::NatGateway", "SubnetId", "subnet-a"},
		{"aws_sqs_queue.old", "AWS::SQS::Queue", "QueueName", "shop-old"},
	}
	for _, c := range checks {
		r := byAddr[c.addr]
		if r == nil {
			t.Errorf("%s: not imported", c.addr)
			continue
		}
		if r.Type != c.typ {
			t.Errorf("%s: got type %s, want %s", c.addr, r.Type, c.typ)
		}
		got := ir.Plain(r.Prop(c.path))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %s: got %#v, want %#v", c.addr, c.path, got, c.want)
		}
	}
	for addr, want := range map[string]string{"aws_db_instance.db": "update", "aws_ecs_service.web": "create", "aws_s3_bucket.assets": "no-op", "aws_sqs_queue.old": "delete"} {
		if r := byAddr[addr]; r == nil || ir.Lookup(r.Metadata, "TerraformAction") != ir.String(want) {
			t.Errorf("%s: TerraformAction = %v, want %s", addr, r, want)
		}
	}
	if byAddr["aws_s3_bucket_versioning.assets"] != nil || byAddr["aws_s3_bucket_public_access_block.logs"] != nil || byAddr["random_id.suffix"] != nil {
		t.Errorf("split bucket resources and non-AWS resources must not be resources")
	}
}

// TestPlanMatchesHCL: the plan and the configuration it was made from give
// the same resource types, and every literal property the configuration
// sets has the same value in the plan.
func TestPlanMatchesHCL(t *testing.T) {
	hcl, hprobs, err := terraform.ImportDir("testdata/stack", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range hprobs {
		t.Errorf("hcl problem: %v", p)
	}
	plan, _, err := Import("stack.plan.json", readStack(t))
	if err != nil {
		t.Fatal(err)
	}
	types := func(g *ir.Graph) string {
		var ts []string
		for _, r := range g.Resources {
			if r.Metadata == nil || ir.Lookup(r.Metadata, "TerraformAction") != ir.String("delete") {
				ts = append(ts, r.Type)
			}
		}
		sort.Strings(ts)
		return strings.Join(ts, "\n")
	}
	if a, b := types(hcl), types(plan); a != b {
		t.Errorf("types differ:\nhcl:\n%s\nplan:\n%s", a, b)
	}
	byAddr := map[string]*ir.Resource{}
	for _, r := range plan.Resources {
		byAddr[r.Origin.Source] = r
	}
	for _, r := range hcl.Resources {
		p := byAddr[r.Origin.Source]
		if p == nil {
			t.Errorf("%s: not in the plan import", r.Origin.Source)
			continue
		}
		if p.ID != r.ID {
			t.Errorf("%s: plan ID %s, hcl ID %s", r.Origin.Source, p.ID, r.ID)
		}
		for _, d := range literalDiffs("", ir.Plain(r.Properties), ir.Plain(p.Properties)) {
			t.Errorf("%s: %s", r.Origin.Source, d)
		}
	}
}

func literalDiffs(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		if len(w) == 1 {
			for k := range w {
				if k == "Ref" || k == "Expr" || strings.HasPrefix(k, "Fn::") {
					return nil
				}
			}
		}
		g, _ := got.(map[string]any)
		var out []string
		for k, v := range w {
			out = append(out, literalDiffs(path+"."+k, v, g[k])...)
		}
		sort.Strings(out)
		return out
	case []any:
		g, ok := got.([]any)
		if keyed(w) && keyed(g) {
			// Key/value lists (LoadBalancerAttributes): the plan also has
			// the defaults, so match by key.
			byKey := map[any]any{}
			for _, it := range g {
				byKey[it.(map[string]any)["Key"]] = it
			}
			var out []string
			for _, it := range w {
				k := it.(map[string]any)["Key"]
				out = append(out, literalDiffs(fmt.Sprintf("%s[%v]", path, k), it, byKey[k])...)
			}
			return out
		}
		if !ok || len(g) < len(w) {
			return []string{fmt.Sprintf("%s: got %v, want %v", path, got, want)}
		}
		var out []string
		for i := range w {
			out = append(out, literalDiffs(fmt.Sprintf("%s.%d", path, i), w[i], g[i])...)
		}
		return out
	}
	if fmt.Sprint(want) != fmt.Sprint(got) {
		return []string{fmt.Sprintf("%s: got %#v, want %#v", path, got, want)}
	}
	return nil
}

func TestIsPlan(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{`{"format_version":"1.2","planned_values":{}}`, true},
		{`{"format_version":"1.2","resource_changes":[]}`, true},
		{`{"format_version":"1.2","values":{}}`, false},
		{`{"planned_values":{}}`, false},
		{`[1]`, false},
		{`AWSTemplateFormatVersion: 2010-09-09`, false},
		{``, false},
	} {
		if got := IsPlan([]byte(c.in)); got != c.want {
			t.Errorf("IsPlan(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestImportErrors(t *testing.T) {
	for _, in := range []string{`{}`, `{"format_version":"9.0","planned_values":{}}`, `{"format_version":"1.2","planned_values":[]}`} {
		if _, _, err := Import("p.json", []byte(in)); err == nil || !strings.Contains(err.Error(), "p.json") {
			t.Errorf("Import(%s): got error %v, want one naming p.json", in, err)
		}
	}
}

// FuzzPlan: arbitrary input never panics, and an accepted plan's resources
// are all located in the plan file.
func FuzzPlan(f *testing.F) {
	if data, err := os.ReadFile("testdata/stack.plan.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","values":{"bucket":1,"tags":[1]}}]}}}`))
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"x","mode":"managed","type":"aws_sqs_queue","change":{"actions":["delete"],"before":[]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := Import("f.json", data)
		if err != nil {
			return
		}
		for _, r := range g.Resources {
			if r.Loc.File != "f.json" {
				t.Fatalf("%s at %v", r.ID, r.Loc)
			}
		}
	})
}

func keyed(l []any) bool {
	for _, it := range l {
		m, ok := it.(map[string]any)
		if !ok || m["Key"] == nil {
			return false
		}
	}
	return len(l) > 0
}

// TestConfigReferences: references in a module instance resolve to
// instances of the same module instance, by their key; an expression
// naming two resources, or a variable too, stays unknown.
func TestConfigReferences(t *testing.T) {
	plan := `{"format_version": "1.2",
  "planned_values": {"root_module": {"child_modules": [{"address": "module.app[0]", "resources": [
    {"address": "module.app[0].aws_s3_bucket.b[0]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": 0, "values": {}},
    {"address": "module.app[0].aws_s3_bucket.b[1]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": 1, "values": {}},
    {"address": "module.app[0].aws_s3_bucket_versioning.v[1]", "mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v", "index": 1,
     "values": {"versioning_configuration": [{"status": "Enabled"}]}},
    {"address": "module.app[0].aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q", "values": {}},
    {"address": "module.app[0].aws_sns_topic.t", "mode": "managed", "type": "aws_sns_topic", "name": "t", "values": {}}
  ]}]}},
  "resource_changes": [
    {"address": "module.app[0].aws_s3_bucket_versioning.v[1]", "mode": "managed", "type": "aws_s3_bucket_versioning", "change": {"actions": ["create"], "after_unknown": {"bucket": true}}},
    {"address": "module.app[0].aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "change": {"actions": ["create"], "after_unknown": {"name": true, "kms_master_key_id": true}}}
  ],
  "configuration": {"root_module": {"module_calls": {"app": {"source": "./app", "module": {"resources": [
    {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v",
     "expressions": {"bucket": {"references": ["aws_s3_bucket.b[1].id", "aws_s3_bucket.b[1]", "aws_s3_bucket.b"]}}},
    {"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q",
     "expressions": {"name": {"references": ["var.prefix", "aws_sns_topic.t.name", "aws_sns_topic.t"]},
                     "kms_master_key_id": {"references": ["aws_sns_topic.t.arn", "aws_s3_bucket.b[0].arn"]}}}
  ]}}}}}
}`
	g, _, err := Import("p.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	byAddr := map[string]*ir.Resource{}
	for _, r := range g.Resources {
		byAddr[r.Origin.Source] = r
	}
	if r := byAddr["module.app[0].aws_s3_bucket_versioning.v[1]"]; r != nil {
		t.Errorf("versioning of bucket b[1] kept on its own: %v", ir.Plain(r.Properties))
	}
	if r := byAddr["module.app[0].aws_s3_bucket.b[1]"]; r == nil || ir.Lookup(r.Properties, "VersioningConfiguration.Status") != ir.String("Enabled") {
		t.Errorf("bucket b[1] has no versioning")
	}
	if r := byAddr["module.app[0].aws_s3_bucket.b[0]"]; r == nil || r.Properties.Get("VersioningConfiguration") != nil {
		t.Errorf("bucket b[0] got b[1]'s versioning")
	}
	q := byAddr["module.app[0].aws_sqs_queue.q"]
	if q == nil {
		t.Fatal("queue not imported")
	}
	for _, k := range []string{"QueueName", "KmsMasterKeyId"} {
		if got := q.Properties.Get(k); got != unknownValue {
			t.Errorf("queue %s: got %v, want (known after apply)", k, ir.Plain(got))
		}
	}
}

func TestSteps(t *testing.T) {
	for in, want := range map[string][2]string{
		`module.web["a.b"].aws_s3_bucket.b[0]`: {"module.web.aws_s3_bucket.b", `module.web["a.b"].`},
		"aws_s3_bucket.b":                      {"aws_s3_bucket.b", ""},
		"module.x.module.y[2].aws_lb.l":        {"module.x.module.y.aws_lb.l", "module.x.module.y[2]."},
	} {
		if got := configAddress(in); got != want[0] {
			t.Errorf("configAddress(%s) = %s, want %s", in, got, want[0])
		}
		if got := modulePart(in); got != want[1] {
			t.Errorf("modulePart(%s) = %s, want %s", in, got, want[1])
		}
	}
	if _, ok := splitSteps(`a.b["x`); ok {
		t.Errorf("splitSteps accepted an unclosed index")
	}
}
