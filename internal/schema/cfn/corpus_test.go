package cfn

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
)

// template is the part of a CloudFormation template these tests read.
type template struct {
	Resources map[string]struct {
		Type       string
		Properties map[string]any
	}
}

// testdata/cdk-corpus.template.json is `cdk synth` output of
// test-tools/testdata/cdk-corpus/app.ts: valid CloudFormation, 94 resources of 55
// resource types, so any problem the checker reports is a false positive,
// and every Fn::GetAtt in it names a real attribute.
func TestCDKCorpusHasNoProblems(t *testing.T) {
	const path = "testdata/cdk-corpus.template.json"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tpl template
	if err := json.Unmarshal(b, &tpl); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(tpl.Resources) < 90 {
		t.Fatalf("%s: got %d resources, want at least 90", path, len(tpl.Resources))
	}
	ids := make([]string, 0, len(tpl.Resources))
	for id := range tpl.Resources {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	getAtts := 0
	for _, id := range ids {
		r := tpl.Resources[id]
		for _, p := range CheckProperties(r.Type, r.Properties) {
			t.Errorf("%s: resource %s (%s): got problem %s: %s, want none", path, id, r.Type, p.Path, p.Message)
		}
		walkGetAtt(r.Properties, func(target, attr string) {
			getAtts++
			typ := tpl.Resources[target].Type
			if !HasAttribute(typ, attr) {
				t.Errorf("%s: resource %s: Fn::GetAtt %s.%s: got no attribute %q on %s, want one", path, id, target, attr, attr, typ)
			}
		})
	}
	if getAtts < 20 {
		t.Errorf("%s: got %d Fn::GetAtt uses, want at least 20 to exercise attributes", path, getAtts)
	}
}

// walkGetAtt calls fn for every {"Fn::GetAtt": [resource, attribute]} in v.
func walkGetAtt(v any, fn func(target, attr string)) {
	switch x := v.(type) {
	case map[string]any:
		if ga, ok := x["Fn::GetAtt"].([]any); ok && len(x) == 1 && len(ga) == 2 {
			fn(fmt.Sprint(ga[0]), fmt.Sprint(ga[1]))
			return
		}
		for _, e := range x {
			walkGetAtt(e, fn)
		}
	case []any:
		for _, e := range x {
			walkGetAtt(e, fn)
		}
	}
}

// Mutating each property of the valid corpus into a wrong shape must produce
// exactly one wrong-type problem at that property, and an extra property
// exactly one unknown-property problem.
func TestCDKCorpusMutations(t *testing.T) {
	b, err := os.ReadFile("testdata/cdk-corpus.template.json")
	if err != nil {
		t.Fatal(err)
	}
	var tpl template
	if err := json.Unmarshal(b, &tpl); err != nil {
		t.Fatal(err)
	}
	mutations := 0
	for id, r := range tpl.Resources {
		res, ok := Lookup(r.Type)
		if !ok || r.Type == customResource {
			continue
		}
		for name, orig := range r.Properties {
			p, _ := res.Property(name)
			var bad any
			switch p.Type.Kind {
			case KindString, KindTimestamp:
				bad = []any{"x"}
			case KindInteger, KindNumber:
				bad = "abc"
			case KindBoolean:
				bad = "maybe"
			case KindList, KindMap, KindStruct:
				bad = "x"
			default:
				continue // json and unions accept too much to mutate blindly
			}
			r.Properties[name] = bad
			got := CheckProperties(r.Type, r.Properties)
			r.Properties[name] = orig
			mutations++
			want := []Problem{{Path: "Properties." + name, Kind: ProblemWrongType}}
			if len(got) != 1 || got[0].Path != want[0].Path || got[0].Kind != want[0].Kind {
				t.Errorf("resource %s (%s) with %s = %#v: got %+v, want one wrong-type at %s", id, r.Type, name, bad, got, want[0].Path)
			}
		}
		if r.Properties == nil {
			r.Properties = map[string]any{}
		}
		r.Properties["ZzBogus"] = 1
		got := CheckProperties(r.Type, r.Properties)
		delete(r.Properties, "ZzBogus")
		if len(got) != 1 || got[0].Kind != ProblemUnknownProperty || got[0].Path != "Properties.ZzBogus" {
			t.Errorf("resource %s (%s) with ZzBogus: got %+v, want one unknown-property at Properties.ZzBogus", id, r.Type, got)
		}
	}
	if mutations < 200 {
		t.Errorf("got %d mutations, want at least 200", mutations)
	}
}
