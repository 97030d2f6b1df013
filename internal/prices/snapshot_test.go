package prices

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
)

// sharedPriceFile is the curated source of snapshot.json, beside the
// repository; gen reads it from the same relative path.
const sharedPriceFile = "../../../shared/data/aws-prices.json"

// The committed snapshot must be exactly what the generator makes from the
// shared price file. CI clones the repository without shared/ in some
// layouts, so the test skips when the file is not there.
func TestSnapshotMatchesSharedFile(t *testing.T) {
	data, err := os.ReadFile(sharedPriceFile)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not here; the embedded snapshot cannot be compared with its source", sharedPriceFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := Normalize(data)
	if err != nil {
		t.Fatalf("%s:%v", sharedPriceFile, err)
	}
	if bytes.Equal(want, snapshotJSON) {
		return
	}
	diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(snapshotJSON)), B: difflib.SplitLines(string(want)),
		FromFile: "snapshot.json (committed)", ToFile: "generated from " + sharedPriceFile, Context: 2,
	})
	t.Errorf("snapshot.json is stale; run `go generate ./internal/prices`:\n%s", diff)
}

// Every row of the embedded snapshot says where its number came from.
func TestSnapshotRowsCiteSources(t *testing.T) {
	confidences := map[string]bool{"confirmed-2": true, "one-source": true, "inferred": true}
	for _, p := range Embedded().Rows() {
		if p.Source == "" {
			t.Errorf("%s %s %s %s: no source", p.Service, p.Item, p.Variant, p.Region)
		}
		if !confidences[p.Confidence] {
			t.Errorf("%s %s %s %s: confidence %q, want confirmed-2, one-source or inferred", p.Service, p.Item, p.Variant, p.Region, p.Confidence)
		}
		if p.Origin != OriginSnapshot {
			t.Errorf("%s %s %s %s: origin %q in the curated snapshot", p.Service, p.Item, p.Variant, p.Region, p.Origin)
		}
	}
}
