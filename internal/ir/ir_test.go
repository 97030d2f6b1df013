package ir

import (
	"strings"
	"testing"
)

func TestReferences(t *testing.T) {
	v := M(
		"A", Ref{Target: "Bucket"},
		"B", GetAtt{Target: "Db", Attr: "Endpoint.Address"},
		"C", Sub{Format: "arn:${AWS::Partition}:s3:::${Bucket}/*${!Literal}${X}", Vars: M("X", "y")},
		"D", Values(Ref{Target: "Bucket"}, Join{Sep: ",", Items: []Value{Ref{Target: "Param"}}}),
	)
	var got []string
	for _, r := range References(v) {
		got = append(got, r.Target+"/"+r.Attr)
	}
	want := "Bucket/ Db/Endpoint.Address AWS::Partition/ Param/"
	if strings.Join(got, " ") != want {
		t.Errorf("References: got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestCheckReferences(t *testing.T) {
	g := &Graph{Parameters: []Parameter{{Name: "Env", Type: "String"}}}
	g.MustAdd(&Resource{ID: "Bucket", Type: "AWS::S3::Bucket", Loc: Location{File: "t.yaml", Line: 3, Column: 3}})
	g.MustAdd(&Resource{ID: "Policy", Type: "AWS::S3::BucketPolicy", DependsOn: []string{"Buckett"},
		Loc:        Location{File: "t.yaml", Line: 5, Column: 3},
		Properties: M("Bucket", Ref{Target: "Bucket"}, "X", GetAtt{Target: "Env", Attr: "Arn"}, "Y", Sub{Format: "${Nope}"})})
	var got []string
	for _, p := range g.CheckReferences() {
		got = append(got, p.String())
	}
	want := []string{
		`t.yaml:5:3: Policy: GetAtt on "Env", which is a parameter, not a resource`,
		`t.yaml:5:3: Policy: Ref to undefined "Nope"`,
		`t.yaml:5:3: Policy: DependsOn undefined resource "Buckett"; did you mean "Bucket"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("CheckReferences:\ngot  %q\nwant %q", got, want)
	}
	if err := g.Add(&Resource{ID: "Bucket"}); err == nil {
		t.Error("Add of a duplicate ID: got nil error")
	}
}

func TestLookupAndScalars(t *testing.T) {
	v := M("Containers", Values(M("Port", 8080, "Public", "true", "Name", "web")))
	if p, ok := AsInt(Lookup(v, "Containers.0.Port")); !ok || p != 8080 {
		t.Errorf("port: got %v %v, want 8080", p, ok)
	}
	if b, ok := AsBool(Lookup(v, "Containers.0.Public")); !ok || !b {
		t.Errorf("public: got %v %v, want true", b, ok)
	}
	if Lookup(v, "Containers.1.Port") != nil || Lookup(v, "Containers.x") != nil {
		t.Error("out-of-range lookups: want nil")
	}
	if !IsLiteral(v) || IsLiteral(M("A", Values(Ref{Target: "X"}))) {
		t.Error("IsLiteral: wrong answer")
	}
	m := M("A", 1, "B", 2)
	m.Set("A", nil)
	if strings.Join(m.Keys(), ",") != "B" {
		t.Errorf("Set(nil) removes: got keys %v", m.Keys())
	}
}
