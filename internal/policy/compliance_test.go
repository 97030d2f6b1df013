package policy

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompliance(t *testing.T) {
	// Logs fails versioning (CP-9, SI-12) and encryption (SC-13, SC-28);
	// Data passes both; the SSH rule (SC-7) fails on Web; no log group
	// exists, so AU-11 is not applicable. Encryption on Logs is suppressed
	// with a comment, so SC-13 and SC-28 pass.
	src := strings.Replace(stackYAML, "  Logs:\n", "  # hoist:ignore HOIST-S3-901 reason=\"public data\"\n  Logs:\n", 1)
	rep := mustCheck(t, []Target{cfnTarget(t, "s.yaml", src)}, Options{Framework: FrameworkFedRAMPModerate})
	c := rep.Compliance
	if c == nil {
		t.Fatal("no compliance view with a framework")
	}
	var got []string
	for _, cr := range c.Controls {
		got = append(got, fmt.Sprintf("%s %s %v %v %v %d/%d", cr.Control, cr.Status, cr.Rules, cr.Resources, cr.Failing, cr.Findings, cr.Suppressed))
	}
	want := []string{
		"AU-11 not applicable [HOIST-CW-901] [] [] 0/0",
		"CP-9 fail [HOIST-S3-902] [Data Logs] [Logs] 1/0",
		"SC-7 fail [HOIST-SG-901] [Web] [Web] 1/0",
		"SC-13 pass [HOIST-S3-901] [Data Logs] [] 0/1",
		"SC-28 pass [HOIST-S3-901] [Data Logs] [] 0/1",
		"SI-12 fail [HOIST-S3-902] [Data Logs] [Logs] 1/0",
	}
	if !cmp.Equal(got, want) {
		t.Errorf("controls:\n%s", cmp.Diff(want, got))
	}
	if c.Pass != 2 || c.Fail != 3 || c.NotApplicable != 1 {
		t.Errorf("counts: got pass %d fail %d n/a %d", c.Pass, c.Fail, c.NotApplicable)
	}
	// CIS uses the CIS recommendations.
	cis, err := rep.ComplianceFor(FrameworkCIS)
	if err != nil {
		t.Fatal(err)
	}
	var ctrls []string
	for _, cr := range cis.Controls {
		ctrls = append(ctrls, cr.Control+" "+cr.Status)
	}
	if !cmp.Equal(ctrls, []string{"2.1.3 fail", "5.2 fail"}) {
		t.Errorf("cis controls: got %v", ctrls)
	}
	if _, err := rep.ComplianceFor("sox"); err == nil {
		t.Errorf("unknown framework: want an error")
	}
	if rep := mustCheck(t, []Target{cfnTarget(t, "s.yaml", src)}, Options{}); rep.Compliance != nil {
		t.Errorf("no framework: want no compliance view")
	}
}

func TestCompareControls(t *testing.T) {
	got := []string{"AC-17", "AC-6(9)", "SC-7", "AC-6", "AC-2(1)", "1.10", "1.9", "AC-2", "2.1.1"}
	slices.SortFunc(got, compareControls)
	want := []string{"1.9", "1.10", "2.1.1", "AC-2", "AC-2(1)", "AC-6", "AC-6(9)", "AC-17", "SC-7"}
	if !cmp.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
