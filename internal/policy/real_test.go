package policy

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/policy/awsrules"
	"github.com/hoist-dev/hoist/internal/policy/dockerrules"
)

// TestBuiltinDockerfile runs the real Dockerfile rules through Check:
// positions, an inline suppression on the line above an instruction, and a
// parse error as a HOIST-PARSE finding.
func TestBuiltinDockerfile(t *testing.T) {
	src := "# hoist:ignore HOIST-DF-003 reason=\"the base image sets USER node\"\nFROM node\nRUN echo hi\n"
	targets := []Target{
		{Kind: KindDockerfile, Path: "app/Dockerfile", Sources: map[string][]byte{"app/Dockerfile": []byte(src)}},
		{Kind: KindDockerfile, Path: "bad/Dockerfile", Sources: map[string][]byte{"bad/Dockerfile": []byte("RUN x\n")}},
	}
	rep, err := Check(targets, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var sawTag, sawParse, sawSuppressed bool
	for _, f := range rep.Findings {
		if f.RuleID == "HOIST-DF-001" && f.File == "app/Dockerfile" && f.Line == 2 && !f.Suppressed {
			sawTag = true
		}
		if f.RuleID == "HOIST-DF-003" && f.Line == 2 && f.Suppressed && f.SuppressionReason == "the base image sets USER node" {
			sawSuppressed = true
		}
		if f.RuleID == ParseID && f.File == "bad/Dockerfile" {
			sawParse = true
		}
		if f.Source == "dockerfile" && f.Controls == nil {
			t.Errorf("%s: controls must never be nil", f.RuleID)
		}
	}
	if !sawTag || !sawParse || !sawSuppressed {
		t.Errorf("want HOIST-DF-001 at app/Dockerfile:2, HOIST-DF-003 there suppressed and a HOIST-PARSE for bad/Dockerfile, got\n%s", describe(rep.Findings))
	}
	if n := len(rep.Rules); n < len(dockerrules.Rules()) {
		t.Errorf("rules: got %d, want every Dockerfile rule", n)
	}
}

// TestBuiltinRulesRun runs the real AWS registry over a template with an
// open SSH port and a bucket without versioning, with the real foreign
// mapping table.
func TestBuiltinRulesRun(t *testing.T) {
	if len(awsrules.Rules()) == 0 {
		t.Skip("no AWS rules registered yet")
	}
	rep, err := Check([]Target{cfnTarget(t, "s.yaml", stackYAML)}, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 {
		t.Fatalf("want findings from the built-in rules over an open SSH port, got none")
	}
	for _, f := range rep.Findings {
		if !strings.HasPrefix(f.RuleID, "HOIST-") || f.File != "s.yaml" || f.Line < 1 {
			t.Errorf("finding %+v: want a HOIST rule at a line of s.yaml", f)
		}
	}
}

// TestForeignIDs checks the mapping table: known tools, no duplicate rows,
// and every Hoist ID a rule of the built-in registries.
func TestForeignIDs(t *testing.T) {
	known := map[string]bool{}
	for _, r := range awsrules.Rules() {
		known[r.ID] = true
	}
	for _, r := range dockerrules.Rules() {
		known[r.ID] = true
	}
	seen := map[ForeignID]bool{}
	for _, f := range ForeignIDs() {
		switch f.Tool {
		case ToolCheckov, ToolTfsec, ToolTrivy, ToolCfnNag:
		default:
			t.Errorf("%+v: unknown tool", f)
		}
		if seen[f] {
			t.Errorf("%+v: listed twice", f)
		}
		seen[f] = true
		if !known[f.Hoist] {
			t.Errorf("%+v: %s is not a built-in rule", f, f.Hoist)
		}
	}
}

// TestTerraformSuppressions uses the real Terraform importer, rules and
// mapping table: a Checkov skip inside a block, a tfsec ignore above one,
// and a hoist:ignore at the end of the attribute's line.
func TestTerraformSuppressions(t *testing.T) {
	src := `resource "aws_s3_bucket" "logs" {
  # checkov:skip=CKV_AWS_21:access logs are written once
  bucket = "logs"
}

#tfsec:ignore:aws-ec2-no-public-ingress-sgr
resource "aws_security_group" "bastion" {
  description = "bastion"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "open" {
  description = "open"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # hoist:ignore HOIST-SG-001 reason="closed by the NACL"
  }
}
`
	g, probs, err := terraform.ImportFiles(map[string][]byte{"main.tf": []byte(src)}, terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Severity == terraform.SeverityError {
			t.Fatal(p)
		}
	}
	rep, err := Check([]Target{{Kind: KindTerraform, Path: ".", Graph: g, Sources: map[string][]byte{"main.tf": []byte(src)}}}, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"HOIST-S3-005 aws_s3_bucket.logs":         "access logs are written once",
		"HOIST-SG-001 aws_security_group.bastion": "tfsec:ignore:aws-ec2-no-public-ingress-sgr (no reason given)",
		"HOIST-SG-001 aws_security_group.open":    "closed by the NACL",
	}
	for _, f := range rep.Findings {
		k := f.RuleID + " " + f.Resource
		if reason, ok := want[k]; ok {
			if !f.Suppressed || f.SuppressionReason != reason {
				t.Errorf("%s at %s:%d: got suppressed=%v reason %q, want %q", k, f.File, f.Line, f.Suppressed, f.SuppressionReason, reason)
			}
			delete(want, k)
		}
	}
	for k := range want {
		t.Errorf("no finding %s\n%s", k, describe(rep.Findings))
	}
}
