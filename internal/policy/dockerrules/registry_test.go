package dockerrules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var idRe = regexp.MustCompile(`^HOIST-DF-([0-9]{3}|BUILDKIT)$`)

// TestRegistry checks the registry: IDs well formed, unique and sorted,
// and every rule documented and mapped.
func TestRegistry(t *testing.T) {
	rules := Rules()
	if len(rules) < 26 {
		t.Fatalf("got %d rules, want at least 26", len(rules))
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		if !idRe.MatchString(r.ID) {
			t.Errorf("%s: got a malformed ID, want HOIST-DF-NNN", r.ID)
		}
		for field, v := range map[string]string{"Title": r.Title, "Rationale": r.Rationale, "Remediation": r.Remediation, "FixDockerfile": r.FixDockerfile} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: got empty %s, want it documented", r.ID, field)
			}
		}
		if r.FixCloudFormation != "" || r.FixTerraform != "" || r.ConfigRule != "" {
			t.Errorf("%s: got CloudFormation/Terraform/Config fields, want them empty on a Dockerfile rule", r.ID)
		}
		if len(r.NIST) == 0 {
			t.Errorf("%s: got no NIST controls, want at least one", r.ID)
		}
		for _, c := range r.NIST {
			if !slices.ContainsFunc(controlBaselines, func(cb struct {
				control   string
				baselines []string
			}) bool {
				return cb.control == c
			}) {
				t.Errorf("%s: NIST control %s has no FedRAMP baseline entry", r.ID, c)
			}
		}
		if len(r.FedRAMP) == 0 {
			t.Errorf("%s: got no FedRAMP baselines, want at least one", r.ID)
		}
		if r.Check == nil {
			t.Errorf("%s: got nil Check", r.ID)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("got IDs in order %v, want them sorted", ids)
	}
	if c := slices.Compact(slices.Clone(ids)); len(c) != len(ids) {
		t.Errorf("got duplicate IDs in %v", ids)
	}
}

func TestBaselines(t *testing.T) {
	tests := []struct {
		controls []string
		want     string
	}{
		{[]string{"AC-6"}, "moderate,high"},
		{[]string{"SI-7", "CM-6"}, "low,moderate,high"},
		{[]string{"IA-5(7)"}, "moderate,high"},
		{[]string{"XX-1"}, ""},
	}
	for _, tc := range tests {
		if got := strings.Join(baselines(tc.controls), ","); got != tc.want {
			t.Errorf("baselines(%v): got %q, want %q", tc.controls, got, tc.want)
		}
	}
}

// TestSeverities pins the severities the policy promises.
func TestSeverities(t *testing.T) {
	want := map[string]string{
		"HOIST-DF-001": "medium", // latest tag
		"HOIST-DF-003": "high",   // root user
		"HOIST-DF-005": "high",   // secrets
		"HOIST-DF-027": "high",   // credential files
		"HOIST-DF-033": "high",   // verification off
		"HOIST-DF-002": "info",
		"HOIST-DF-031": "info",
	}
	for _, r := range Rules() {
		if w, ok := want[r.ID]; ok && r.Severity.String() != w {
			t.Errorf("%s: got severity %s, want %s", r.ID, r.Severity, w)
		}
	}
}
