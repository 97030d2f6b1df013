package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

const regoStack = `Description: tiny
Resources:
  Owned:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {}
      VersioningConfiguration: {Status: Enabled}
      Tags:
        - {Key: owner, Value: platform}
  # hoist:ignore ORG-TAG-001 reason="shared bucket, owned by everyone"
  Shared:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {}
      VersioningConfiguration: {Status: Enabled}
  Orphan:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {}
      VersioningConfiguration: {Status: Enabled}
`

func TestRegoPolicies(t *testing.T) {
	rep := mustCheck(t, []Target{cfnTarget(t, "r.yaml", regoStack)}, Options{PolicyDirs: []string{"testdata/rego/good"}})
	want := `r.yaml:0:0 ORG-RAW-001 
r.yaml:1:0 org.raw.warn 
r.yaml:11:3 ORG-TAG-001 Shared suppressed(inSource, r.yaml:10, "shared bucket, owned by everyone")
r.yaml:16:3 ORG-TAG-001 Orphan
`
	if got := describe(rep.Findings); got != want {
		t.Errorf("findings:\n%s", cmp.Diff(want, got))
	}
	byID := map[string]Finding{}
	for _, f := range rep.Findings {
		byID[f.RuleID] = f
	}
	tag := byID["ORG-TAG-001"]
	if tag.Severity != rule.Medium || tag.Title != "Buckets carry an owner tag" || !cmp.Equal(tag.Controls, []string{"CM-8"}) ||
		tag.Message != "bucket Orphan has no owner tag" || tag.DocURL != "https://example.com/policies/tags" || tag.Source != "rego" {
		t.Errorf("ORG-TAG-001 from METADATA: got %+v", tag)
	}
	if f := byID["ORG-RAW-001"]; f.Severity != rule.High || f.Message != "template has no AWSTemplateFormatVersion" {
		t.Errorf("deny default severity high: got %+v", f)
	}
	if f := byID["org.raw.warn"]; f.Severity != rule.Info || f.Message != "description is short" {
		t.Errorf("warn with severity from the object: got %+v", f)
	}
	var ids []string
	for _, m := range rep.Rules {
		ids = append(ids, m.ID)
	}
	want2 := []string{"HOIST-CW-901", "HOIST-S3-901", "HOIST-S3-902", "HOIST-SG-901", "ORG-RAW-001", "ORG-TAG-001", "org.raw.warn"}
	if !cmp.Equal(ids, want2) {
		t.Errorf("rules: got %v, want %v", ids, want2)
	}
}

func TestRegoFrameworkAndDockerfileInput(t *testing.T) {
	// fedramp-low keeps ORG-TAG-001 (custom.fedramp) and drops the others.
	targets := []Target{
		cfnTarget(t, "r.yaml", regoStack),
		{Kind: KindDockerfile, Path: "Dockerfile", Raw: map[string]any{"Description": "a Dockerfile"}, Sources: map[string][]byte{"Dockerfile": []byte("FROM a:1\n")}},
	}
	rep := mustCheck(t, targets, Options{PolicyDirs: []string{"testdata/rego/good"}, Framework: FrameworkFedRAMPLow})
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.RuleID, "ORG-RAW") || f.RuleID == "org.raw.warn" {
			t.Errorf("fedramp-low: %s is not mapped to it", f.RuleID)
		}
	}
	found := false
	for _, f := range rep.Findings {
		found = found || f.RuleID == "ORG-TAG-001"
	}
	if !found {
		t.Errorf("fedramp-low: ORG-TAG-001 missing:\n%s", describe(rep.Findings))
	}
}

func TestRegoInputShape(t *testing.T) {
	tg := cfnTarget(t, "r.yaml", regoStack)
	p, err := CompilePolicies(map[string][]byte{"shape.rego": []byte(`package shape
deny contains sprintf("%s %s %s %s %v %s %s", [input.kind, input.path, r.id, r.type, r.line, r.file, r.address]) if {
	some r in input.ir.resources
	r.properties.Tags[0].Value == "platform"
	input.raw.Resources.Owned.Type == "AWS::S3::Bucket"
}`)})
	if err != nil {
		t.Fatal(err)
	}
	if !p.needRaw || !p.needIR {
		t.Errorf("the policy reads input.raw and input.ir: got needRaw %v, needIR %v", p.needRaw, p.needIR)
	}
	in, err := regoInput(&tg, true, true)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.rules[0].eval(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := []regoResult{{msg: "cloudformation r.yaml Owned AWS::S3::Bucket 3 r.yaml Owned"}}
	if !cmp.Equal(res, want, cmp.AllowUnexported(regoResult{})) {
		t.Errorf("got %+v, want %+v", res, want)
	}
}

func TestRegoCompileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unsafe variable", "", "testdata/rego/bad/broken.rego:5:"},
		{"syntax", "package x\ndeny contains msg if {\n", "p.rego:3: unexpected eof token"},
		{"v0 syntax", "package x\ndeny[msg] { msg := 1 }\n", "p.rego:2:"},
		{"bad severity", "# METADATA\n# custom:\n#   severity: urgent\npackage x\ndeny contains 1 if { true }\n", `p.rego:1: custom.severity: unknown severity "urgent"`},
		{"duplicate id", "package x\n# METADATA\n# custom: {id: A}\ndeny contains 1 if { true }\n# METADATA\n# custom: {id: A}\nwarn contains 1 if { true }\n", "rule ID A is also used by"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.src == "" {
				_, err = LoadPolicies([]string{"testdata/rego/bad"})
			} else {
				_, err = CompilePolicies(map[string][]byte{"p.rego": []byte(tc.src)})
			}
			t.Log(err)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
	// Check reports the error before looking at any target.
	if _, err := check(nil, Options{PolicyDirs: []string{"testdata/rego/bad"}}, testRules()); err == nil ||
		!strings.Contains(err.Error(), "broken.rego:5:") {
		t.Errorf("Check with a broken policy: got %v", err)
	}
}

func TestLoadPoliciesSingleFileAndMissing(t *testing.T) {
	p, err := LoadPolicies([]string{"testdata/rego/good/raw.rego"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range p.Rules() {
		ids = append(ids, m.ID)
	}
	if !cmp.Equal(ids, []string{"ORG-RAW-001", "org.raw.warn"}) {
		t.Errorf("rules: got %v", ids)
	}
	if _, err := LoadPolicies([]string{filepath.Join(t.TempDir(), "none")}); err == nil || !os.IsNotExist(errUnwrap(err)) {
		t.Errorf("missing folder: got %v", err)
	}
}

func errUnwrap(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func TestRegoInputUse(t *testing.T) {
	tests := []struct {
		src       string
		raw, irIn bool
	}{
		{"package a\ndeny contains 1 if input.raw.x == 1", true, false},
		{"package a\ndeny contains 1 if { some r in input.ir.resources; r.id == \"x\" }", false, true},
		{"package a\ndeny contains 1 if input.kind == \"x\"", false, false},
		{"package a\ndeny contains 1 if { x := input; x.raw.y == 1 }", true, true},
		{"package a\ndeny contains 1 if { some k; input[k].y == 1 }", true, true},
		{"package a\nf(x) := x.raw\ndeny contains 1 if f(input) == 1", true, true},
	}
	for _, tc := range tests {
		p, err := CompilePolicies(map[string][]byte{"p.rego": []byte(tc.src)})
		if err != nil {
			t.Fatal(err)
		}
		if p.needRaw != tc.raw || p.needIR != tc.irIn {
			t.Errorf("%q: got raw %v ir %v, want %v %v", tc.src, p.needRaw, p.needIR, tc.raw, tc.irIn)
		}
	}
}

// TestIRValueMatchesPlain checks the direct IR -> Rego conversion against
// the documented shape, ir.Plain.
func TestIRValueMatchesPlain(t *testing.T) {
	for _, src := range []string{regoStack, stackYAML, cfnTemplate(7)} {
		tg := cfnTarget(t, "x.yaml", src)
		for _, r := range tg.Graph.Resources {
			want, err := ast.InterfaceToValue(ir.Plain(r.Properties))
			if err != nil {
				t.Fatal(err)
			}
			if got := irValue(r.Properties); got.Compare(want) != 0 {
				t.Errorf("%s: got %v, want %v", r.ID, got, want)
			}
		}
	}
}
