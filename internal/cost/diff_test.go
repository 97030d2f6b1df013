package cost

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

func diffReports(t *testing.T) (before, after, cmp *Report) {
	t.Helper()
	usage := loadUsage(t, "testdata/diff/usage.yml")
	before = estimate(t, []*ir.Graph{importTemplate(t, "testdata/diff/before.yaml")}, Options{Region: "us-east-1", Usage: usage})
	after = estimate(t, []*ir.Graph{importTemplate(t, "testdata/diff/after.yaml")}, Options{Region: "us-east-1", Usage: usage})
	return before, after, Compare(before, after)
}

func TestCompare(t *testing.T) {
	before, after, cmp := diffReports(t)
	// before: NAT 730 x 0.045 + 50 x 0.045 = 35.1; NatIp 3.65; Data 100 x 0.10 = 10;
	//   Service 1 vCPU x 730 x 0.04048 = 29.5504 + 2 GB x 730 x 0.004445 = 6.4897 -> 36.0401;
	//   Jobs 3 x 0.40 = 1.2. Total 85.9901.
	// after: Service x3 = 108.1203; Spare 3.65; Assets 200 x 0.023 = 4.6; Jobs gone.
	//   Total 35.1 + 3.65 + 3.65 + 10 + 108.1203 + 4.6 = 165.1203.
	want := map[string]struct {
		change    string
		past, now string
	}{
		"Nat":     {ChangeUnchanged, "35.1", "35.1"},
		"NatIp":   {ChangeUnchanged, "3.65", "3.65"},
		"Spare":   {ChangeAdded, "0", "3.65"},
		"Data":    {ChangeUnchanged, "10", "10"},
		"Service": {ChangeChanged, "36.0401", "108.1203"},
		"Task":    {ChangeUnchanged, "0", "0"},
		"Jobs":    {ChangeRemoved, "1.2", "0"},
		"Assets":  {ChangeAdded, "0", "4.6"},
	}
	if !before.Total.Equal(dec("85.9901")) || !after.Total.Equal(dec("165.1203")) {
		t.Fatalf("totals: before %s, want 85.9901; after %s, want 165.1203", before.Total, after.Total)
	}
	if !cmp.PastTotal.Equal(before.Total) || !cmp.DiffTotal.Equal(dec("79.1302")) {
		t.Errorf("past %s diff %s, want 85.9901 and 79.1302", cmp.PastTotal, cmp.DiffTotal)
	}
	got := map[string]bool{}
	for _, r := range cmp.Resources {
		w, ok := want[r.Address]
		if !ok {
			t.Errorf("unexpected resource %s", r.Address)
			continue
		}
		got[r.Address] = true
		if r.Change != w.change || !r.PastCost.Equal(dec(w.past)) || !r.Cost.Equal(dec(w.now)) {
			t.Errorf("%s: %s %s -> %s, want %s %s -> %s", r.Address, r.Change, r.PastCost, r.Cost, w.change, w.past, w.now)
		}
		if !r.DiffCost.Equal(r.Cost.Sub(*r.PastCost)) {
			t.Errorf("%s: diff %s is not now - past", r.Address, r.DiffCost)
		}
	}
	for a := range want {
		if !got[a] {
			t.Errorf("%s missing from the comparison", a)
		}
	}
	if len(cmp.Unsupported) != 1 || cmp.Unsupported[0].Type != "AWS::Events::EventBus" {
		t.Errorf("unsupported = %v, want the event bus", cmp.Unsupported)
	}
	if before.PastTotal != nil || after.PastTotal != nil {
		t.Error("Compare modified its inputs")
	}
	validateJSON(t, jsonOf(t, cmp))
	golden.Assert(t, "testdata/diff/compare.json", jsonOf(t, cmp))
}

func TestSavings(t *testing.T) {
	_, after, _ := diffReports(t)
	// Spare EIP: idle, 3.65. Data gp2 -> gp3: 100 x (0.10 - 0.08) = 2.
	// Service x86 -> arm: 3 tasks x 730 x (1 x (0.04048 - 0.03238) + 2 x (0.004445 - 0.00356)) = 2190 x 0.00987 = 21.6153.
	// Rightsize (CPU 20%, memory 25%): 1024/2048 -> 512/1024 per task: 730 x (0.5 x 0.04048 + 1 x 0.004445) = 18.02005, x 3 tasks = 54.06015.
	want := map[string]string{
		"Spare/" + ActionDelete:              "3.65",
		"Data/" + ActionUpgrade:              "2",
		"Service/" + ActionMigrateToGraviton: "21.6153",
		"Service/" + ActionRightsize:         "54.06015",
	}
	got := map[string]decimal.Decimal{}
	for _, s := range after.Savings {
		got[s.Resource+"/"+s.ActionType] = s.Monthly
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !g.Equal(dec(v)) {
			t.Errorf("saving %s = %s, want %s (all: %v)", k, g, v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d savings, want %d: %v", len(got), len(want), got)
	}
}

// TestRenderers snapshots the table, Markdown and HTML of a plain and a
// compared report.
func TestRenderers(t *testing.T) {
	_, after, cmp := diffReports(t)
	for _, tc := range []struct {
		name string
		r    *Report
	}{{"estimate", after}, {"compare", cmp}} {
		var tbl, md, page bytes.Buffer
		if err := tc.r.WriteTable(&tbl, false); err != nil {
			t.Fatal(err)
		}
		if err := tc.r.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
		if err := tc.r.WriteHTML(&page); err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join("testdata/diff", tc.name+".txt"), tbl.Bytes())
		golden.Assert(t, filepath.Join("testdata/diff", tc.name+".md"), md.Bytes())
		golden.Assert(t, filepath.Join("testdata/diff", tc.name+".html"), page.Bytes())
		h := page.String()
		for _, bad := range []string{"<script", "http://", "https://", "<link", "@import", "src="} {
			if strings.Contains(strings.ReplaceAll(h, "http://www.w3.org/2000/svg", ""), bad) {
				t.Errorf("%s HTML contains %q: it must be self-contained", tc.name, bad)
			}
		}
		if !strings.Contains(h, "<svg") {
			t.Errorf("%s HTML has no chart", tc.name)
		}
	}
	var colored bytes.Buffer
	if err := after.WriteTable(&colored, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(colored.String(), "\x1b[1m") {
		t.Error("color table has no ANSI bold")
	}
}
