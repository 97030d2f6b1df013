package prices

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func mappingsOf(code string) []mapping {
	var out []mapping
	for _, m := range mappings {
		if m.offer == code {
			out = append(out, m)
		}
	}
	return out
}

// writeBigOffer writes an EC2-shaped offer file of n products, one in 100
// of them an on-demand Linux instance the catalog wants, every product with
// on-demand and reserved terms, as the real files have.
func writeBigOffer(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `{"formatVersion":"v1.0","disclaimer":"generated for a test","offerCode":"AmazonEC2","version":"20261121003512","publicationDate":"2026-11-21T00:35:12Z","products":{`)
	sku := func(i int) string { return fmt.Sprintf("GEN%08dSKU", i) }
	for i := 0; i < n; i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		os, sw := "Windows", "SQL Std"
		if i%100 == 0 {
			os, sw = "Linux", "NA"
		}
		fmt.Fprintf(bw, `%q:{"sku":%q,"productFamily":"Compute Instance","attributes":{"servicecode":"AmazonEC2","location":"US East (N. Virginia)","locationType":"AWS Region","regionCode":"us-east-1","instanceType":"gen%d.large","currentGeneration":"Yes","instanceFamily":"General purpose","vcpu":"2","physicalProcessor":"Intel Xeon Platinum 8175","clockSpeed":"3.1 GHz","memory":"8 GiB","storage":"EBS only","networkPerformance":"Up to 10 Gigabit","processorArchitecture":"64-bit","tenancy":"Shared","operatingSystem":%q,"licenseModel":"No License required","usagetype":"BoxUsage:gen%d.large","operation":"RunInstances","capacitystatus":"Used","preInstalledSw":%q,"marketoption":"OnDemand"}}`,
			sku(i), sku(i), i, os, i, sw)
	}
	fmt.Fprintf(bw, `},"terms":{"OnDemand":{`)
	for i := 0; i < n; i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		s := sku(i)
		fmt.Fprintf(bw, `%q:{"%s.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":%q,"effectiveDate":"2026-11-01T00:00:00Z","priceDimensions":{"%s.JRTCKXETXF.6YS6EN2CT7":{"rateCode":"%s.JRTCKXETXF.6YS6EN2CT7","description":"$0.%04d per On Demand Linux gen%d.large Instance Hour","beginRange":"0","endRange":"Inf","unit":"Hrs","pricePerUnit":{"USD":"0.%04d000000"},"appliesTo":[]}},"termAttributes":{}}}`,
			s, s, s, s, s, i%10000, i, i%10000)
	}
	fmt.Fprintf(bw, `},"Reserved":{`)
	for i := 0; i < n; i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		s := sku(i)
		fmt.Fprintf(bw, `%q:{"%s.6QCMYABX3D":{"offerTermCode":"6QCMYABX3D","sku":%q,"effectiveDate":"2026-11-01T00:00:00Z","priceDimensions":{"%s.6QCMYABX3D.2TG2D8R56U":{"rateCode":"%s.6QCMYABX3D.2TG2D8R56U","description":"Upfront Fee","unit":"Quantity","pricePerUnit":{"USD":"53"},"appliesTo":[]}},"termAttributes":{"LeaseContractLength":"1yr","OfferingClass":"standard","PurchaseOption":"All Upfront"}}}`,
			s, s, s, s, s)
	}
	fmt.Fprintf(bw, "}}}\n")
	return bw.Flush()
}

func TestStreamOfferFixture(t *testing.T) {
	f, err := os.Open("testdata/bulk/offers/v1.0/aws/AmazonEC2/20261121003512/us-east-1/index.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sel := &selector{region: "us-east-1", mappings: mappingsOf("AmazonEC2")}
	data, err := streamOffer(context.Background(), f, sel.pick)
	if err != nil {
		t.Fatal(err)
	}
	if data.offerCode != "AmazonEC2" || data.publicationDate != "2026-11-21T00:35:12Z" || data.products != 13 {
		t.Errorf("offer %q published %q with %d products, want AmazonEC2, 2026-11-21T00:35:12Z, 13", data.offerCode, data.publicationDate, data.products)
	}
	var got []string
	for _, m := range data.matched {
		usd, _, _, _ := priceOf(m)
		got = append(got, fmt.Sprintf("%s %s %s=%s", m.target.service, m.target.item, m.target.variant, usd))
	}
	want := []string{
		"ec2 instance_hour linux:t3.micro=0.0104",
		"ec2 instance_hour linux:t4g.micro=0.0084",
		"nat_gateway hour =0.045",
		"nat_gateway gb_processed =0.045",
		"ebs storage_gb_month gp3=0.08",
		"ebs storage_gb_month gp2=0.1",
		"ebs gp3_extra_iops_month =0.005",
		"ebs gp3_extra_throughput_month =0.04",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("matched (by SKU):\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStreamOfferErrors(t *testing.T) {
	wantAll := func(*product) (target, bool) { return target{service: "s", item: "i"}, true }
	for _, tc := range []struct{ name, in, want string }{
		{"empty", ``, "malformed offer file at byte 0: unexpected end of file"},
		{"not an object", `[1]`, `malformed offer file at byte 1: offer file: want "{", got "["`},
		{"truncated", `{"offerCode":"AmazonECS","products":{"A":{"sku":"A"`, "malformed offer file at byte"},
		{"bad token", `{"offerCode":"AmazonECS","products":{"A":{"sku":"A"}},"terms":{"OnDemand":{"A":{x}}}}`, "malformed offer file at byte"},
		{"terms first", `{"terms":{"OnDemand":{}},"products":{}}`, "terms come before products"},
		{"products not object", `{"products":[1,2]}`, `products: want "{", got "["`},
		{"product not object", `{"products":{"A":"B"}}`, "product A:"},
		{"attribute not string", `{"products":{"A":{"sku":"A","attributes":{"vcpu":2}}}}`, "product A:"},
		{"offerCode not string", `{"offerCode":5}`, "offerCode:"},
		{"trailing", `{"products":{}} {}`, "data after the offer file's closing brace"},
		{"terms of SKU bad", `{"products":{"A":{"sku":"A"}},"terms":{"OnDemand":{"A":[1]}}}`, "terms of A:"},
	} {
		_, err := streamOffer(context.Background(), strings.NewReader(tc.in), wantAll)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

// The streamer must not hold the file: peak heap stays a small fraction of
// a 50,000-product offer file.
func TestStreamOfferMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large offer file")
	}
	path := filepath.Join(t.TempDir(), "offer.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	const n = 50_000
	if err := writeBigOffer(f, n); err != nil {
		t.Fatal(err)
	}
	size, _ := f.Seek(0, io.SeekEnd)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	baseline := ms.HeapAlloc
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				var s runtime.MemStats
				runtime.ReadMemStats(&s)
				mu.Lock()
				peak = max(peak, s.HeapAlloc)
				mu.Unlock()
			}
		}
	}()
	sel := &selector{region: "us-east-1", mappings: mappingsOf("AmazonEC2")}
	data, err := streamOffer(context.Background(), f, sel.pick)
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if data.products != n || len(data.matched) != n/100 {
		t.Errorf("read %d products, matched %d; want %d and %d", data.products, len(data.matched), n, n/100)
	}
	grew := int64(peak) - int64(baseline)
	t.Logf("offer file %d MB, peak heap growth %d MB", size>>20, grew>>20)
	if grew > size/8 {
		t.Errorf("peak heap grew by %d bytes while streaming a %d-byte offer file; want under 1/8 of the file", grew, size)
	}
}

// cancelAfter cancels a context once n bytes have been read through it.
type cancelAfter struct {
	r      io.Reader
	n      int64
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n -= int64(k)
	if c.n <= 0 {
		c.cancel()
	}
	return k, err
}

func TestStreamOfferCancelled(t *testing.T) {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeBigOffer(pw, 20_000)) }()
	defer pr.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sel := &selector{region: "us-east-1", mappings: mappingsOf("AmazonEC2")}
	_, err := streamOffer(ctx, &cancelAfter{r: pr, n: 1 << 20, cancel: cancel}, sel.pick)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("streamOffer with a context cancelled mid-file: error = %v, want context.Canceled", err)
	}
}
