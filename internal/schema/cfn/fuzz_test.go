package cfn

import (
	"encoding/json"
	"strings"
	"testing"
)

var fuzzTypes = []string{
	"AWS::S3::Bucket", "AWS::ECS::TaskDefinition", "AWS::EC2::Subnet", "AWS::Lambda::Function",
	"AWS::ECS::ExpressGatewayService", "AWS::SQS::Queue", "AWS::IAM::Role", "AWS::S3::Buckt",
}

var problemKinds = map[string]bool{
	ProblemUnknownType: true, ProblemUnknownProperty: true, ProblemMissingRequired: true, ProblemWrongType: true,
}

// FuzzCheckProperties feeds arbitrary JSON as a Properties block: the checker
// must not panic, and every problem must be well formed.
func FuzzCheckProperties(f *testing.F) {
	for i, r := range benchResources {
		f.Add(uint8(i), r.props)
	}
	f.Add(uint8(1), `{"ContainerDefinitions":[{"PortMappings":[{"ContainerPort":"abc"}]}]}`)
	f.Add(uint8(0), `{"Tags":[null,{"Key":{"Ref":"K"}},[],{"Fn::If":[]}]}`)
	f.Add(uint8(7), `{}`)
	f.Fuzz(func(t *testing.T, typ uint8, props string) {
		var m map[string]any
		if json.Unmarshal([]byte(props), &m) != nil {
			return
		}
		rt := fuzzTypes[int(typ)%len(fuzzTypes)]
		for _, p := range CheckProperties(rt, m) {
			if !problemKinds[p.Kind] || p.Message == "" || !(p.Path == "Type" || strings.HasPrefix(p.Path, "Properties")) {
				t.Errorf("CheckProperties(%s, %s): got malformed problem %+v", rt, props, p)
			}
		}
	})
}

// FuzzSuggest: a name always suggests itself, and never a name outside the
// candidates.
func FuzzSuggest(f *testing.F) {
	f.Add("BucketNam", "BucketName")
	f.Add("", "x")
	f.Add("Größe", "GRÖSSE")
	f.Fuzz(func(t *testing.T, name, cand string) {
		if name != "" {
			if got := Suggest(name, []string{name}); got != name {
				t.Errorf("Suggest(%q, [%q]): got %q, want the name itself", name, name, got)
			}
		}
		if got := Suggest(name, []string{cand}); got != "" && got != cand {
			t.Errorf("Suggest(%q, [%q]): got %q, want %q or nothing", name, cand, got, cand)
		}
	})
}

// FuzzDecode: the data reader must reject malformed text with an error,
// never a panic, including when resources are parsed lazily.
func FuzzDecode(f *testing.F) {
	const head = "hoist-cfn-schema 2\nsource s\nversion 1\ngenerated 2026-01-02\ntype Tag\n    field Key string required\n"
	f.Add(head + "resource AWS::X::Y\n  prop A map<list<D>|string> required\n  attr Arn string\n  type D\n    field F tag\n")
	f.Add(head + "resource AWS::X::Y\n  prop A list<\n")
	f.Add("hoist-cfn-schema 2\ntype Tag\n")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := decode(gz(t, text))
		if err != nil {
			return
		}
		for _, rt := range c.types {
			c.resource(rt)
		}
	})
}
