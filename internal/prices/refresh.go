package prices

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// DefaultBaseURL is the public, unauthenticated endpoint of AWS's Price List
// Bulk API.
const DefaultBaseURL = "https://pricing.us-east-1.amazonaws.com"

// offerIndexPath is the offer index below the base URL.
const offerIndexPath = "/offers/v1.0/aws/index.json"

// maxIndexBytes bounds the index documents (the offer index and region
// indexes), which are read whole. Offer files are streamed and unbounded.
const maxIndexBytes = 64 << 20

// RefreshOptions configures Refresh. The zero value refreshes every region
// of the embedded snapshot from AWS.
type RefreshOptions struct {
	// BaseURL of the Price List Bulk API; DefaultBaseURL when empty. The
	// index documents' URLs are resolved against it.
	BaseURL string
	// Regions to read, such as "us-east-1"; the Base catalog's regions when
	// empty. Global offers (CloudFront, Route 53) are always read.
	Regions []string
	// HTTPClient makes the requests; http.DefaultClient when nil.
	HTTPClient *http.Client
	// Now stamps the refreshed catalog; time.Now when nil.
	Now func() time.Time
	// Progress, when not nil, is told what Refresh is doing, one line at a
	// time: each download, what it yielded, what was skipped.
	Progress func(msg string)
	// Base is the catalog being refreshed: its (service, item) pairs decide
	// what is read, and its rows for keys the price list does not return
	// are carried into the result. Embedded() when nil.
	Base *Catalog
}

// Refresh reads current on-demand prices from AWS's Price List Bulk API and
// returns a catalog with them: the offer index, then each needed offer's
// region index, then one offer file per offer and region, streamed.
//
// Rows read from the price list have Origin OriginPriceList, Source the
// offer file's URL, AsOf its publication date and Confidence
// ConfidencePriceList. Rows of the base catalog whose key the price list did
// not return are kept with Origin OriginCarried, so nothing is lost;
// allowances, discounts and rules come from the base catalog. The result's
// SnapshotDate is the newest publication date read.
//
// Refresh writes nothing: the caller stores c.Marshal() (atomically) in its
// cache folder as CacheFile, where Load finds it.
func Refresh(ctx context.Context, opts RefreshOptions) (*Catalog, error) {
	r := &refresher{opts: opts}
	if r.opts.BaseURL == "" {
		r.opts.BaseURL = DefaultBaseURL
	}
	if r.opts.HTTPClient == nil {
		r.opts.HTTPClient = http.DefaultClient
	}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	if r.opts.Base == nil {
		r.opts.Base = Embedded()
	}
	base, err := url.Parse(r.opts.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("price list base URL %q: want an http or https URL", r.opts.BaseURL)
	}
	r.base = base
	return r.run(ctx)
}

type refresher struct {
	opts RefreshOptions
	base *url.URL
}

func (r *refresher) progress(format string, args ...any) {
	if r.opts.Progress != nil {
		r.opts.Progress(fmt.Sprintf(format, args...))
	}
}

type offerIndex struct {
	PublicationDate string `json:"publicationDate"`
	Offers          map[string]struct {
		OfferCode             string `json:"offerCode"`
		CurrentVersionURL     string `json:"currentVersionUrl"`
		CurrentRegionIndexURL string `json:"currentRegionIndexUrl"`
	} `json:"offers"`
}

type regionIndex struct {
	Regions map[string]struct {
		RegionCode        string `json:"regionCode"`
		CurrentVersionURL string `json:"currentVersionUrl"`
	} `json:"regions"`
}

// offerPlan is one offer to read and the mappings that read it.
type offerPlan struct {
	code     string
	global   bool
	mappings []mapping
	regions  map[string]string // region -> offer file URL, from the region index
	wholeURL string            // global offers: the whole offer file
}

func (r *refresher) run(ctx context.Context) (*Catalog, error) {
	baseCat := r.opts.Base
	regions, err := r.regions(baseCat)
	if err != nil {
		return nil, err
	}
	plans := plan(baseCat)
	if len(plans) == 0 {
		return nil, errors.New("the base catalog has no item the price list mapping knows; nothing to refresh")
	}

	indexURL := r.resolve(offerIndexPath)
	var index offerIndex
	if err := r.getJSON(ctx, indexURL, &index); err != nil {
		return nil, err
	}

	// Region indexes first: an unknown region fails before any large download.
	known := map[string]bool{}
	var usable []*offerPlan
	for _, p := range plans {
		entry, ok := index.Offers[p.code]
		if !ok {
			r.progress("%s: not in the offer index; its rows are carried from the snapshot", p.code)
			continue
		}
		if p.global {
			if entry.CurrentVersionURL == "" {
				return nil, fmt.Errorf("%s: offer %s has no currentVersionUrl", indexURL, p.code)
			}
			p.wholeURL = r.resolve(entry.CurrentVersionURL)
			usable = append(usable, p)
			continue
		}
		if entry.CurrentRegionIndexURL == "" {
			return nil, fmt.Errorf("%s: offer %s has no currentRegionIndexUrl", indexURL, p.code)
		}
		riURL := r.resolve(entry.CurrentRegionIndexURL)
		var ri regionIndex
		if err := r.getJSON(ctx, riURL, &ri); err != nil {
			return nil, err
		}
		p.regions = map[string]string{}
		for code, reg := range ri.Regions {
			known[code] = true
			if reg.CurrentVersionURL != "" {
				p.regions[code] = r.resolve(reg.CurrentVersionURL)
			}
		}
		usable = append(usable, p)
	}
	var unknown []string
	for _, reg := range regions {
		if !known[reg] {
			unknown = append(unknown, reg)
		}
	}
	if len(unknown) > 0 {
		names := sortedKeys(known)
		list := strings.Join(names, ", ")
		if list == "" {
			list = "none"
		}
		return nil, fmt.Errorf("unknown region %s; the price list's region indexes know: %s", quoteAll(unknown), list)
	}

	fresh := map[priceKey]Price{}
	newest := ""
	files := 0
	for _, p := range usable {
		if p.global {
			date, err := r.readOffer(ctx, p, GlobalRegion, p.wholeURL, fresh)
			if err != nil {
				return nil, err
			}
			newest, files = max(newest, date), files+1
			continue
		}
		for _, reg := range regions {
			u, ok := p.regions[reg]
			if !ok {
				r.progress("%s: no offer file for %s; its rows are carried from the snapshot", p.code, reg)
				continue
			}
			date, err := r.readOffer(ctx, p, reg, u, fresh)
			if err != nil {
				return nil, err
			}
			newest, files = max(newest, date), files+1
		}
	}
	if files == 0 {
		return nil, fmt.Errorf("%s: the offer index lists none of the offers Hoist reads", indexURL)
	}
	if newest == "" {
		return nil, errors.New("no offer file read had a publication date")
	}
	return r.merge(baseCat, fresh, newest, files)
}

// regions returns the regions to read, sorted and checked.
func (r *refresher) regions(base *Catalog) ([]string, error) {
	regions := slices.Clone(r.opts.Regions)
	if len(regions) == 0 {
		regions = base.Regions()
	}
	for _, reg := range regions {
		if reg == GlobalRegion {
			return nil, fmt.Errorf("region %q is not an AWS region; global offers are always read", reg)
		}
		if !regionPattern.MatchString(reg) {
			return nil, fmt.Errorf("region %q is not a region code", reg)
		}
	}
	slices.Sort(regions)
	return slices.Compact(regions), nil
}

// plan groups the mappings the base catalog needs by offer, in registry
// order.
func plan(base *Catalog) []*offerPlan {
	need := map[[2]string]bool{}
	for _, p := range base.prices {
		need[[2]string{p.Service, p.Item}] = true
	}
	var plans []*offerPlan
	byCode := map[string]*offerPlan{}
	for _, m := range mappings {
		if !need[[2]string{m.service, m.item}] {
			continue
		}
		p, ok := byCode[m.offer]
		if !ok {
			p = &offerPlan{code: m.offer, global: m.global}
			byCode[m.offer] = p
			plans = append(plans, p)
		}
		p.mappings = append(p.mappings, m)
	}
	return plans
}

// readOffer streams one offer file into fresh and returns its publication
// date.
func (r *refresher) readOffer(ctx context.Context, p *offerPlan, region, fileURL string, fresh map[priceKey]Price) (string, error) {
	r.progress("reading %s %s: %s", p.code, region, fileURL)
	body, err := r.get(ctx, fileURL)
	if err != nil {
		return "", err
	}
	defer body.Close()
	sel := &selector{region: region, mappings: p.mappings}
	data, err := streamOffer(ctx, body, sel.pick)
	if err != nil {
		return "", fmt.Errorf("GET %s: %w", fileURL, err)
	}
	if data.offerCode != "" && data.offerCode != p.code {
		return "", fmt.Errorf("GET %s: offer file is for %q, want %q", fileURL, data.offerCode, p.code)
	}
	date := publicationDay(data.publicationDate)
	if date == "" {
		return "", fmt.Errorf("GET %s: publicationDate %q is not a date", fileURL, data.publicationDate)
	}
	rows := 0
	chosenSKU := map[priceKey]string{}
	for _, m := range data.matched {
		usd, tiers, note, ok := priceOf(m)
		if !ok {
			r.progress("%s %s: SKU %s has no USD on-demand price; skipped", p.code, region, m.sku)
			continue
		}
		k := priceKey{m.target.service, m.target.item, m.target.variant, region}
		if prev, dup := fresh[k]; dup {
			if !prev.USD.Equal(usd) {
				r.progress("%s %s: SKUs %s and %s both price %s %s %s (%s, %s); kept %s",
					p.code, region, chosenSKU[k], m.sku, k.service, k.item, quoteVariant(k.variant), prev.USD, usd, chosenSKU[k])
			}
			continue
		}
		chosenSKU[k] = m.sku
		fresh[k] = Price{
			Service: k.service, Item: k.item, Variant: k.variant, Region: region,
			USD: usd, Unit: m.target.unit, Source: fileURL, AsOf: date,
			Confidence: ConfidencePriceList, Note: note, Origin: OriginPriceList, Tiers: tiers,
		}
		rows++
	}
	r.progress("%s %s: %d prices from %d products (published %s)", p.code, region, rows, data.products, data.publicationDate)
	return date, nil
}

// merge builds the refreshed catalog: fresh rows, plus base rows for the
// keys the price list did not return.
func (r *refresher) merge(base *Catalog, fresh map[priceKey]Price, newest string, files int) (*Catalog, error) {
	c := &Catalog{
		snapshotDate:  newest,
		currency:      base.currency,
		hoursPerMonth: base.hoursPerMonth,
		refreshedAt:   r.opts.Now().UTC().Format(time.RFC3339),
		allowances:    slices.Clone(base.allowances),
		discounts:     slices.Clone(base.discounts),
		rules:         slices.Clone(base.rules),
	}
	for _, p := range fresh {
		c.prices = append(c.prices, p)
	}
	carried := 0
	for _, p := range base.prices {
		if _, ok := fresh[priceKey{p.Service, p.Item, p.Variant, p.Region}]; ok {
			continue
		}
		p = clonePrice(p)
		p.Origin = OriginCarried
		c.prices = append(c.prices, p)
		carried++
	}
	c.notes = fmt.Sprintf("On-demand list prices read from the AWS Price List Bulk API at %s (%d offer files, newest published %s). "+
		"Rows with origin %q come from the catalog of %s because the price list returned nothing for their key; "+
		"allowances, discounts and rules come from that catalog too.",
		r.opts.BaseURL, files, newest, OriginCarried, base.snapshotDate)
	if err := newCatalog(c); err != nil {
		return nil, err
	}
	r.progress("refreshed: %d prices from the price list, %d carried from the snapshot of %s", len(fresh), carried, base.snapshotDate)
	return c, nil
}

// publicationDay returns the YYYY-MM-DD of an offer's publicationDate
// ("2026-11-20T18:04:32Z"), or "".
func publicationDay(s string) string {
	if len(s) < 10 {
		return ""
	}
	day := s[:10]
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return ""
	}
	return day
}

func (r *refresher) resolve(ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return strings.TrimSuffix(r.base.String(), "/") + "/" + strings.TrimPrefix(ref, "/")
	}
	return r.base.ResolveReference(u).String()
}

// get performs one GET and returns the body of a 200 response.
func (r *refresher) get(ctx context.Context, u string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	resp, err := r.opts.HTTPClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("GET %s: %w", u, ctxErr)
		}
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return resp.Body, nil
}

// getJSON reads a small JSON document (an index) whole; errors name the URL
// and the line and column.
func (r *refresher) getJSON(ctx context.Context, u string, v any) error {
	r.progress("reading %s", u)
	body, err := r.get(ctx, u)
	if err != nil {
		return err
	}
	defer body.Close()
	data, err := io.ReadAll(io.LimitReader(body, maxIndexBytes+1))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("GET %s: %w", u, ctxErr)
		}
		return fmt.Errorf("GET %s: %w", u, err)
	}
	if len(data) > maxIndexBytes {
		return fmt.Errorf("GET %s: index larger than %d MiB", u, maxIndexBytes>>20)
	}
	if err := json.Unmarshal(data, v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fmt.Errorf("GET %s:%s: malformed JSON: %s", u, lineCol(data, max(se.Offset-1, 0)), strings.TrimPrefix(se.Error(), "json: "))
		case errors.As(err, &te):
			return fmt.Errorf("GET %s:%s: %s: got a JSON %s, want %s", u, lineCol(data, typeErrorAt(data, 0, te)), te.Field, te.Value, jsonKind(te.Type.String()))
		}
		return fmt.Errorf("GET %s: %w", u, err)
	}
	return nil
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
