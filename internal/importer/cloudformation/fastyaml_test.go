package cloudformation

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// sameNode compares two YAML trees field by field and returns where they
// first differ, or "".
func sameNode(path string, a, b *yaml.Node) string {
	switch {
	case a == nil || b == nil:
		if a != b {
			return path + ": one node is nil"
		}
		return ""
	case a.Kind != b.Kind, a.Style != b.Style, a.Tag != b.Tag, a.Value != b.Value, a.Anchor != b.Anchor,
		a.Line != b.Line, a.Column != b.Column,
		a.HeadComment != b.HeadComment, a.LineComment != b.LineComment, a.FootComment != b.FootComment,
		len(a.Content) != len(b.Content), (a.Alias == nil) != (b.Alias == nil):
		return fmt.Sprintf("%s: got {kind %v style %v tag %q value %q at %d:%d, %d children}, want {kind %v style %v tag %q value %q at %d:%d, %d children}",
			path, a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := sameNode(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast parses src both ways: when the fast parser accepts it, the
// YAML package must accept it too and build the same tree. It reports
// whether the fast parser accepted it.
func checkFast(t *testing.T, name string, src []byte) bool {
	t.Helper()
	before := fastPanics.Load()
	got, ok := parseFast(src)
	if fastPanics.Load() != before {
		t.Errorf("%s: the fast parser panicked:\n%s", name, src)
	}
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Errorf("%s: the fast parser accepts what the YAML package rejects (%v):\n%s", name, err, src)
		return true
	}
	if d := sameNode("", got, &want); d != "" {
		t.Errorf("%s: trees differ at %s\n%s", name, d, src)
	}
	return true
}

// corpus is every YAML file of the repository's test data, with comment
// lines dropped so that the fast parser takes them, plus generated
// templates.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[path] = data
		var kept []string
		for _, l := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "#") {
				kept = append(kept, l)
			}
		}
		out[path+" (no comments)"] = []byte(strings.Join(kept, "\n"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out["generated"] = []byte(generatedTemplate(200))
	return out
}

// TestFastParserMatchesYAML parses the corpus with both parsers.
func TestFastParserMatchesYAML(t *testing.T) {
	files := corpus(t)
	fast := 0
	for name, data := range files {
		if checkFast(t, name, data) {
			fast++
		}
	}
	t.Logf("fast parser took %d of %d files", fast, len(files))
	if fast < 20 {
		t.Errorf("the fast parser took %d files, want at least 20: the test compares too little", fast)
	}
	for _, name := range []string{"generated", "../../render/cloudformation/testdata/data-buckets.template.yaml (no comments)"} {
		if _, ok := parseFast(files[name]); !ok {
			t.Errorf("%s: the fast parser gave up", name)
		}
	}
}

// TestFastParserMutations damages corpus files line by line (deleting,
// re-indenting, splicing odd YAML in) and wants the fast parser either to
// give up or to agree with the YAML package.
func TestFastParserMutations(t *testing.T) {
	files := corpus(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sortStrings(names)
	snippets := []string{
		"- x", "  - x", "a: b: c", "a:", "  a:", "? x", ": y", "a: &x b", "b: *x", "a: |\n  t", "a: >-\n  t", "a: 'x\n  y'", "a: \"x\n  y\"",
		"a: [x,\n  y]", "a: {x: 1,\n  y: 2}", "a: [x, y,]", "a: {x}", "a: {x: }", "a: [a: b]", "a: !!str 1", "a: !<tag:x> b", "a: ! b",
		"a: !Ref", "a: !Ref\n- x", "a: b #c", "a: b#c", "a:b", "'a': 1", "\"a\": 1", "\"a\":1", "a: 'it''s'", "a: \"\\u00e9\\t\\\"\"", "a: \"\\x41\"",
		"a: -1", "a: - 1", "a: 0x1F", "a: 1_000", "a: .5", "a: 1e3", "a: ~", "a: null", "a: yes", "a: On", "a: 2001-12-14", "a: 12:30:00",
		"a: <<", "<<: {b: 1}", "a: =", "a: [!Ref x, !GetAtt y.z, \"\", '']", "a: {k: !Sub '${x}'}", "a:  spaced  ", "a: x y  z",
		"  ", "", "---", "...", "%YAML 1.2", "a: @x", "a: `x", "a: %x", "a: ,x", "a: x,", "a: [x]]", "a: [[x], [y, [z]]]",
	}
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for _, name := range names {
		lines := strings.Split(string(files[name]), "\n")
		for m := 0; m < 12; m++ {
			l := append([]string(nil), lines...)
			i := r.IntN(len(l))
			switch r.IntN(5) {
			case 0:
				l = append(l[:i], l[i+1:]...)
			case 1:
				l[i] = strings.Repeat(" ", r.IntN(3)) + l[i]
			case 2:
				l[i] = strings.TrimPrefix(l[i], " ")
			default:
				ind := len(l[i]) - len(strings.TrimLeft(l[i], " "))
				snip := strings.ReplaceAll(snippets[r.IntN(len(snippets))], "\n", "\n"+strings.Repeat(" ", ind))
				l = append(l[:i], append([]string{strings.Repeat(" ", ind) + snip}, l[i:]...)...)
			}
			if checkFast(t, fmt.Sprintf("%s mutation %d", name, m), []byte(strings.Join(l, "\n"))) {
				fast++
			}
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("fast parser took %d mutated files", fast)
}

// FuzzFastParser wants the fast parser to give up on or agree with the
// YAML package about any input.
func FuzzFastParser(f *testing.F) {
	for _, s := range []string{
		"a: b\n", "a:\n- x\n- y\n", "a:\n  b: [1, !Ref c, {d: e}]\n", "a: !If\n  - c\n  - x\n", "- a: b\n  c: d\n",
		"a: 'x''y'\nb: \"\\u0041\"\n", "a: b: c\n", "a: [x,\n y]\n", "a: 1\n a: 2\n", "a:\n  - - x\n    - y\n", generatedTemplate(3),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "fuzz", data)
	})
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// generatedTemplate is a template of n resources in the shapes
// CloudFormation templates are usually written in.
func generatedTemplate(n int) string {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: 'demo: generated'\nParameters:\n  Env:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\nResources:\n")
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "  Bucket%d:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-%d'\n      Tags:\n      - Key: env\n        Value: !Ref Env\n      - {Key: n, Value: \"%d\"}\n", i, i, i)
		case 1:
			fmt.Fprintf(&b, "  Queue%d:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - Bucket%d\n    Properties:\n      DelaySeconds: %d\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt [Bucket%d, Arn]\n        maxReceiveCount: 3.5\n", i, i-1, i, i-1)
		case 2:
			fmt.Fprintf(&b, "  Subnet%d:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: !Select [%d, !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]\n      AvailabilityZone: !Select\n        - 0\n        - !GetAZs ''\n      MapPublicIpOnLaunch: true\n", i, i%256)
		case 3:
			fmt.Fprintf(&b, "  Role%d:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n          - Effect: Allow\n            Principal: {Service: [ecs-tasks.amazonaws.com]}\n            Action: 'sts:AssumeRole'\n            Condition: !If\n              - IsProd\n              - {Bool: {aws:SecureTransport: true}}\n              - !Ref AWS::NoValue\n", i)
		}
	}
	return b.String()
}

// TestConcurrentImportMatchesSequential imports a large template with
// mistakes in it both ways: read by the fast parser, whose resources are
// converted concurrently, and read by the YAML package, converted one
// after the other. The templates must be the same, problems and
// reference sites in the same order.
func TestConcurrentImportMatchesSequential(t *testing.T) {
	var b strings.Builder
	b.WriteString(generatedTemplate(150))
	b.WriteString("  Bad1:\n    Type: AWS::SQS::Queue\n    Typo: x\n    DependsOn: [Nowhere, Bad1]\n    Properties:\n      X: !GetAtt Missing.Arn\n      Y: !Sub '${Nope} ${Env}'\n")
	b.WriteString("  bad-id:\n    Type: AWS::SNS::Topic\n  Env:\n    Type: AWS::SNS::Topic\n  Fn::ForEach::X: [a, b, c]\n  Str: just a string\n")
	b.WriteString(generatedTemplate(100)[strings.Index(generatedTemplate(100), "Resources:\n")+len("Resources:\n"):])
	// Mappings right after Resources: its sites take the owner the last
	// resource left.
	b.WriteString("Mappings:\n  M:\n    K: {V: !Ref Bucket0}\nOutputs:\n  O:\n    Value: !Ref Bucket0\n    Condition: IsProd\n")
	src := []byte(b.String())

	got, err := Parse("t.yaml", src, Options{KeepConditions: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc, ok := parseFast(src); !ok || doc == nil {
		t.Fatal("the fast parser gave up: the test would not test the concurrent path")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	c := &conv{file: "t.yaml", aliasBudget: maxAliases}
	want := c.template(doc.Content[0])
	if len(want.Problems) < 5 || len(want.Sites) < 100 {
		t.Fatalf("got %d problems and %d sites, want more: the template does not exercise the merge", len(want.Problems), len(want.Sites))
	}
	// As before resources were converted apart: the sites of a section
	// that sets no owner take the owner of the last entry of Resources
	// (Str: the second generated block repeats the first one's IDs, which
	// are dropped as duplicates).
	last := "Resources.Str"
	for _, s := range got.Sites {
		if strings.HasPrefix(s.Path, "Mappings.") && s.Owner != last {
			t.Errorf("site %s: got owner %q, want %q", s.Path, s.Owner, last)
		}
	}
	if d := cmp.Diff(want, got, cmp.AllowUnexported(Template{}, outputCondition{})); d != "" {
		t.Errorf("concurrent import differs (-sequential +concurrent):\n%s", d)
	}
}

// BenchmarkParse1000 parses a template of 1,000 resources with the fast
// parser and with the YAML package it stands in for.
func BenchmarkParse1000(b *testing.B) {
	src := []byte(generatedTemplate(1000))
	if _, ok := parseFast(src); !ok {
		b.Fatal("the fast parser gave up")
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			parseFast(src)
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
