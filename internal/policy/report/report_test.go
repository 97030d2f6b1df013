package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/hoist-dev/hoist/internal/policy/schema"
)

// sample is a report with a bit of everything: several files and
// severities, a suppressed finding of each kind, a parse error, an expired
// suppression and a compliance view.
func sample() *policy.Report {
	s3 := rule.Meta{ID: "HOIST-S3-001", Title: "S3 bucket is not encrypted", Severity: rule.High,
		Rationale: "Unencrypted objects are readable by anyone who gets the disks.", Remediation: "Set BucketEncryption.",
		FixCloudFormation: "BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}\n",
		FixTerraform:      "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"b\" {}\n",
		NIST:              []string{"SC-28"}, FedRAMP: []string{"low", "moderate"}, CIS: []string{"2.1.1"}}
	sg := rule.Meta{ID: "HOIST-SG-001", Title: "Security group allows SSH from anywhere", Severity: rule.Critical,
		Remediation: "Restrict CidrIp to your network.", NIST: []string{"SC-7", "AC-17"}, FedRAMP: []string{"low", "moderate"}}
	df := rule.Meta{ID: "HOIST-DF-003", Title: "Final stage runs as root", Severity: rule.Medium, Remediation: "Add USER.",
		FixDockerfile: "USER 10001\n", NIST: []string{"AC-6"}}
	rg := rule.Meta{ID: "ORG-TAG-001", Title: "Buckets carry an owner tag", Severity: rule.Low, NIST: []string{"CM-8"}}
	parse := rule.Meta{ID: policy.ParseID, Title: "File could not be read", Severity: rule.High, Remediation: "Fix the syntax error at the reported position."}
	return &policy.Report{
		Findings: []policy.Finding{
			{RuleID: "HOIST-DF-003", Severity: rule.Medium, Title: df.Title, Message: "the final stage has no USER", File: "app/Dockerfile", Line: 1, Column: 1,
				Controls: []string{"AC-6"}, Remediation: df.Remediation, DocURL: policy.DocURL(df.ID), Snippet: "FROM node:22"},
			{RuleID: policy.ParseID, Severity: rule.High, Title: parse.Title, Message: "unclosed block | brace", File: "broken/main.tf", Line: 3, Column: 7,
				Controls: []string{}, Remediation: parse.Remediation, DocURL: policy.DocURL(policy.ParseID)},
			{RuleID: "HOIST-S3-001", Severity: rule.High, Title: s3.Title, Message: "bucket Logs has no BucketEncryption", File: "infra/stack.yaml", Line: 3, Column: 3,
				Resource: "Logs", Controls: []string{"SC-28"}, Remediation: s3.Remediation, DocURL: policy.DocURL(s3.ID), Snippet: "Logs:"},
			{RuleID: "ORG-TAG-001", Severity: rule.Low, Title: rg.Title, Message: "bucket Logs has no owner tag", File: "infra/stack.yaml", Line: 3, Column: 3,
				Resource: "Logs", Controls: []string{"CM-8"}, Suppressed: true, SuppressionReason: "shared bucket", SuppressionKind: policy.KindInSource,
				SuppressedBy: "infra/stack.yaml:2", Snippet: "Logs:"},
			{RuleID: "HOIST-SG-001", Severity: rule.Critical, Title: sg.Title, Message: "port 22 is open to 0.0.0.0/0", File: "infra/stack.yaml", Line: 20, Column: 11,
				Resource: "Web", Controls: []string{"SC-7", "AC-17"}, Remediation: sg.Remediation, DocURL: policy.DocURL(sg.ID), Snippet: "CidrIp: 0.0.0.0/0"},
			{RuleID: "HOIST-S3-001", Severity: rule.High, Title: s3.Title, Message: "bucket site has no encryption", File: "tf/main.tf", Line: 1, Column: 1,
				Resource: "aws_s3_bucket.site", Controls: []string{"SC-28"}, Suppressed: true, SuppressionReason: "public website content",
				SuppressionKind: policy.KindExternal, SuppressedBy: ".hoist/suppressions.yaml:3", Remediation: s3.Remediation, DocURL: policy.DocURL(s3.ID),
				Snippet: `resource "aws_s3_bucket" "site" {`},
		},
		Summary: policy.Summary{Total: 6, Suppressed: 2, FilesScanned: 4, ResourcesScanned: 5, Rules: 5,
			BySeverity: map[string]int{"critical": 1, "high": 2, "medium": 1, "low": 0, "info": 0}},
		Rules: []rule.Meta{df, parse, s3, sg, rg},
		Runs: []policy.RuleRun{
			{RuleID: "HOIST-DF-003", File: "app/Dockerfile"},
			{RuleID: "HOIST-S3-001", Resource: "Data", File: "infra/stack.yaml"},
			{RuleID: "HOIST-S3-001", Resource: "Logs", File: "infra/stack.yaml"},
			{RuleID: "HOIST-SG-001", Resource: "Web", File: "infra/stack.yaml"},
			{RuleID: "ORG-TAG-001", File: "infra/stack.yaml"},
			{RuleID: "HOIST-S3-001", Resource: "aws_s3_bucket.site", File: "tf/main.tf"},
		},
		ExpiredSuppressions: []policy.ExpiredSuppression{{Rule: "HOIST-SG-001", File: "infra/stack.yaml", Line: 19, Reason: "temporary bastion", Expires: "2026-10-01"}},
		Compliance: &policy.Compliance{Framework: policy.FrameworkFedRAMPModerate, Pass: 1, Fail: 3, NotApplicable: 1, Controls: []policy.ControlResult{
			{Control: "AC-6", Status: policy.StatusFail, Rules: []string{"HOIST-DF-003"}, Resources: []string{"app/Dockerfile"}, Failing: []string{"app/Dockerfile"}, Findings: 1},
			{Control: "AC-17", Status: policy.StatusFail, Rules: []string{"HOIST-SG-001"}, Resources: []string{"Web"}, Failing: []string{"Web"}, Findings: 1},
			{Control: "CM-8", Status: policy.StatusPass, Rules: []string{"ORG-TAG-001"}, Resources: []string{"infra/stack.yaml"}, Failing: []string{}, Suppressed: 1},
			{Control: "SC-7", Status: policy.StatusFail, Rules: []string{"HOIST-SG-001"}, Resources: []string{"Web"}, Failing: []string{"Web"}, Findings: 1},
			{Control: "SC-13", Status: policy.StatusNotApplicable, Rules: []string{"HOIST-KMS-001"}, Resources: []string{}, Failing: []string{}},
		}},
	}
}

func TestGolden(t *testing.T) {
	rep := sample()
	tests := []struct {
		file   string
		render func(*bytes.Buffer) error
	}{
		{"check.txt", func(b *bytes.Buffer) error { return Text(b, rep, TextOptions{}) }},
		{"check-color.txt", func(b *bytes.Buffer) error { return Text(b, rep, TextOptions{Color: true, HideSuppressed: true}) }},
		{"check.json", func(b *bytes.Buffer) error { return JSON(b, rep) }},
		{"check.sarif", func(b *bytes.Buffer) error { return SARIF(b, rep, SARIFOptions{Version: "1.2.3"}) }},
		{"check.junit.xml", func(b *bytes.Buffer) error { return JUnit(b, rep) }},
		{"check.md", func(b *bytes.Buffer) error { return Markdown(b, rep) }},
		{"compliance.md", func(b *bytes.Buffer) error { return ComplianceMarkdown(b, rep.Compliance) }},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			var b, again bytes.Buffer
			if err := tc.render(&b); err != nil {
				t.Fatal(err)
			}
			if err := tc.render(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Errorf("%s: two renderings differ", tc.file)
			}
			golden.Assert(t, filepath.Join("testdata", tc.file), b.Bytes())
		})
	}
}

func compile(t *testing.T, url string, doc any) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	f, err := os.Open("../testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return compile(t, "https://json.schemastore.org/sarif-2.1.0.json", doc)
}

func checkSchema(t *testing.T) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Check))
	if err != nil {
		t.Fatal(err)
	}
	return compile(t, "check.json", doc)
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("output does not match its schema: %v", err)
	}
}

// TestSchemas validates the sample and a real check's output against the
// SARIF 2.1.0 schema and Hoist's check.json, and checks what GitHub code
// scanning relies on beyond the schema.
func TestSchemas(t *testing.T) {
	reports := map[string]*policy.Report{"sample": sample(), "real": realReport(t), "empty": emptyReport(t)}
	sarif, check := sarifSchema(t), checkSchema(t)
	for name, rep := range reports {
		t.Run(name, func(t *testing.T) {
			var s, j bytes.Buffer
			if err := SARIF(&s, rep, SARIFOptions{Version: "0.1.0"}); err != nil {
				t.Fatal(err)
			}
			validate(t, sarif, s.Bytes())
			if err := JSON(&j, rep); err != nil {
				t.Fatal(err)
			}
			validate(t, check, j.Bytes())
			if strings.Contains(j.String(), "null") {
				t.Errorf("JSON output has a null:\n%s", j.String())
			}
			githubRules(t, s.Bytes())
		})
	}
}

// githubRules checks the parts of SARIF that GitHub requires and the schema
// does not: unique rule IDs, ruleIndex pointing at the rule, relative
// forward-slash URIs, regions starting at 1.
func githubRules(t *testing.T, out []byte) {
	t.Helper()
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties struct {
							SecuritySeverity string `json:"security-severity"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("want version 2.1.0 and one run, got %q and %d", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	seen := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Properties.SecuritySeverity == "" {
			t.Errorf("rule %s has no security-severity", r.ID)
		}
	}
	prints := map[string]bool{}
	for _, res := range run.Results {
		if res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result of %s: ruleIndex %d points elsewhere", res.RuleID, res.RuleIndex)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result of %s: %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		if u := loc.ArtifactLocation.URI; u == "" || strings.HasPrefix(u, "/") || strings.Contains(u, `\`) || strings.Contains(u, "://") {
			t.Errorf("result of %s: uri %q is not relative with forward slashes", res.RuleID, u)
		}
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("result of %s: region %+v", res.RuleID, loc.Region)
		}
		fp := res.PartialFingerprints["primaryLocationLineHash"]
		if fp == "" || prints[fp] {
			t.Errorf("result of %s: fingerprint %q empty or repeated", res.RuleID, fp)
		}
		prints[fp] = true
	}
}

const realStack = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # hoist:ignore HOIST-S3-001 reason="test"
  Logs:
    Type: AWS::S3::Bucket
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`

// realReport runs the real engine, built-in rules and a Rego policy.
func realReport(t *testing.T) *policy.Report {
	t.Helper()
	g, _, err := cloudformation.Import("infra/real stack.yaml", []byte(realStack), cloudformation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := yaml.Unmarshal([]byte(realStack), &raw); err != nil {
		t.Fatal(err)
	}
	targets := []policy.Target{
		{Kind: policy.KindCloudFormation, Path: "infra/real stack.yaml", Graph: g, Raw: raw,
			Sources: map[string][]byte{"infra/real stack.yaml": []byte(realStack)}},
		{Kind: policy.KindTerraform, Path: "bad", Problems: []policy.Problem{{File: "bad/main.tf", Line: 2, Column: 1, Message: "unexpected }"}}},
	}
	rep, err := policy.Check(targets, policy.Options{PolicyDirs: []string{"../testdata/rego/good"}, Framework: ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 3 {
		t.Fatalf("want at least the parse error and two Rego findings, got %d", len(rep.Findings))
	}
	return rep
}

func emptyReport(t *testing.T) *policy.Report {
	rep, err := policy.Check(nil, policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
