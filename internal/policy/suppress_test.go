package policy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInlineSuppressions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts Options
		want string
	}{
		{
			name: "comment above the resource covers the resource",
			src: `Resources:
  # hoist:ignore HOIST-S3-901 reason="public assets"
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
`,
			want: `t.yaml:3:3 HOIST-S3-901 Assets suppressed(inSource, t.yaml:2, "public assets")
`,
		},
		{
			name: "stacked comments all reach the resource",
			src: `Resources:
  # hoist:ignore HOIST-S3-901 reason="public assets"
  # an unrelated note
  # hoist:ignore HOIST-S3-902 reason="immutable objects" expires=2026-11-15
  Assets:
    Type: AWS::S3::Bucket
`,
			want: `t.yaml:5:3 HOIST-S3-901 Assets suppressed(inSource, t.yaml:2, "public assets")
t.yaml:5:3 HOIST-S3-902 Assets suppressed(inSource, t.yaml:4, "immutable objects")
`,
		},
		{
			name: "trailing comment on the finding's line, and on the line above a property",
			src: `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {}
      VersioningConfiguration:
        # hoist:ignore HOIST-S3-902 reason="scratch bucket"
        Status: Suspended
  Other:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {}
      VersioningConfiguration:
        Status: Suspended # hoist:ignore HOIST-S3-902 reason="also scratch"
`,
			want: `t.yaml:8:9 HOIST-S3-902 Assets suppressed(inSource, t.yaml:7, "scratch bucket")
t.yaml:14:9 HOIST-S3-902 Other suppressed(inSource, t.yaml:14, "also scratch")
`,
		},
		{
			name: "a comment inside the resource covers it; one rule does not cover another",
			src: `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      # hoist:ignore HOIST-S3-901,HOIST-CW-901 reason="public website content"
      Tags: []
`,
			want: `t.yaml:2:3 HOIST-S3-901 Assets suppressed(inSource, t.yaml:5, "public website content")
t.yaml:2:3 HOIST-S3-902 Assets
`,
		},
		{
			name: "a blank line between comment and resource breaks the link",
			src: `Resources:
  # hoist:ignore HOIST-S3-901 reason="detached"

  Assets:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
`,
			want: `t.yaml:4:3 HOIST-S3-901 Assets
`,
		},
		{
			name: "missing reason, bad date, unknown rule: not applied, reported",
			src: `Resources:
  # hoist:ignore HOIST-S3-901
  # hoist:ignore HOIST-S3-902 reason="x" expires=2026-13-01
  # hoist:ignore HOIST-S3-999 reason="typo"
  Assets:
    Type: AWS::S3::Bucket
`,
			want: `t.yaml:2:5 HOIST-SUP-001 
t.yaml:3:5 HOIST-SUP-001 
t.yaml:4:5 HOIST-SUP-001 
t.yaml:5:3 HOIST-S3-901 Assets
t.yaml:5:3 HOIST-S3-902 Assets
`,
		},
		{
			name: "expired suppression stops applying",
			src: `Resources:
  Assets: # hoist:ignore HOIST-S3-901 reason="until the migration" expires=2026-11-14
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
`,
			want: `t.yaml:2:3 HOIST-S3-901 Assets
t.yaml:2:13 HOIST-SUP-002 
`,
		},
		{
			name: "CloudFormation Metadata: hoist, cfn_nag and cfn-guard",
			src: `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Metadata:
      hoist:
        ignore:
          - rule: HOIST-S3-902
            reason: objects are immutable
      cfn_nag:
        rules_to_suppress:
          - id: W41
            reason: encrypted by the default bucket key
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      guard:
        SuppressedRules:
          - S3_BUCKET_VERSIONING_ENABLED
      hoist:
        ignore:
          - rule: HOIST-S3-901
`,
			want: `t.yaml:2:3 HOIST-S3-901 Assets suppressed(inSource, t.yaml:11, "encrypted by the default bucket key")
t.yaml:2:3 HOIST-S3-902 Assets suppressed(inSource, t.yaml:7, "objects are immutable")
t.yaml:13:3 HOIST-S3-901 Logs
t.yaml:13:3 HOIST-S3-902 Logs suppressed(inSource, t.yaml:17, "guard SuppressedRules S3_BUCKET_VERSIONING_ENABLED (no reason given)")
t.yaml:21:13 HOIST-SUP-001 
`,
		},
		{
			name: "foreign comments: checkov, tfsec, trivy",
			src: `Resources:
  A:
    # checkov:skip=CKV_AWS_19:encrypted elsewhere
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
  B: #tfsec:ignore:aws-s3-enable-bucket-encryption
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
  #trivy:ignore:AVD-AWS-0088:exp:2027-01-01 static site bucket
  C:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
  D:
    # checkov:skip=CKV_AWS_19
    # checkov:skip=CKV_AWS_999:a check Hoist does not have
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
`,
			want: `t.yaml:2:3 HOIST-S3-901 A suppressed(inSource, t.yaml:3, "encrypted elsewhere")
t.yaml:7:3 HOIST-S3-901 B suppressed(inSource, t.yaml:7, "tfsec:ignore:aws-s3-enable-bucket-encryption (no reason given)")
t.yaml:12:3 HOIST-S3-901 C suppressed(inSource, t.yaml:11, "static site bucket")
t.yaml:16:3 HOIST-S3-901 D
t.yaml:17:7 HOIST-SUP-001 
`,
		},
		{
			name: "--no-inline-suppressions ignores comments and Metadata, and their problems",
			src: `Resources:
  # hoist:ignore HOIST-S3-901 reason="public assets"
  # hoist:ignore HOIST-S3-902
  Assets:
    Type: AWS::S3::Bucket
    Metadata:
      hoist:
        ignore: [{rule: HOIST-S3-902, reason: immutable}]
`,
			opts: Options{NoInlineSuppressions: true},
			want: `t.yaml:4:3 HOIST-S3-901 Assets
t.yaml:4:3 HOIST-S3-902 Assets
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := mustCheck(t, []Target{cfnTarget(t, "t.yaml", tc.src)}, tc.opts)
			if got := describe(rep.Findings); got != tc.want {
				t.Errorf("findings:\n%s", cmp.Diff(tc.want, got))
			}
		})
	}
}

func TestExpiredSuppressionsListed(t *testing.T) {
	src := `Resources:
  Assets: # hoist:ignore HOIST-S3-901 reason="until the migration" expires=2026-11-14
    Type: AWS::S3::Bucket
`
	rep := mustCheck(t, []Target{cfnTarget(t, "t.yaml", src)}, Options{})
	want := []ExpiredSuppression{{Rule: "HOIST-S3-901", File: "t.yaml", Line: 2, Reason: "until the migration", Expires: "2026-11-14"}}
	if !cmp.Equal(rep.ExpiredSuppressions, want) {
		t.Errorf("expired: %s", cmp.Diff(want, rep.ExpiredSuppressions))
	}
	for _, f := range rep.Findings {
		if f.RuleID == ExpiredSuppressionID && !strings.Contains(f.Message, "expired on 2026-11-14") {
			t.Errorf("message: got %q", f.Message)
		}
	}
}

const centralStack = `Resources:
  Assets:
    Type: AWS::S3::Bucket
  Logs:
    Type: AWS::S3::Bucket
  AppLogs:
    Type: AWS::Logs::LogGroup
`

func TestCentralSuppressions(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{
			name: "rule and resource glob",
			file: `version: 1
suppressions:
  - rule: HOIST-S3-90*
    resource: Log*
    reason: the log bucket is written by AWS only
`,
			want: `infra/app.yaml:2:3 HOIST-S3-901 Assets
infra/app.yaml:2:3 HOIST-S3-902 Assets
infra/app.yaml:4:3 HOIST-S3-901 Logs suppressed(external, .hoist/suppressions.yaml:3, "the log bucket is written by AWS only")
infra/app.yaml:4:3 HOIST-S3-902 Logs suppressed(external, .hoist/suppressions.yaml:3, "the log bucket is written by AWS only")
infra/app.yaml:6:3 HOIST-CW-901 AppLogs
`,
		},
		{
			name: "file glob, expiry, missing reason, unknown rule",
			file: `version: 1
suppressions:
  - rule: HOIST-CW-901
    file: infra/**
    reason: retention is set by an account-wide policy
    expires: 2026-11-15
  - rule: HOIST-S3-902
    file: other/**
    reason: not this file
  - rule: HOIST-S3-901
    resource: Assets
  - rule: HOIST-S3-902
    reason: old
    expires: 2025-01-01
  - rule: HOIST-NOPE-*
    reason: typo
`,
			want: `.hoist/suppressions.yaml:10:5 HOIST-SUP-001 
.hoist/suppressions.yaml:12:5 HOIST-SUP-002 
.hoist/suppressions.yaml:15:5 HOIST-SUP-001 
infra/app.yaml:2:3 HOIST-S3-901 Assets
infra/app.yaml:2:3 HOIST-S3-902 Assets
infra/app.yaml:4:3 HOIST-S3-901 Logs
infra/app.yaml:4:3 HOIST-S3-902 Logs
infra/app.yaml:6:3 HOIST-CW-901 AppLogs suppressed(external, .hoist/suppressions.yaml:3, "retention is set by an account-wide policy")
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, noInline := range []bool{false, true} {
				rep := mustCheck(t, []Target{cfnTarget(t, "infra/app.yaml", centralStack)},
					Options{Suppressions: []byte(tc.file), NoInlineSuppressions: noInline})
				if got := describe(rep.Findings); got != tc.want {
					t.Errorf("no-inline=%v: findings:\n%s", noInline, cmp.Diff(tc.want, got))
				}
			}
		})
	}
}

func TestParseSuppressionsErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"version: 2\n", `s.yaml:1:10: unsupported version "2" (want 1)`},
		{"suppressions: []\n", "s.yaml:1:1: missing version: 1"},
		{"version: 1\nsupressions: []\n", `s.yaml:2:1: unknown key "supressions" (want version, suppressions)`},
		{"version: 1\nsuppressions:\n  - rule: X\n    reson: typo\n", `s.yaml:4:5: unknown key "reson" (want rule, resource, file, reason, expires)`},
		{"version: 1\nsuppressions: {}\n", "s.yaml:2:15: suppressions must be a list"},
		{"version: 1\nsuppressions:\n  - rule: [a]\n", "s.yaml:3:11: rule must be a string"},
		{"version: 1\nsuppressions:\n  - x\n", "s.yaml:3:5: a suppression must be a mapping with rule and reason"},
		{"version: 1\n  bad: [\n", "s.yaml:2: mapping values are not allowed in this context"},
		{"- 1\n", "s.yaml:1:1: want a mapping with version and suppressions"},
	}
	for _, tc := range tests {
		_, err := ParseSuppressions("s.yaml", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: got error %v, want %s", tc.src, err, tc.want)
		}
	}
	// A malformed central file stops the check.
	if _, err := check(nil, Options{Suppressions: []byte("version: 3\n"), SuppressionsFile: "x.yaml"}, testRules()); err == nil ||
		!strings.HasPrefix(err.Error(), "x.yaml:1:10:") {
		t.Errorf("check with a bad central file: got %v", err)
	}
}

func TestParseComment(t *testing.T) {
	tests := []struct {
		line string
		want []Directive
	}{
		{`x: 1 # hoist:ignore HOIST-S3-001 reason="a \"quoted\" why" expires=2026-01-02`,
			[]Directive{{Tool: ToolHoist, IDs: []string{"HOIST-S3-001"}, Reason: `a "quoted" why`, Expires: "2026-01-02", Column: 8}}},
		{`// hoist:ignore A,B reason=short`,
			[]Directive{{Tool: ToolHoist, IDs: []string{"A", "B"}, Reason: "short", Column: 4}}},
		{`# hoist:ignore A reason="unterminated`,
			[]Directive{{Tool: ToolHoist, IDs: []string{"A"}, Invalid: "hoist:ignore: reason has an unterminated quoted value", Column: 3}}},
		{`# hoist:ignore A because="x"`,
			[]Directive{{Tool: ToolHoist, IDs: []string{"A"}, Invalid: `hoist:ignore: unknown key "because" (want reason or expires)`, Column: 3}}},
		{`# hoist:ignore A why not`,
			[]Directive{{Tool: ToolHoist, IDs: []string{"A"}, Invalid: `hoist:ignore: unexpected "why" (want key=value: reason="...", expires=YYYY-MM-DD)`, Column: 3}}},
		{`# hoist:ignoreA`,
			[]Directive{{Tool: ToolHoist, Invalid: "hoist:ignore must be followed by a space and a rule ID", Column: 3}}},
		{`#tfsec:ignore:aws-a #trivy:ignore:AVD-AWS-1:exp:2026-01-01`,
			[]Directive{
				{Tool: ToolTfsec, IDs: []string{"aws-a"}, Reason: "tfsec:ignore:aws-a (no reason given)", Column: 2},
				{Tool: ToolTrivy, IDs: []string{"AVD-AWS-1"}, Reason: "trivy:ignore:AVD-AWS-1 (no reason given)", Expires: "2026-01-01", Column: 22},
			}},
		{`  # checkov:skip=CKV_AWS_18:the bucket: logs itself`,
			[]Directive{{Tool: ToolCheckov, IDs: []string{"CKV_AWS_18"}, Reason: "the bucket: logs itself", Column: 5}}},
		{`name = "hoist:ignore X reason=y"`, nil},
		{`# plain comment`, nil},
	}
	for _, tc := range tests {
		if got := ParseComment(tc.line); !cmp.Equal(got, tc.want) {
			t.Errorf("ParseComment(%q): %s", tc.line, cmp.Diff(tc.want, got))
		}
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"", "anything", true},
		{"infra/**", "infra/a/b.yaml", true},
		{"infra/*", "infra/a/b.yaml", false},
		{"**/main.tf", "main.tf", true},
		{"**/main.tf", "a/b/main.tf", true},
		{"HOIST-S3-*", "HOIST-S3-001", true},
		{"HOIST-S3-00?", "HOIST-S3-010", false},
		{"module.app.*", "module.app.aws_s3_bucket.x", true},
		{"a.b", "axb", false},
		{"é*", "éa", true},
	}
	for _, tc := range tests {
		if got := compileGlob(tc.pat).match(tc.s); got != tc.want {
			t.Errorf("glob %q on %q: got %v, want %v", tc.pat, tc.s, got, tc.want)
		}
	}
}
