package cost

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

var wantLine = regexp.MustCompile(`(?m)^# want (\S+) total (\S+)$`)

// TestPricers prices every fixture under testdata/pricers (one folder per
// pricer: template.yaml, optional usage.yml) in the regions its "# want
// <region> total <usd>" comments name, checks the total against the
// hand-computed one (the arithmetic is in the comments), and snapshots the
// JSON report per region.
func TestPricers(t *testing.T) {
	dirs, err := filepath.Glob("testdata/pricers/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			tmpl := filepath.Join(dir, "template.yaml")
			src, err := os.ReadFile(tmpl)
			if err != nil {
				t.Fatal(err)
			}
			wants := wantLine.FindAllStringSubmatch(string(src), -1)
			if len(wants) < 2 {
				t.Fatalf("%s: want totals for at least two regions, got %d", tmpl, len(wants))
			}
			g := importTemplate(t, tmpl)
			usage := loadUsage(t, filepath.Join(dir, "usage.yml"))
			for _, w := range wants {
				region, want := w[1], decimal.RequireFromString(w[2])
				rep := estimate(t, []*ir.Graph{g}, Options{Region: region, Usage: usage})
				if !rep.Total.Equal(want) {
					t.Errorf("%s in %s: total %s, want %s", tmpl, region, rep.Total, want)
				}
				if len(rep.Unsupported) > 0 {
					t.Errorf("%s: unsupported resources: %v", tmpl, rep.Unsupported)
				}
				validateJSON(t, jsonOf(t, rep))
				golden.Assert(t, filepath.Join(dir, region+".json"), jsonOf(t, rep))
			}
		})
	}
}

// TestEveryPricerHasFixture checks that each pricer's type appears in a
// fixture template.
func TestEveryPricerHasFixture(t *testing.T) {
	var all strings.Builder
	paths, _ := filepath.Glob("testdata/pricers/*/template.yaml")
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		all.Write(b)
	}
	for _, p := range pricers {
		if p.Type == dataTransferType {
			if _, err := os.Stat("testdata/pricers/data_transfer/usage.yml"); err != nil {
				t.Errorf("no data transfer fixture")
			}
			continue
		}
		if !strings.Contains(all.String(), "Type: "+p.Type+"\n") {
			t.Errorf("pricer %s has no fixture under testdata/pricers", p.Type)
		}
	}
}

func TestRegistries(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range pricers {
		if seen[p.Type] {
			t.Errorf("pricer %s listed twice", p.Type)
		}
		seen[p.Type] = true
		if p.Price == nil {
			t.Errorf("pricer %s has no Price", p.Type)
		}
		if isFree(p.Type) {
			t.Errorf("%s is both priced and free", p.Type)
		}
		for _, k := range p.Usage {
			if k.Desc == "" {
				t.Errorf("%s usage key %s is not described", p.Type, k.Key)
			}
		}
	}
	if !sort.StringsAreSorted(freeTypes) {
		t.Error("freeTypes is not sorted")
	}
	ids := map[string]bool{}
	for _, h := range hints {
		if ids[h.ID] || h.ID == "" {
			t.Errorf("hint id %q empty or duplicated", h.ID)
		}
		ids[h.ID] = true
	}
}
