package cfn

import (
	"bytes"
	"compress/gzip"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSchemaInfo(t *testing.T) {
	info := SchemaInfo()
	if info.Source != "@aws-cdk/aws-service-spec" || info.Version == "" || len(info.Generated) != len("2006-01-02") {
		t.Errorf("SchemaInfo(): got %+v, want source @aws-cdk/aws-service-spec with a version and a date", info)
	}
}

func TestTypes(t *testing.T) {
	types := Types()
	if len(types) < 1500 {
		t.Errorf("Types(): got %d types, want at least 1500", len(types))
	}
	if !slices.IsSorted(types) {
		t.Errorf("Types(): got an unsorted list, want sorted")
	}
	for _, want := range []string{"AWS::S3::Bucket", "AWS::ECS::ExpressGatewayService", "AWS::RDS::DBInstance", "AWS::AppRunner::Service"} {
		if _, ok := slices.BinarySearch(types, want); !ok {
			t.Errorf("Types(): %s missing", want)
		}
	}
	types[0] = "mutated"
	if Types()[0] == "mutated" {
		t.Errorf("Types(): got a shared slice, want a copy")
	}
}

func TestLookupProperties(t *testing.T) {
	tests := []struct {
		typ, prop   string
		wantType    string
		required    bool
		replacement Replacement
	}{
		{"AWS::S3::Bucket", "BucketName", "string", false, ReplaceAlways},
		{"AWS::S3::Bucket", "Tags", "list<Tag>", false, ReplaceNever},
		{"AWS::S3::Bucket", "BucketEncryption", "AWS::S3::Bucket.BucketEncryption", false, ReplaceNever},
		{"AWS::EC2::Subnet", "VpcId", "string", true, ReplaceAlways},
		{"AWS::ECS::TaskDefinition", "ContainerDefinitions", "list<AWS::ECS::TaskDefinition.ContainerDefinition>", false, ReplaceAlways},
		{"AWS::RDS::DBInstance", "MultiAZ", "boolean", false, ReplaceConditional},
		{"AWS::RDS::DBInstance", "AllocatedStorage", "string", false, ReplaceNever},
		{"AWS::Lambda::Function", "Environment", "AWS::Lambda::Function.Environment", false, ReplaceNever},
		{"AWS::ECS::ExpressGatewayService", "InfrastructureRoleArn", "string", true, ReplaceAlways},
	}
	for _, tt := range tests {
		r, ok := Lookup(tt.typ)
		if !ok {
			t.Errorf("Lookup(%s): not found", tt.typ)
			continue
		}
		p, ok := r.Property(tt.prop)
		if !ok {
			t.Errorf("Lookup(%s).Property(%s): not found", tt.typ, tt.prop)
			continue
		}
		if got := p.Type.String(); got != tt.wantType {
			t.Errorf("%s.%s type: got %s, want %s", tt.typ, tt.prop, got, tt.wantType)
		}
		if p.Required != tt.required {
			t.Errorf("%s.%s required: got %t, want %t", tt.typ, tt.prop, p.Required, tt.required)
		}
		if p.Replacement != tt.replacement {
			t.Errorf("%s.%s update: got %s, want %s", tt.typ, tt.prop, p.Replacement, tt.replacement)
		}
	}
	if _, ok := Lookup("AWS::S3::Buckt"); ok {
		t.Errorf("Lookup(AWS::S3::Buckt): got found, want not found")
	}
	r, _ := Lookup("AWS::S3::Bucket")
	if _, ok := r.Property("BucketNam"); ok {
		t.Errorf("AWS::S3::Bucket.Property(BucketNam): got found, want not found")
	}
	if !slices.IsSortedFunc(r.Properties, func(a, b Property) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("AWS::S3::Bucket properties: got unsorted, want sorted by name")
	}
}

func TestPropertyType(t *testing.T) {
	tests := []struct {
		name, field, wantType string
		required              bool
	}{
		{"Tag", "Key", "string", true},
		{"Tag", "Value", "string", true},
		{"AWS::ECS::TaskDefinition.PortMapping", "ContainerPort", "integer", false},
		{"AWS::ECS::TaskDefinition.ContainerDefinition", "Image", "string", true},
		{"AWS::S3::Bucket.VersioningConfiguration", "Status", "string", true},
		{"AWS::EC2::SecurityGroup.Ingress", "IpProtocol", "string", true},
	}
	for _, tt := range tests {
		d, ok := PropertyType(tt.name)
		if !ok {
			t.Errorf("PropertyType(%s): not found", tt.name)
			continue
		}
		f, ok := d.Property(tt.field)
		if !ok {
			t.Errorf("PropertyType(%s).Property(%s): not found", tt.name, tt.field)
			continue
		}
		if got := f.Type.String(); got != tt.wantType || f.Required != tt.required {
			t.Errorf("%s.%s: got %s required=%t, want %s required=%t", tt.name, tt.field, got, f.Required, tt.wantType, tt.required)
		}
	}
	if _, ok := PropertyType("AWS::S3::Bucket.Nope"); ok {
		t.Errorf("PropertyType(AWS::S3::Bucket.Nope): got found, want not found")
	}
}

func TestAttributes(t *testing.T) {
	tests := []struct {
		typ, attr string
		want      bool
	}{
		{"AWS::S3::Bucket", "Arn", true},
		{"AWS::S3::Bucket", "DomainName", true},
		{"AWS::S3::Bucket", "Name", false},
		{"AWS::RDS::DBInstance", "Endpoint.Address", true},
		{"AWS::ECS::ExpressGatewayService", "ServiceArn", true},
		{"AWS::ECS::ExpressGatewayService", "Endpoint", true},
		{"AWS::ECS::ExpressGatewayService", "ECSManagedResourceArns.IngressPath.LoadBalancerArn", true},
		{"AWS::S3::Buckt", "Arn", false},
		{"Custom::Seed", "AnyDataKey", true},
		{"Custom::Seed", "", false},
		{"AWS::CloudFormation::CustomResource", "Result", true},
	}
	for _, tt := range tests {
		if got := HasAttribute(tt.typ, tt.attr); got != tt.want {
			t.Errorf("HasAttribute(%s, %s): got %t, want %t", tt.typ, tt.attr, got, tt.want)
		}
	}
	got := Attributes("AWS::ECS::ExpressGatewayService")
	for _, want := range []string{"CreatedAt", "Endpoint", "ServiceArn", "Status", "UpdatedAt"} {
		if !slices.Contains(got, want) {
			t.Errorf("Attributes(AWS::ECS::ExpressGatewayService): got %q, want it to contain %s", got, want)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("Attributes(AWS::ECS::ExpressGatewayService): got %q, want sorted", got)
	}
	if got := Attributes("AWS::S3::Buckt"); got != nil {
		t.Errorf("Attributes(AWS::S3::Buckt): got %q, want nil", got)
	}
	r, _ := Lookup("AWS::ECS::ExpressGatewayService")
	a, ok := r.Attribute("ActiveConfigurations")
	if want := "list<AWS::ECS::ExpressGatewayService.ExpressGatewayServiceConfiguration>"; !ok || a.Type.String() != want {
		t.Errorf("ExpressGatewayService attribute ActiveConfigurations: got %v (found %t), want %s", a, ok, want)
	}
}

// Every resource in the embedded data must parse, and every encoded type
// string must round-trip through the parser.
func TestEmbeddedDataParses(t *testing.T) {
	c, err := decode(embedded)
	if err != nil {
		t.Fatalf("decode(embedded): got error %v, want none", err)
	}
	props, defs := 0, 0
	for _, rt := range c.types {
		r, ok, err := c.resource(rt)
		if !ok || err != nil {
			t.Errorf("resource(%s): got found=%t err=%v, want found and no error", rt, ok, err)
			continue
		}
		props += len(r.Properties)
		defs += len(r.defs)
		for _, p := range r.Properties {
			s := p.Type.String()
			local := strings.ReplaceAll(bareTag.ReplaceAllString(s, "${1}tag"), rt+".", "")
			got, err := parseType(local, r.defs, c.tag)
			if err != nil || got.String() != s {
				t.Errorf("%s.%s: parseType(%q): got %v (err %v), want %s", rt, p.Name, local, got, err, s)
			}
		}
	}
	// Sanity floor for the spec this package was built from (0.1.216 has
	// 1,828 resource types, ~12,000 properties and ~9,900 property types).
	if len(c.types) < 1500 || props < 10000 || defs < 8000 {
		t.Errorf("embedded data: got %d types, %d properties, %d property types; want at least 1500, 10000, 8000", len(c.types), props, defs)
	}
}

// bareTag matches the global Tag type in a rendered type string.
var bareTag = regexp.MustCompile(`(^|[<|])Tag\b`)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// decode and the lazy resource parser must reject damaged data with an
// error, never a panic.
func TestDecodeErrors(t *testing.T) {
	const head = "hoist-cfn-schema 2\nsource s\nversion 1\ngenerated 2026-01-02\ntype Tag\n    field Key string required\n"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("plain text, not gzip"), "gzip: invalid header"},
		{"wrong magic", gz(t, "hoist-cfn-schema 1\n"), `want "hoist-cfn-schema 2"`},
		{"no tag", gz(t, "hoist-cfn-schema 2\nresource AWS::X::Y\n"), "no global Tag type"},
		{"junk in header", gz(t, "hoist-cfn-schema 2\nbogus line\n"), `line 2: unexpected "bogus line"`},
		{"junk between resources", gz(t, head+"resource AWS::X::Y\nprop A string\n"), `line 8: got "prop A string", want a resource line`},
		{"duplicate resource", gz(t, head+"resource AWS::X::Y\nresource AWS::X::Y\n"), "appears twice"},
		{"unsorted resources", gz(t, head+"resource AWS::X::Z\nresource AWS::X::Y\n"), "not sorted"},
		{"bad tag field", gz(t, "hoist-cfn-schema 2\ntype Tag\n    field Key\n"), "type Tag"},
	}
	for _, tt := range tests {
		_, err := decode(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decode(%s): got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}

	resources := []struct{ name, body, want string }{
		{"unknown struct", "  prop A Nope\n", "unknown property type Nope"},
		{"unclosed list", "  prop A list<string\n", "unclosed list<"},
		{"list without element", "  prop A list\n", "list without <element>"},
		{"empty union member", "  prop A string|\n", "missing type name"},
		{"trailing junk", "  prop A string>\n", `unexpected ">"`},
		{"bad flag", "  prop A string later\n", `unknown flag "later"`},
		{"missing type", "  prop A\n", "want \"prop\" lines"},
		{"unsorted props", "  prop B string\n  prop A string\n", "not sorted"},
		{"bad attribute", "  attr Arn <\n", "attribute Arn"},
		{"attribute without type", "  attr Arn\n", "want an attr line"},
		{"duplicate property type", "  type D\n  type D\n", "defined twice"},
		{"bad field", "  type D\n    field F nope\n", "AWS::X::Y.D: property F"},
	}
	for _, tt := range resources {
		c, err := decode(gz(t, head+"resource AWS::X::Y\n"+tt.body))
		if err != nil {
			t.Errorf("decode(%s): got error %v, want none until the resource is parsed", tt.name, err)
			continue
		}
		_, _, err = c.resource("AWS::X::Y")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("resource(%s): got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}

	c, err := decode(gz(t, head+"resource AWS::X::Y\n  prop A map<list<D>|string> required\n  attr Arn string\n  type D\n    field F tag\n"))
	if err != nil {
		t.Fatalf("decode(minimal document): got error %v, want none", err)
	}
	r, ok, err := c.resource("AWS::X::Y")
	if !ok || err != nil {
		t.Fatalf("resource(AWS::X::Y): got found=%t err=%v, want found", ok, err)
	}
	p, _ := r.Property("A")
	if got, want := p.Type.String(), "map<list<AWS::X::Y.D>|string>"; got != want || !p.Required {
		t.Errorf("minimal document property A: got %s required=%t, want %s required=true", got, p.Required, want)
	}
	if f, _ := r.defs["D"].Property("F"); f == nil || f.Type.String() != "Tag" {
		t.Errorf("minimal document D.F: got %v, want type Tag", f)
	}
	if _, ok, _ := c.resource("AWS::X::Z"); ok {
		t.Errorf("resource(AWS::X::Z): got found, want not found")
	}
}

// Lookups from many goroutines share one parse per resource (run with -race).
func TestConcurrentLookup(t *testing.T) {
	c, err := decode(embedded)
	if err != nil {
		t.Fatal(err)
	}
	const workers = 8
	got := make([]*Resource, workers)
	done := make(chan int)
	for w := range workers {
		go func() {
			r, _, _ := c.resource("AWS::ECS::TaskDefinition")
			got[w] = r
			done <- w
		}()
	}
	for range workers {
		<-done
	}
	for w := 1; w < workers; w++ {
		if got[w] == nil || got[w] != got[0] {
			t.Fatalf("worker %d: got resource %p, want the shared %p", w, got[w], got[0])
		}
	}
}
