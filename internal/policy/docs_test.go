package policy

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/policy/awsrules"
	"github.com/hoist-dev/hoist/internal/policy/dockerrules"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

const docsFile = "../../docs/policy.md"

// ruleReference writes the rule reference of docs/policy.md: one heading
// per rule, so that every finding's DocURL anchor exists.
func ruleReference() string {
	var metas []rule.Meta
	for _, r := range awsrules.Rules() {
		metas = append(metas, r.Meta)
	}
	for _, r := range dockerrules.Rules() {
		metas = append(metas, r.Meta)
	}
	metas = append(metas, engineRules...)
	slices.SortFunc(metas, func(a, b rule.Meta) int { return strings.Compare(a.ID, b.ID) })
	var b strings.Builder
	for _, m := range metas {
		fmt.Fprintf(&b, "\n### %s\n\n**%s** (%s)\n\n", m.ID, m.Title, m.Severity)
		if m.Rationale != "" {
			b.WriteString(m.Rationale + "\n\n")
		}
		if m.Remediation != "" {
			b.WriteString("Fix: " + m.Remediation + "\n\n")
		}
		var maps []string
		if len(m.NIST) > 0 {
			maps = append(maps, "NIST 800-53: "+strings.Join(m.NIST, ", "))
		}
		if len(m.FedRAMP) > 0 {
			maps = append(maps, "FedRAMP: "+strings.Join(m.FedRAMP, ", "))
		}
		if len(m.CIS) > 0 {
			maps = append(maps, "CIS AWS: "+strings.Join(m.CIS, ", "))
		}
		if m.ConfigRule != "" {
			maps = append(maps, "AWS Config: `"+m.ConfigRule+"`")
		}
		if len(maps) > 0 {
			b.WriteString(strings.Join(maps, ". ") + ".\n")
		}
	}
	return b.String()
}

func TestDocsRuleReference(t *testing.T) {
	data, err := os.ReadFile(docsFile)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q ... %q section", docsFile, begin, end)
	}
	want := ruleReference()
	got := doc[i+len(begin) : j]
	if got == want {
		return
	}
	if golden.Update() {
		if err := os.WriteFile(docsFile, []byte(doc[:i+len(begin)]+want+doc[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: rule reference is out of date (rerun with -update):\n%s", docsFile, cmp.Diff(want, got))
}
