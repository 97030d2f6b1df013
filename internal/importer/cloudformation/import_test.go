package cloudformation

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
)

// withProp is a template whose resource R has property P = expr, written at
// line 5, column 10.
func withProp(expr string) string {
	return "Parameters:\n  L: {Type: CommaDelimitedList}\nResources:\n  R:\n    Properties:\n      P: " + expr + "\n    Type: AWS::S3::Bucket\n"
}

// noLoc copies v without locations, for comparing values.
func noLoc(v ir.Value) ir.Value {
	switch x := v.(type) {
	case *ir.Map:
		m := &ir.Map{}
		for _, e := range x.Entries {
			m.Entries = append(m.Entries, ir.Entry{Key: e.Key, Value: noLoc(e.Value)})
		}
		return m
	case *ir.List:
		l := &ir.List{}
		for _, it := range x.Items {
			l.Items = append(l.Items, noLoc(it))
		}
		return l
	case ir.Sub:
		if x.Vars != nil {
			x.Vars = noLoc(x.Vars).(*ir.Map)
		}
		return x
	case ir.Join:
		items := make([]ir.Value, len(x.Items))
		for i, it := range x.Items {
			items[i] = noLoc(it)
		}
		x.Items = items
		return x
	case ir.Call:
		x.Args = noLoc(x.Args)
		return x
	}
	return v
}

func TestIntrinsics(t *testing.T) {
	str := func(s ...string) *ir.List { return ir.Strings(s...) }
	cases := []struct {
		expr string
		want ir.Value
	}{
		{`!Ref X`, ir.Ref{Target: "X"}},
		{`{"Ref": "X"}`, ir.Ref{Target: "X"}},
		{`!Ref AWS::Region`, ir.Ref{Target: "AWS::Region"}},
		{`!GetAtt A.Arn`, ir.GetAtt{Target: "A", Attr: "Arn"}},
		{`!GetAtt Db.Endpoint.Address`, ir.GetAtt{Target: "Db", Attr: "Endpoint.Address"}},
		{`!GetAtt [Db, Endpoint.Address]`, ir.GetAtt{Target: "Db", Attr: "Endpoint.Address"}},
		{`{"Fn::GetAtt": ["A", "Arn"]}`, ir.GetAtt{Target: "A", Attr: "Arn"}},
		{`!GetAtt [A, !Ref L]`, ir.Call{Fn: "Fn::GetAtt", Args: ir.Values(ir.String("A"), ir.Ref{Target: "L"})}},
		{`!Sub "x-${A}"`, ir.Sub{Format: "x-${A}"}},
		{`!Sub ["${A}-${B}", {A: x}]`, ir.Sub{Format: "${A}-${B}", Vars: ir.M("A", "x")}},
		{`{"Fn::Sub": "${AWS::StackName}"}`, ir.Sub{Format: "${AWS::StackName}"}},
		{`!Join [",", [a, !Ref X]]`, ir.Join{Sep: ",", Items: []ir.Value{ir.String("a"), ir.Ref{Target: "X"}}}},
		{`!Join ["", !Ref L]`, ir.Call{Fn: "Fn::Join", Args: ir.Values(ir.String(""), ir.Ref{Target: "L"})}},
		{`!Select [0, !GetAZs ""]`, ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(0), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})}},
		{`!Select ["1", [a, b]]`, ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.String("1"), str("a", "b"))}},
		{`!If [C, a, b]`, ir.Call{Fn: "Fn::If", Args: str("C", "a", "b")}},
		{`!Condition C`, ir.Call{Fn: "Condition", Args: ir.String("C")}},
		{`!Equals [a, b]`, ir.Call{Fn: "Fn::Equals", Args: str("a", "b")}},
		{`!And [!Condition A, !Condition B]`, ir.Call{Fn: "Fn::And", Args: ir.Values(ir.Call{Fn: "Condition", Args: ir.String("A")}, ir.Call{Fn: "Condition", Args: ir.String("B")})}},
		{`!Or [!Condition A, !Condition B]`, ir.Call{Fn: "Fn::Or", Args: ir.Values(ir.Call{Fn: "Condition", Args: ir.String("A")}, ir.Call{Fn: "Condition", Args: ir.String("B")})}},
		{`!Not [!Condition A]`, ir.Call{Fn: "Fn::Not", Args: ir.Values(ir.Call{Fn: "Condition", Args: ir.String("A")})}},
		{`!FindInMap [M, k, v]`, ir.Call{Fn: "Fn::FindInMap", Args: str("M", "k", "v")}},
		{`{"Fn::Base64": {"Ref": "X"}}`, ir.Call{Fn: "Fn::Base64", Args: ir.Ref{Target: "X"}}},
		{`!Base64 hello`, ir.Call{Fn: "Fn::Base64", Args: ir.String("hello")}},
		{`!Cidr [10.0.0.0/16, 4, 8]`, ir.Call{Fn: "Fn::Cidr", Args: ir.Values(ir.String("10.0.0.0/16"), ir.Int(4), ir.Int(8))}},
		{`!ImportValue shared`, ir.Call{Fn: "Fn::ImportValue", Args: ir.String("shared")}},
		{`!Split [",", "a,b"]`, ir.Call{Fn: "Fn::Split", Args: str(",", "a,b")}},
		{`!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}`, ir.Call{Fn: "Fn::Transform", Args: ir.M("Name", "AWS::Include", "Parameters", ir.M("Location", "s3://b/k"))}},
		{`!ToJsonString {a: 1}`, ir.Call{Fn: "Fn::ToJsonString", Args: ir.M("a", ir.Int(1))}},
		{`!Length [1, 2]`, ir.Call{Fn: "Fn::Length", Args: ir.Values(ir.Int(1), ir.Int(2))}},
		{`{"Condition": "C"}`, ir.Call{Fn: "Condition", Args: ir.String("C")}},
		{`{"Condition": {"StringEquals": {"a": "b"}}}`, ir.M("Condition", ir.M("StringEquals", ir.M("a", "b")))},
		{`"22"`, ir.String("22")},
		{`22`, ir.Number("22")},
		{`0.5`, ir.Number("0.5")},
		{`true`, ir.Bool(true)},
		{`~`, ir.Null{}},
		{`2010-09-09`, ir.String("2010-09-09")},
	}
	for _, c := range cases {
		g, problems, err := Import("t.yaml", []byte(withProp(c.expr)), Options{KeepConditions: true})
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		for _, p := range problems {
			if p.Severity == SeverityError {
				t.Errorf("%s: unexpected problem %s", c.expr, p)
			}
		}
		if got := noLoc(g.Resource("R").Prop("P")); !reflect.DeepEqual(got, noLoc(c.want)) {
			t.Errorf("%s: got %#v, want %#v", c.expr, got, c.want)
		}
	}
}

func TestProblems(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"getatt without dot", withProp(`!GetAtt Bucket`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::GetAtt "Bucket" needs Resource.Attribute`}},
		{"getatt list of three", withProp(`!GetAtt [A, B, C]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::GetAtt takes [Resource, Attribute], got 3 items`}},
		{"select index", withProp(`!Select [x, [a, b]]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::Select index "x" is not a number`}},
		{"select arity", withProp(`!Select [0]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::Select takes two arguments, got 1`}},
		{"equals arity", withProp(`!Equals [a]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::Equals takes two arguments, got 1`}},
		{"findinmap arity", withProp(`!FindInMap [a, b]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::FindInMap takes three or four arguments, got 2`}},
		{"if not a list", withProp(`!If C`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::If takes a list of three arguments`}},
		{"unknown tag", withProp(`!Foo x`), []string{`t.yaml:6:10: Resources.R.Properties.P: unknown intrinsic function "Fn::Foo"`}},
		{"unknown long form", withProp(`{"Fn::Bogus": 1}`), []string{`t.yaml:6:10: Resources.R.Properties.P: unknown intrinsic function "Fn::Bogus"`}},
		{"ref to a list", withProp(`!Ref [a]`), []string{`t.yaml:6:10: Resources.R.Properties.P: Ref takes the name of a resource or parameter`}},
		{"sub without variables", withProp(`!Sub plain`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::Sub has no ${} variable; a plain string does the same`}},
		{"sub unclosed", withProp(`!Sub "a-${X"`), []string{`t.yaml:6:10: Resources.R.Properties.P: Fn::Sub has no ${} variable; a plain string does the same`, `t.yaml:6:10: Resources.R.Properties.P: Fn::Sub has an unclosed ${`}},
		{"nested path", withProp(`{A: [{B: !GetAtt X}]}`), []string{`t.yaml:6:19: Resources.R.Properties.P.A[0].B: Fn::GetAtt "X" needs Resource.Attribute`}},
		{"duplicate key", "Resources:\n  R:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SNS::Topic\n", []string{`t.yaml:4:3: Resources.R: duplicate key "R" (first at line 2)`}},
		{"unknown section", "Resource:\n  R:\n    Type: AWS::SQS::Queue\n", []string{`t.yaml:1:1: Resource: unknown top-level key "Resource"; did you mean "Resources"?`, `t.yaml:1:1: template has no Resources section`}},
		{"bad version", "AWSTemplateFormatVersion: 2012-01-01\nResources:\n  R:\n    Type: AWS::SQS::Queue\n", []string{`t.yaml:1:27: AWSTemplateFormatVersion: AWSTemplateFormatVersion must be "2010-09-09"`}},
		{"empty resources", "Resources: {}\n", []string{`t.yaml:1:12: Resources: Resources is empty; a template needs at least one resource`}},
		{"resource attribute typo", "Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Propertis: {}\n", []string{`t.yaml:4:5: Resources.R.Propertis: unknown resource attribute "Propertis"; did you mean "Properties"?`}},
		{"no type", "Resources:\n  R:\n    Properties: {}\n", []string{`t.yaml:2:3: Resources.R: resource "R" has no Type`}},
		{"deletion policy", "Resources:\n  R:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Keep\n", []string{`t.yaml:4:21: Resources.R.DeletionPolicy: DeletionPolicy must be one of Delete, Retain, Snapshot, RetainExceptOnCreate`}},
		{"logical id", "Resources:\n  my-queue:\n    Type: AWS::SQS::Queue\n", []string{`t.yaml:2:3: Resources.my-queue: logical ID "my-queue" must be alphanumeric`}},
		{"output without value", "Resources:\n  R:\n    Type: AWS::SQS::Queue\nOutputs:\n  Url:\n    Description: x\n", []string{`t.yaml:5:3: Outputs.Url: output "Url" has no Value`}},
		{"parameter", "Parameters:\n  P:\n    Default: 1\n    Tyype: String\nResources:\n  R:\n    Type: AWS::SQS::Queue\n", []string{`t.yaml:4:5: Parameters.P.Tyype: unknown parameter attribute "Tyype"; did you mean "Type"?`, `t.yaml:2:3: Parameters.P: parameter "P" has no Type`}},
		{"parameter type", "Parameters:\n  P:\n    Type: Strin\nResources:\n  R:\n    Type: AWS::SQS::Queue\n", []string{`t.yaml:3:11: Parameters.P.Type: unknown parameter type "Strin"; did you mean "String"?`}},
		{"properties not a mapping", "Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties: [a]\n", []string{`t.yaml:4:17: Resources.R.Properties: Properties must be a mapping, not a list`}},
		{"non-scalar key", "Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      ? [a]\n      : b\n", []string{`t.yaml:5:9: Resources.R.Properties: a key must be a scalar, not a list`}},
		{"foreach", "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Topics:\n    - T\n    - [a, b]\n    - Topic${T}:\n        Type: AWS::SNS::Topic\n", []string{`t.yaml:3:3: Resources.Fn::ForEach::Topics: Fn::ForEach (AWS::LanguageExtensions) is not expanded; its resources are not checked`}},
		{"json positions", "{\n  \"Resources\": {\n    \"R\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"P\": {\"Fn::GetAtt\": \"X\"}}}\n  }\n}\n", []string{`t.yaml:3:58: Resources.R.Properties.P: Fn::GetAtt "X" needs Resource.Attribute`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, problems, err := Import("t.yaml", []byte(c.src), Options{})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
			}
		})
	}
}

func TestFatalErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"a: b\n  c: d\n", "t.yaml:2: invalid YAML: mapping values are not allowed in this context"},
		{"", "t.yaml: template is empty"},
		{"# only a comment\n", "t.yaml: template is empty"},
		{"- a\n- b\n", "t.yaml:1:1: template is a list, want a mapping with a Resources key"},
		{"hello\n", "t.yaml:1:1: template is a scalar, want a mapping with a Resources key"},
		{"{\"Resources\": {\"R\": }\n", "t.yaml:1: invalid YAML: did not find expected ',' or '}'"},
		{"x: *nope\n", "t.yaml: invalid YAML: unknown anchor 'nope' referenced"},
	}
	for _, c := range cases {
		_, _, err := Import("t.yaml", []byte(c.src), Options{})
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got error %v, want %q", c.src, err, c.want)
		}
	}
}

func TestLocationsAndOrigin(t *testing.T) {
	src := "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: a\n          Value: b\n"
	g, _, err := Import("infra/t.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := g.Resource("Bucket")
	checks := []struct {
		what string
		got  ir.Location
		want string
	}{
		{"resource", r.Loc, "infra/t.yaml:2:3"},
		{"properties map", r.Properties.Loc, "infra/t.yaml:5:7"},
		{"Tags entry", r.Properties.Entries[0].Loc, "infra/t.yaml:5:7"},
		{"Tags list", r.Properties.Entries[0].Value.(*ir.List).Loc, "infra/t.yaml:6:9"},
		{"tag map", r.Prop("Tags.0").(*ir.Map).Loc, "infra/t.yaml:6:11"},
		{"Value entry", r.Prop("Tags.0").(*ir.Map).Entries[1].Loc, "infra/t.yaml:7:11"},
	}
	for _, c := range checks {
		if c.got.String() != c.want {
			t.Errorf("%s: got %s, want %s", c.what, c.got, c.want)
		}
	}
	if want := (ir.Origin{Kind: ir.FromCloudFormation, Source: "Bucket"}); r.Origin != want {
		t.Errorf("origin: got %+v, want %+v", r.Origin, want)
	}
	if g.Source != "infra/t.yaml" {
		t.Errorf("source: got %q, want infra/t.yaml", g.Source)
	}
}

func TestDependsOnForms(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"DependsOn: A", "[A]"},
		{"DependsOn: [A, B]", "[A B]"},
		{"DependsOn:\n      - B", "[B]"},
	} {
		src := "Resources:\n  R:\n    Type: AWS::SQS::Queue\n    " + c.src + "\n"
		g, _, err := Import("t.yaml", []byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(g.Resource("R").DependsOn); got != c.want {
			t.Errorf("%q: got %s, want %s", c.src, got, c.want)
		}
	}
}

func TestSites(t *testing.T) {
	src := `Resources:
  R:
    Type: AWS::SNS::Topic
    Condition: C
    DependsOn: Q
    Properties:
      A: !Sub ["${Q.Arn}-${X}-${Y}", {X: x}]
      B: !If [D, !Ref P, !GetAtt [Q, !Ref N]]
      C: !FindInMap [M, a, b]
`
	tpl, err := Parse("t.yaml", []byte(src), Options{KeepConditions: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tpl.Sites {
		got = append(got, fmt.Sprintf("%s %s %s.%s dyn=%t %s %s", s.Loc, s.Owner, s.Kind, s.Target+"/"+s.Attr, s.Dynamic, s.Path, ""))
	}
	want := []string{
		"t.yaml:4:16 Resources.R Condition.C/ dyn=false Resources.R.Condition ",
		"t.yaml:5:16 Resources.R DependsOn.Q/ dyn=false Resources.R.DependsOn ",
		"t.yaml:7:10 Resources.R Sub.Q/Arn dyn=false Resources.R.Properties.A ",
		"t.yaml:7:10 Resources.R Sub.Y/ dyn=false Resources.R.Properties.A ",
		"t.yaml:8:10 Resources.R Condition.D/ dyn=false Resources.R.Properties.B ",
		"t.yaml:8:18 Resources.R Ref.P/ dyn=false Resources.R.Properties.B[1] ",
		"t.yaml:8:26 Resources.R GetAtt.Q/ dyn=true Resources.R.Properties.B[2] ",
		"t.yaml:8:38 Resources.R Ref.N/ dyn=false Resources.R.Properties.B[2][1] ",
		"t.yaml:9:10 Resources.R FindInMap.M/ dyn=false Resources.R.Properties.C ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
