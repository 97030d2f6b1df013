package policy

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// testNow is the date suppressions' expiry is judged against in tests.
var testNow = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

// cfnTarget imports a CloudFormation template into a target.
func cfnTarget(t testing.TB, file, src string) Target {
	t.Helper()
	g, probs, err := cloudformation.Import(file, []byte(src), cloudformation.Options{})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for _, p := range probs {
		if p.Severity == cloudformation.SeverityError {
			t.Fatalf("%s: %v", file, p)
		}
	}
	var raw any
	if err := yaml.Unmarshal([]byte(src), &raw); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return Target{Kind: KindCloudFormation, Path: file, Graph: g, Raw: raw, Sources: map[string][]byte{file: []byte(src)}}
}

// Test rules, standing in for the built-in registry so that these tests
// do not change whenever a rule does.
var (
	ruleEncryption = rule.AWS{
		Meta: rule.Meta{
			ID: "HOIST-S3-901", Title: "S3 bucket is not encrypted", Severity: rule.High,
			Remediation: "Set BucketEncryption.", ConfigRule: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
			NIST: []string{"SC-28", "SC-13"}, FedRAMP: []string{"low", "moderate"},
		},
		Types: []string{"AWS::S3::Bucket"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if r.Prop("BucketEncryption") == nil {
				return []rule.Violation{{Message: fmt.Sprintf("bucket %s has no BucketEncryption", r.ID)}}
			}
			return nil
		},
	}
	ruleVersioning = rule.AWS{
		Meta: rule.Meta{
			ID: "HOIST-S3-902", Title: "S3 bucket versioning is off", Severity: rule.Medium,
			Remediation: "Set VersioningConfiguration.Status to Enabled.", ConfigRule: "S3_BUCKET_VERSIONING_ENABLED",
			NIST: []string{"CP-9", "SI-12"}, FedRAMP: []string{"moderate"}, CIS: []string{"2.1.3"},
		},
		Types: []string{"AWS::S3::Bucket"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if s, _ := ir.AsString(r.Prop("VersioningConfiguration.Status")); s != "Enabled" {
				return []rule.Violation{{Message: "versioning is not enabled", Path: "VersioningConfiguration.Status"}}
			}
			return nil
		},
	}
	ruleSSH = rule.AWS{
		Meta: rule.Meta{
			ID: "HOIST-SG-901", Title: "SSH open to the world", Severity: rule.Critical,
			Remediation: "Restrict CidrIp.", NIST: []string{"SC-7"}, FedRAMP: []string{"low", "moderate"}, CIS: []string{"5.2"},
		},
		Types: []string{"AWS::EC2::SecurityGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			var out []rule.Violation
			items, _ := ir.AsList(r.Prop("SecurityGroupIngress"))
			for i, it := range items {
				port, _ := ir.AsInt(ir.Lookup(it, "FromPort"))
				cidr, _ := ir.AsString(ir.Lookup(it, "CidrIp"))
				if port == 22 && cidr == "0.0.0.0/0" {
					out = append(out, rule.Violation{Message: "port 22 is open to 0.0.0.0/0", Path: fmt.Sprintf("SecurityGroupIngress.%d.CidrIp", i)})
				}
			}
			return out
		},
	}
	ruleLogGroup = rule.AWS{
		Meta: rule.Meta{
			ID: "HOIST-CW-901", Title: "Log group keeps logs forever", Severity: rule.Low,
			Remediation: "Set RetentionInDays.", NIST: []string{"AU-11"}, FedRAMP: []string{"low", "moderate"},
		},
		Types: []string{"AWS::Logs::LogGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if r.Prop("RetentionInDays") == nil {
				return []rule.Violation{{Message: "no RetentionInDays"}}
			}
			return nil
		},
	}
)

// testDocker is a Dockerfile rule set for tests: HOIST-DF-901 flags every
// FROM without a tag; a line "BROKEN" is a parse error.
var testDocker = dockerEngine{
	rules: []rule.Meta{{ID: "HOIST-DF-901", Title: "Base image has no tag", Severity: rule.Medium, NIST: []string{"CM-2"}, FedRAMP: []string{"low"}}},
	check: func(file string, data, ignore []byte, enabled func(string) bool) ([]dockerHit, error) {
		var out []dockerHit
		for i, l := range strings.Split(string(data), "\n") {
			if l == "BROKEN" {
				return nil, fmt.Errorf("%s:%d: unknown instruction: BROKEN", file, i+1)
			}
			if img, ok := strings.CutPrefix(l, "FROM "); ok && !strings.Contains(img, ":") && enabled("HOIST-DF-901") {
				out = append(out, dockerHit{rule: "HOIST-DF-901", message: "FROM " + img + " has no tag", line: i + 1, column: 1})
			}
		}
		return out, nil
	},
}

func testRules() ruleSet {
	return ruleSet{
		aws:    []rule.AWS{ruleEncryption, ruleVersioning, ruleSSH, ruleLogGroup},
		docker: testDocker,
		foreign: []ForeignID{
			{ToolCheckov, "CKV_AWS_19", "HOIST-S3-901"},
			{ToolCheckov, "CKV_AWS_21", "HOIST-S3-902"},
			{ToolTfsec, "aws-s3-enable-bucket-encryption", "HOIST-S3-901"},
			{ToolTrivy, "AVD-AWS-0088", "HOIST-S3-901"},
			{ToolCfnNag, "W41", "HOIST-S3-901"},
		},
	}
}

// describe renders findings one a line, for comparisons.
func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d %s %s", f.File, f.Line, f.Column, f.RuleID, f.Resource)
		if f.Suppressed {
			fmt.Fprintf(&b, " suppressed(%s, %s, %q)", f.SuppressionKind, f.SuppressedBy, f.SuppressionReason)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func mustCheck(t testing.TB, targets []Target, opts Options) *Report {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	rep, err := check(targets, opts, testRules())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
