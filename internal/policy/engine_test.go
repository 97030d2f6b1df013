package policy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

const stackYAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      VersioningConfiguration:
        Status: Enabled
`

func TestCheckLocations(t *testing.T) {
	rep := mustCheck(t, []Target{cfnTarget(t, "infra/stack.yaml", stackYAML)}, Options{})
	want := `infra/stack.yaml:3:3 HOIST-S3-901 Logs
infra/stack.yaml:7:9 HOIST-S3-902 Logs
infra/stack.yaml:20:11 HOIST-SG-901 Web
`
	if got := describe(rep.Findings); got != want {
		t.Errorf("findings:\n%s", cmp.Diff(want, got))
	}
	f := rep.Findings[2]
	if f.Severity != rule.Critical || f.Title != "SSH open to the world" || f.Snippet != "CidrIp: 0.0.0.0/0" ||
		!cmp.Equal(f.Controls, []string{"SC-7"}) || f.DocURL != DocBase+"hoist-sg-901" || f.Source != "aws" {
		t.Errorf("finding fields: got %+v", f)
	}
	s := rep.Summary
	if s.Total != 3 || s.BySeverity["critical"] != 1 || s.BySeverity["high"] != 1 || s.BySeverity["medium"] != 1 ||
		s.BySeverity["info"] != 0 || s.FilesScanned != 1 || s.ResourcesScanned != 3 || s.Rules != 4 {
		t.Errorf("summary: got %+v", s)
	}
	if !rep.Exceeds(rule.Critical) || !rep.Exceeds(rule.Info) {
		t.Errorf("Exceeds: a critical finding must exceed critical and info")
	}
	if len(rep.Errors) != 0 {
		t.Errorf("errors: got %v, want none", rep.Errors)
	}
}

func TestLocateFallsBack(t *testing.T) {
	tg := cfnTarget(t, "a.yaml", stackYAML)
	r := tg.Graph.Resource("Web")
	tests := []struct {
		path string
		want string
	}{
		{"", "a.yaml:8:3"},
		{"SecurityGroupIngress", "a.yaml:12:7"},
		{"SecurityGroupIngress.1", "a.yaml:17:11"},
		{"SecurityGroupIngress.1.FromPort", "a.yaml:18:11"},
		{"SecurityGroupIngress.7.FromPort", "a.yaml:12:7"},
		{"SecurityGroupIngress.x", "a.yaml:12:7"},
		{"Missing.Deep", "a.yaml:8:3"},
		{"GroupDescription.Deeper", "a.yaml:11:7"},
	}
	for _, tc := range tests {
		if got := locate(r, tc.path).String(); got != tc.want {
			t.Errorf("locate(%q): got %s, want %s", tc.path, got, tc.want)
		}
	}
}

func TestResourceNameUsesAddress(t *testing.T) {
	g := &ir.Graph{}
	g.MustAdd(&ir.Resource{ID: "AssetsBucket", Type: "AWS::S3::Bucket", Properties: ir.M(),
		Loc: ir.Location{File: "main.tf", Line: 4, Column: 1}, Origin: ir.Origin{Kind: ir.FromTerraform, Source: "aws_s3_bucket.assets"}})
	rep := mustCheck(t, []Target{{Kind: KindTerraform, Path: ".", Graph: g}}, Options{})
	want := "main.tf:4:1 HOIST-S3-901 aws_s3_bucket.assets\nmain.tf:4:1 HOIST-S3-902 aws_s3_bucket.assets\n"
	if got := describe(rep.Findings); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestOrderIsDeterministic(t *testing.T) {
	var targets []Target
	for _, name := range []string{"z.yaml", "a.yaml", "m/b.yaml", "c.yaml"} {
		targets = append(targets, cfnTarget(t, name, stackYAML))
	}
	first := describe(mustCheck(t, targets, Options{Workers: 3}).Findings)
	for range 5 {
		if got := describe(mustCheck(t, targets, Options{Workers: 2}).Findings); got != first {
			t.Fatalf("order changed:\n%s", cmp.Diff(first, got))
		}
	}
	if !strings.HasPrefix(first, "a.yaml:3:3 ") || !strings.Contains(first, "m/b.yaml:20:11 HOIST-SG-901") {
		t.Errorf("want findings sorted by file then line, got\n%s", first)
	}
}

func TestFrameworkFilter(t *testing.T) {
	tg := cfnTarget(t, "s.yaml", stackYAML)
	tests := []struct {
		fw    string
		rules []string
	}{
		{"", []string{"HOIST-CW-901", "HOIST-S3-901", "HOIST-S3-902", "HOIST-SG-901"}},
		{FrameworkNIST, []string{"HOIST-CW-901", "HOIST-S3-901", "HOIST-S3-902", "HOIST-SG-901"}},
		{FrameworkFedRAMPLow, []string{"HOIST-CW-901", "HOIST-S3-901", "HOIST-SG-901"}},
		{FrameworkFedRAMPModerate, []string{"HOIST-CW-901", "HOIST-S3-901", "HOIST-S3-902", "HOIST-SG-901"}},
		{FrameworkCIS, []string{"HOIST-S3-902", "HOIST-SG-901"}},
	}
	for _, tc := range tests {
		rep := mustCheck(t, []Target{tg}, Options{Framework: tc.fw})
		var got []string
		for _, m := range rep.Rules {
			got = append(got, m.ID)
		}
		if !cmp.Equal(got, tc.rules) {
			t.Errorf("framework %q: rules got %v, want %v", tc.fw, got, tc.rules)
		}
		for _, f := range rep.Findings {
			if !contains(tc.rules, f.RuleID) {
				t.Errorf("framework %q: finding of %s, which is not in it", tc.fw, f.RuleID)
			}
		}
	}
	if _, err := check([]Target{tg}, Options{Framework: "pci"}, testRules()); err == nil || !strings.Contains(err.Error(), `unknown framework "pci"`) {
		t.Errorf("unknown framework: got error %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSeverityThreshold(t *testing.T) {
	rep := mustCheck(t, []Target{cfnTarget(t, "s.yaml", stackYAML)}, Options{SeverityThreshold: rule.High})
	if got := describe(rep.Findings); got != "s.yaml:3:3 HOIST-S3-901 Logs\ns.yaml:20:11 HOIST-SG-901 Web\n" {
		t.Errorf("threshold high: got\n%s", got)
	}
	if rep.Exceeds(rule.Critical) != true {
		t.Errorf("Exceeds(critical): want true")
	}
}

func TestExceedsIgnoresSuppressed(t *testing.T) {
	src := strings.Replace(stackYAML, "          CidrIp: 0.0.0.0/0\n  Data:", "          CidrIp: 0.0.0.0/0 # hoist:ignore HOIST-SG-901 reason=\"bastion\"\n  Data:", 1)
	rep := mustCheck(t, []Target{cfnTarget(t, "s.yaml", src)}, Options{})
	if rep.Exceeds(rule.Critical) {
		t.Errorf("Exceeds(critical): the only critical finding is suppressed, want false\n%s", describe(rep.Findings))
	}
	if !rep.Exceeds(rule.High) {
		t.Errorf("Exceeds(high): want true")
	}
}

func TestProblemsAndDockerfiles(t *testing.T) {
	targets := []Target{
		{Kind: KindTerraform, Path: "bad", Problems: []Problem{{File: "bad/main.tf", Line: 3, Column: 7, Message: "unclosed block"}}},
		{Kind: KindDockerfile, Path: "app/Dockerfile", Sources: map[string][]byte{"app/Dockerfile": []byte("FROM node\n# hoist:ignore HOIST-DF-901 reason=\"pinned by digest elsewhere\"\nFROM alpine\nFROM debian:12\n")}},
		{Kind: KindDockerfile, Path: "broken/Dockerfile", Sources: map[string][]byte{"broken/Dockerfile": []byte("FROM a:1\nBROKEN\n")}},
	}
	rep := mustCheck(t, targets, Options{})
	want := `app/Dockerfile:1:1 HOIST-DF-901 
app/Dockerfile:3:1 HOIST-DF-901  suppressed(inSource, app/Dockerfile:2, "pinned by digest elsewhere")
bad/main.tf:3:7 HOIST-PARSE 
broken/Dockerfile:2:0 HOIST-PARSE 
`
	if got := describe(rep.Findings); got != want {
		t.Errorf("findings:\n%s", cmp.Diff(want, got))
	}
	if len(rep.Errors) != 2 || rep.Errors[1].Message != "unknown instruction: BROKEN" {
		t.Errorf("errors: got %+v", rep.Errors)
	}
	if rep.Summary.ResourcesScanned != 2 || rep.Summary.Suppressed != 1 {
		t.Errorf("summary: got %+v", rep.Summary)
	}
	var ids []string
	for _, m := range rep.Rules {
		ids = append(ids, m.ID)
	}
	if !cmp.Equal(ids, []string{"HOIST-DF-901", "HOIST-PARSE"}) {
		t.Errorf("rules: got %v (AWS rules must not be listed without a graph)", ids)
	}
}

func TestRulePanicIsAnError(t *testing.T) {
	bad := rule.AWS{Meta: rule.Meta{ID: "HOIST-X-001"}, Types: []string{"AWS::S3::Bucket"},
		Check: func(*rule.Context, *ir.Resource) []rule.Violation { panic("boom") }}
	_, err := check([]Target{cfnTarget(t, "s.yaml", stackYAML)}, Options{}, ruleSet{aws: []rule.AWS{bad}})
	if err == nil || !strings.Contains(err.Error(), "rule HOIST-X-001 failed on Logs (s.yaml:3:3): boom") {
		t.Errorf("got error %v", err)
	}
}
