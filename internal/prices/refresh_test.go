package prices

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoist-dev/hoist/internal/golden"
)

const bulkRoot = "testdata/bulk"

// bulkServer serves testdata/bulk like the Price List Bulk API, with
// per-path overrides for failures. It records the paths requested.
type bulkServer struct {
	*httptest.Server
	mu        sync.Mutex
	requested []string
	override  map[string]http.HandlerFunc
}

func newBulkServer(t *testing.T, override map[string]http.HandlerFunc) *bulkServer {
	t.Helper()
	s := &bulkServer{override: override}
	files := http.FileServer(http.Dir(bulkRoot))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requested = append(s.requested, r.URL.Path)
		s.mu.Unlock()
		if h, ok := s.override[r.URL.Path]; ok {
			h(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

var fixedNow = func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

func refreshFixture(ctx context.Context, s *bulkServer, regions ...string) (*Catalog, []string, error) {
	var progress []string
	c, err := Refresh(ctx, RefreshOptions{
		BaseURL:    s.URL,
		Regions:    regions,
		HTTPClient: s.Client(),
		Now:        fixedNow,
		Progress:   func(msg string) { progress = append(progress, msg) },
	})
	return c, progress, err
}

func TestRefresh(t *testing.T) {
	s := newBulkServer(t, nil)
	c, progress, err := refreshFixture(context.Background(), s, "us-east-1", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}

	if got, want := c.SnapshotDate(), "2026-11-21"; got != want {
		t.Errorf("SnapshotDate() = %q, want the newest publication date %q", got, want)
	}
	if got, want := c.RefreshedAt(), "2026-11-26T12:00:00Z"; got != want {
		t.Errorf("RefreshedAt() = %q, want %q", got, want)
	}

	for _, tc := range []struct {
		service, item, variant, region string
		usd, origin, file              string
	}{
		{"fargate", "vcpu_hour", "linux-x86", "us-east-1", "0.04048", OriginPriceList, "AmazonECS/20261120181502/us-east-1"},
		{"fargate", "gb_hour", "linux-arm", "us-east-1", "0.00356", OriginPriceList, "AmazonECS/20261120181502/us-east-1"},
		{"alb", "hour", "", "us-east-1", "0.0225", OriginPriceList, "AWSELB/20261118090000/us-east-1"},
		{"alb", "hour", "", "eu-west-1", "0.0252", OriginPriceList, "AWSELB/20261118090000/eu-west-1"},
		{"nlb", "nlcu_hour", "", "us-east-1", "0.006", OriginPriceList, "AWSELB/20261118090000/us-east-1"},
		{"ec2", "instance_hour", "linux:t3.micro", "us-east-1", "0.0104", OriginPriceList, "AmazonEC2/20261121003512/us-east-1"},
		{"ec2", "instance_hour", "linux:t3.small", "eu-west-1", "0.0228", OriginPriceList, "AmazonEC2/20261121003512/eu-west-1"},
		{"ebs", "gp3_extra_throughput_month", "", "us-east-1", "0.04", OriginPriceList, "AmazonEC2/20261121003512/us-east-1"},
		{"rds", "instance_hour", "postgres:db.t4g.micro:multi-az", "us-east-1", "0.032", OriginPriceList, "AmazonRDS/20261119120000/us-east-1"},
		{"aurora", "io_per_million", "standard", "us-east-1", "0.2", OriginPriceList, "AmazonRDS/20261119120000/us-east-1"},
		{"lambda", "requests_per_million", "", "eu-west-1", "0.2", OriginPriceList, "AWSLambda/20261117100000/eu-west-1"},
		{"dynamodb", "provisioned_wcu_hour", "standard-table", "us-east-1", "0.00065", OriginPriceList, "AmazonDynamoDB/20261116080000/us-east-1"},
		{"cloudfront", "https_requests_per_10000", "europe", "global", "0.012", OriginPriceList, "AmazonCloudFront/current"},
		// Not in the price list: carried from the snapshot.
		{"ec2", "instance_hour", "linux:m6i.large", "us-west-2", "0.096", OriginCarried, ""},
		{"ecs_express_mode", "surcharge", "", "us-east-1", "0", OriginCarried, ""},
		{"rds", "instance_hour", "mysql:db.t3.micro:single-az", "us-east-1", "0.017", OriginCarried, ""},
	} {
		name := strings.Join([]string{tc.service, tc.item, tc.variant, tc.region}, "/")
		p, ok := c.Lookup(tc.service, tc.item, tc.variant, tc.region)
		if !ok {
			t.Errorf("Lookup(%s): missing after refresh", name)
			continue
		}
		if p.USD.String() != tc.usd || p.Origin != tc.origin {
			t.Errorf("Lookup(%s) = %s origin %q, want %s origin %q", name, p.USD, p.Origin, tc.usd, tc.origin)
		}
		if tc.origin == OriginPriceList {
			wantSource := s.URL + "/offers/v1.0/aws/" + tc.file + "/index.json"
			if p.Source != wantSource || p.Confidence != ConfidencePriceList || p.AsOf == "" {
				t.Errorf("Lookup(%s): source %q confidence %q as_of %q, want %q, %q and a date", name, p.Source, p.Confidence, p.AsOf, wantSource, ConfidencePriceList)
			}
		} else if p.Confidence == ConfidencePriceList {
			t.Errorf("Lookup(%s): carried row has confidence %q", name, p.Confidence)
		}
	}

	// Decoys never become prices.
	if _, ok := c.Lookup("ec2", "instance_hour", "linux:t3.micro", "us-gov-west-1"); !ok {
		t.Error("ec2 linux:t3.micro us-gov-west-1 (snapshot row) lost")
	}
	lam, _ := c.Lookup("lambda", "gb_second", "x86_64", "us-east-1")
	if len(lam.Tiers) != 3 || lam.Tiers[1].From.String() != "6000000000" {
		t.Errorf("lambda gb_second tiers = %+v, want the 3 published tiers", lam.Tiers)
	}

	// Only requested regions' offer files were downloaded.
	for _, path := range s.requested {
		if strings.Contains(path, "/us-gov-west-1/") {
			t.Errorf("downloaded %s: us-gov-west-1 was not requested", path)
		}
	}
	joined := strings.Join(progress, "\n")
	for _, want := range []string{"AmazonS3: not in the offer index", "AmazonRDS: no offer file for eu-west-1", "AmazonECS us-east-1: 5 prices from 9 products"} {
		if !strings.Contains(joined, want) {
			t.Errorf("progress lacks %q:\n%s", want, joined)
		}
	}

	// Every row the price list gave, as a golden file (server address
	// replaced so the file is stable).
	var b strings.Builder
	for _, p := range c.Rows() {
		if p.Origin != OriginPriceList {
			continue
		}
		fmt.Fprintf(&b, "%s %s %q %s = %s per %s (as of %s) %s\n", p.Service, p.Item, p.Variant, p.Region, p.USD, p.Unit, p.AsOf, strings.Replace(p.Source, s.URL, "BASE", 1))
		for _, tr := range p.Tiers {
			to := "up"
			if !tr.To.IsZero() {
				to = "to " + tr.To.String()
			}
			fmt.Fprintf(&b, "    tier from %s %s: %s\n", tr.From, to, tr.USD)
		}
	}
	golden.Assert(t, "testdata/refresh.golden", []byte(b.String()))

	// The refreshed catalog survives its own cache format.
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(out)
	if err != nil {
		t.Fatalf("Parse(Marshal(refreshed)): %v", err)
	}
	if len(again.Rows()) != len(c.Rows()) || again.SnapshotDate() != c.SnapshotDate() {
		t.Error("refreshed catalog changed through Marshal and Parse")
	}
	// Deterministic: a second refresh of the same files gives the same bytes.
	c2, _, err := refreshFixture(context.Background(), s, "eu-west-1", "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := c2.Marshal()
	if string(out) != string(out2) {
		t.Error("two refreshes of the same files gave different catalogs")
	}
}

func TestRefreshErrors(t *testing.T) {
	ecsUS := "/offers/v1.0/aws/AmazonECS/20261120181502/us-east-1/index.json"
	elbIndex := "/offers/v1.0/aws/AWSELB/current/region_index.json"
	for _, tc := range []struct {
		name     string
		override map[string]http.HandlerFunc
		regions  []string
		want     []string // substrings of the error
	}{
		{
			name:     "offer index 404",
			override: map[string]http.HandlerFunc{offerIndexPath: http.NotFound},
			regions:  []string{"us-east-1"},
			want:     []string{"GET ", offerIndexPath, "404 Not Found"},
		},
		{
			name: "offer file 500",
			override: map[string]http.HandlerFunc{ecsUS: func(w http.ResponseWriter, _ *http.Request) {
				http.Error(w, "boom", http.StatusInternalServerError)
			}},
			regions: []string{"us-east-1"},
			want:    []string{ecsUS, "500 Internal Server Error"},
		},
		{
			name: "malformed region index",
			override: map[string]http.HandlerFunc{elbIndex: func(w http.ResponseWriter, _ *http.Request) {
				fmt.Fprint(w, "{\n  \"regions\": {\n    \"us-east-1\": {\"regionCode\": \"us-east-1\",}\n  }\n}\n")
			}},
			regions: []string{"us-east-1"},
			want:    []string{elbIndex + ":3:45: malformed JSON: invalid character '}'"},
		},
		{
			name: "region index of the wrong shape",
			override: map[string]http.HandlerFunc{elbIndex: func(w http.ResponseWriter, _ *http.Request) {
				fmt.Fprint(w, `{"regions": ["us-east-1"]}`)
			}},
			regions: []string{"us-east-1"},
			want:    []string{elbIndex + ":1:13: regions: got a JSON array"},
		},
		{
			name: "malformed offer file",
			override: map[string]http.HandlerFunc{ecsUS: func(w http.ResponseWriter, _ *http.Request) {
				fmt.Fprint(w, `{"offerCode":"AmazonECS","products":{"A":{"sku":"A",}}}`)
			}},
			regions: []string{"us-east-1"},
			want:    []string{ecsUS, "malformed offer file at byte"},
		},
		{
			name: "offer file of another offer",
			override: map[string]http.HandlerFunc{ecsUS: func(w http.ResponseWriter, _ *http.Request) {
				fmt.Fprint(w, `{"offerCode":"AmazonEC2","publicationDate":"2026-11-20T00:00:00Z","products":{}}`)
			}},
			regions: []string{"us-east-1"},
			want:    []string{ecsUS, `offer file is for "AmazonEC2", want "AmazonECS"`},
		},
		{
			name:    "unknown region",
			regions: []string{"us-east-1", "ap-mars-1"},
			want:    []string{`unknown region "ap-mars-1"; the price list's region indexes know: eu-west-1, us-east-1, us-gov-west-1`},
		},
		{
			name:    "not a region",
			regions: []string{"global"},
			want:    []string{`region "global" is not an AWS region`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newBulkServer(t, tc.override)
			_, _, err := refreshFixture(context.Background(), s, tc.regions...)
			if err == nil {
				t.Fatalf("Refresh: no error, want one containing %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Refresh error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

// An unknown region is refused before any offer file is downloaded.
func TestRefreshUnknownRegionDownloadsNoOfferFile(t *testing.T) {
	s := newBulkServer(t, nil)
	if _, _, err := refreshFixture(context.Background(), s, "ap-mars-1"); err == nil {
		t.Fatal("Refresh(ap-mars-1): no error")
	}
	for _, path := range s.requested {
		if strings.HasSuffix(path, "/index.json") && path != offerIndexPath && !strings.Contains(path, "/current/") {
			t.Errorf("downloaded offer file %s before checking regions", path)
		}
	}
}

func TestRefreshCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ecsUS := "/offers/v1.0/aws/AmazonECS/20261120181502/us-east-1/index.json"
	started := make(chan struct{})
	s := newBulkServer(t, map[string]http.HandlerFunc{ecsUS: func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"offerCode":"AmazonECS","products":{`)
		w.(http.Flusher).Flush()
		close(started)
		<-r.Context().Done() // hang until the client gives up
	}})
	go func() {
		<-started
		cancel()
	}()
	done := make(chan error, 1)
	go func() {
		_, _, err := refreshFixture(ctx, s, "us-east-1")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Refresh after cancel: error = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Refresh did not return after its context was cancelled")
	}
}

func TestRefreshBadBaseURL(t *testing.T) {
	_, err := Refresh(context.Background(), RefreshOptions{BaseURL: "ftp://example"})
	if err == nil || !strings.Contains(err.Error(), `price list base URL "ftp://example"`) {
		t.Errorf("Refresh(ftp base) error = %v, want it to name the URL", err)
	}
}
