package policy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseComment(f *testing.F) {
	for _, s := range []string{
		`# hoist:ignore HOIST-S3-001 reason="why" expires=2026-01-02`,
		`x: 1 # hoist:ignore A,B reason=short`,
		`// hoist:ignore A reason="esc \" \\ aped"`,
		`#tfsec:ignore:aws-a #trivy:ignore:AVD-AWS-1:exp:2026-01-01 text`,
		`# checkov:skip=CKV_AWS_18:the bucket: logs itself`,
		`# hoist:ignore`, `#hoist:ignore hoist:ignore`, `# checkov:skip=`, "#tfsec:ignore:",
		`# hoist:ignore A reason="unterminated`, "\x00# hoist:ignore \xff reason=\"\xfe\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		ds := ParseComment(line)
		for _, d := range ds {
			if d.Column < 1 || d.Column > len(line) {
				t.Fatalf("%q: column %d outside the line", line, d.Column)
			}
			if d.Invalid == "" && d.Tool != ToolTfsec && d.Tool != ToolTrivy && d.Reason == "" {
				t.Fatalf("%q: a valid %s directive without a reason: %+v", line, d.Tool, d)
			}
			if d.Invalid == "" && len(d.IDs) == 0 {
				t.Fatalf("%q: a valid directive without IDs: %+v", line, d)
			}
		}
		if len(ds) > 0 && commentStart(line) < 0 {
			t.Fatalf("%q: directives outside a comment", line)
		}
		if utf8.ValidString(line) {
			for _, d := range ds {
				if !strings.Contains(line, d.Tool) && d.Tool != ToolHoist {
					t.Fatalf("%q: tool %s not in the line", line, d.Tool)
				}
			}
		}
	})
}

func FuzzParseSuppressions(f *testing.F) {
	for _, s := range []string{
		"version: 1\nsuppressions:\n  - rule: HOIST-S3-001\n    resource: a*\n    file: infra/**\n    reason: why\n    expires: 2026-01-01\n",
		"version: 1\nsuppressions: []\n", "version: 2\n", "", "- a\n", "version: 1\nsuppressions:\n  - {rule: [x]}\n",
		"version: 1\nsuppressions:\n  - rule: A\n    expires: soon\n", "{version: 1, suppressions: [{rule: '*', reason: all}]}",
		"version: 1\n  bad: [\n", "&a [*a]", "version: 1\nsuppressions: &x\n  - *x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseSuppressions("s.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "s.yaml:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, e := range entries {
			if e.Invalid == "" && (e.Rule == "" || e.Reason == "") {
				t.Fatalf("entry without rule or reason accepted: %+v", e)
			}
			if e.Line < 1 {
				t.Fatalf("entry without a line: %+v", e)
			}
			// Every pattern compiles and matching never panics.
			compileGlob(e.Rule).match(e.Rule)
			compileGlob(e.Resource).match("x")
			compileGlob(e.File).match("a/b")
		}
	})
}
