package terraform

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/schema/cfn"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// TestRegistry checks every entry: CloudFormation types unique, each with a
// file, a primary Terraform type the provider schema knows, and Ref and
// GetAtt tables whose names exist on both sides.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range MappedTypes() {
		if seen[typ] {
			t.Errorf("%s: registered twice", typ)
		}
		seen[typ] = true
		m := lookupType(typ)
		if fileFor(typ) == "main.tf" {
			t.Errorf("%s: got file main.tf, want a concern file from fileTable", typ)
		}
		if (m.alt == nil) != (m.useAlt == nil) {
			t.Errorf("%s: alt and useAlt must be set together", typ)
		}
		for _, mm := range []*typeMap{m, m.alt} {
			if mm != nil {
				checkMapping(t, typ, mm)
			}
		}
	}
	for tfType := range skipDestroy {
		if res, ok := tf.Lookup(tfType); !ok || !hasName(&res.Body, "skip_destroy") {
			t.Errorf("skipDestroy: %s has no skip_destroy argument", tfType)
		}
	}
	for tfType, skip := range finalSnapshot {
		res, ok := tf.Lookup(tfType)
		if !ok || !hasName(&res.Body, "final_snapshot_identifier") {
			t.Errorf("finalSnapshot: %s has no final_snapshot_identifier argument", tfType)
			continue
		}
		if got := hasName(&res.Body, "skip_final_snapshot"); got != skip {
			t.Errorf("finalSnapshot: %s has skip_final_snapshot: got %v, want %v", tfType, got, skip)
		}
	}
}

// checkMapping checks one mapping's Terraform type and its Ref and GetAtt
// tables against both schemas.
func checkMapping(t *testing.T, typ string, m *typeMap) {
	t.Helper()
	res, ok := tf.Lookup(m.tf)
	if !ok {
		t.Errorf("%s: terraform type %s is not in the provider schema", typ, m.tf)
		return
	}
	if m.ref != "" && !hasName(&res.Body, m.ref) {
		t.Errorf("%s: Ref maps to %s.%s, which the schema does not have", typ, m.tf, m.ref)
	}
	for cfnAttr, a := range m.attrs {
		if !cfn.HasAttribute(typ, cfnAttr) {
			t.Errorf("%s: GetAtt %s is not an attribute in the CloudFormation schema", typ, cfnAttr)
		}
		first, _, _ := strings.Cut(a.name, ".")
		if !hasName(&res.Body, first) {
			t.Errorf("%s: GetAtt %s maps to %s.%s, which the schema does not have", typ, cfnAttr, m.tf, first)
		}
	}
	for cfnAttr := range m.missing {
		if !cfn.HasAttribute(typ, cfnAttr) {
			t.Errorf("%s: missing GetAtt %s is not an attribute in the CloudFormation schema", typ, cfnAttr)
		}
		if _, both := m.attrs[cfnAttr]; both {
			t.Errorf("%s: GetAtt %s is both mapped and missing", typ, cfnAttr)
		}
	}
}

func TestFileFor(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"AWS::EC2::VPC", "network.tf"},
		{"AWS::KMS::Key", "security.tf"},
		{"AWS::S3::Bucket", "data.tf"},
		{"AWS::SNS::Topic", "messaging.tf"},
		{"AWS::ECS::Service", "compute.tf"},
		{"AWS::CloudFront::Distribution", "edge.tf"},
		{"AWS::CodeBuild::Project", "pipeline.tf"},
		{"AWS::CloudWatch::Alarm", "monitoring.tf"},
		{"AWS::Foo::Bar", "main.tf"},
	} {
		if got := fileFor(tc.in); got != tc.want {
			t.Errorf("fileFor(%s): got %s, want %s", tc.in, got, tc.want)
		}
	}
}

// hasName reports whether a schema block has an argument, attribute or
// nested block of that name.
func hasName(b *tf.Block, name string) bool {
	if _, ok := b.Argument(name); ok {
		return true
	}
	if _, ok := b.Attribute(name); ok {
		return true
	}
	_, ok := b.Block(name)
	return ok
}
