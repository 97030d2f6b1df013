package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPricesRefreshThenCost refreshes prices from an httptest server that
// serves Price List Bulk API files in the real format (the price catalog's
// own fixtures), then checks that hoist cost uses the cached snapshot.
func TestPricesRefreshThenCost(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("../prices/testdata/bulk")))
	defer srv.Close()
	home := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": filepath.Join(home, "config"), "XDG_CACHE_HOME": filepath.Join(home, "cache"), "NO_COLOR": "1"}
	runEnv := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := Main(args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, func(k string) string { return env[k] })
		return out.String(), errOut.String(), code
	}
	out, stderr, code := runEnv("prices", "refresh", "--endpoint", srv.URL, "--region", "us-east-1", "-o", "json")
	if code != 0 {
		t.Fatalf("refresh: exit %d: %s", code, stderr)
	}
	var got struct {
		Path         string `json:"path"`
		SnapshotDate string `json:"snapshot_date"`
		Prices       int    `json:"prices"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(home, "cache", "hoist", "prices.json")
	data, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache file written: %v", err)
	}
	if got.Path != cache || got.Prices == 0 || got.SnapshotDate == "" {
		t.Errorf("refresh reported %+v", got)
	}
	if !strings.Contains(string(data), srv.URL) {
		t.Error("the cached snapshot does not name the offer files it came from")
	}
	if !strings.Contains(stderr, "offers/v1.0/aws/index.json") {
		t.Errorf("no progress on stderr: %s", stderr)
	}
	// hoist cost now prints the refreshed snapshot's date.
	tmpl := filepath.Join(home, "t.yaml")
	os.WriteFile(tmpl, []byte("Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: subnet-1\n"), 0o644)
	out, stderr, code = runEnv("cost", tmpl, "-o", "json")
	if code != 0 {
		t.Fatalf("cost: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"prices_as_of": "`+got.SnapshotDate+`"`) {
		t.Errorf("cost does not use the refreshed snapshot dated %s:\n%s", got.SnapshotDate, out)
	}
	// An unknown region is refused before any offer file is read.
	_, stderr, code = runEnv("prices", "refresh", "--endpoint", srv.URL, "--region", "mars-1")
	if code == 0 || !strings.Contains(stderr, "mars-1") {
		t.Errorf("unknown region: exit %d, stderr %s", code, stderr)
	}
}
