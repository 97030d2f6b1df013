package prices

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// An offer file of the Price List Bulk API, as far as Hoist reads it:
//
//	{"formatVersion": "v1.0", "offerCode": "AmazonECS", "version": "...",
//	 "publicationDate": "2026-11-20T18:04:32Z",
//	 "products": {SKU: {"sku", "productFamily", "attributes": {name: value}}},
//	 "terms": {"OnDemand": {SKU: {offerTermCode: {"priceDimensions":
//	     {rateCode: {"unit", "description", "beginRange", "endRange",
//	                 "pricePerUnit": {"USD": "0.0404800000"}}}}}},
//	           "Reserved": {...}}}
//
// Files reach hundreds of megabytes, so they are read token by token: each
// product is decoded alone and dropped unless a mapping wants it, and only
// the on-demand terms of wanted SKUs are decoded. Memory stays proportional
// to the wanted products, not to the file.

// offerData is what streamOffer keeps of one offer file.
type offerData struct {
	offerCode, version, publicationDate string
	products                            int // products read
	matched                             []matchedSKU
}

// matchedSKU is one wanted product and its on-demand price dimensions.
type matchedSKU struct {
	sku    string
	target target
	dims   []dimension
}

type dimension struct {
	Unit         string            `json:"unit"`
	Description  string            `json:"description"`
	BeginRange   string            `json:"beginRange"`
	EndRange     string            `json:"endRange"`
	PricePerUnit map[string]string `json:"pricePerUnit"`
}

type offerTerm struct {
	PriceDimensions map[string]dimension `json:"priceDimensions"`
}

// streamError is a malformed offer file, at a byte offset.
type streamError struct {
	offset int64
	msg    string
}

func (e *streamError) Error() string {
	return fmt.Sprintf("malformed offer file at byte %d: %s", e.offset, e.msg)
}

type offerStreamer struct {
	ctx  context.Context
	dec  *json.Decoder
	pick func(*product) (target, bool)
	n    int // values read, for cancellation checks
}

// streamOffer reads one offer file from r, keeping the products pick wants
// and their on-demand prices.
func streamOffer(ctx context.Context, r io.Reader, pick func(*product) (target, bool)) (*offerData, error) {
	s := &offerStreamer{ctx: ctx, dec: json.NewDecoder(r), pick: pick}
	out, err := s.run()
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, err
	}
	return out, nil
}

func (s *offerStreamer) fail(err error) error {
	var se *streamError
	if errors.As(err, &se) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of file"
	}
	return &streamError{offset: s.dec.InputOffset(), msg: msg}
}

func (s *offerStreamer) failf(format string, args ...any) error {
	return &streamError{offset: s.dec.InputOffset(), msg: fmt.Sprintf(format, args...)}
}

// tick checks for cancellation every few thousand values.
func (s *offerStreamer) tick() error {
	s.n++
	if s.n%4096 == 0 {
		return s.ctx.Err()
	}
	return nil
}

func (s *offerStreamer) open(want json.Delim, what string) error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return s.failf("%s: want %q, got %v", what, string(want), describe(tok))
	}
	return nil
}

func (s *offerStreamer) key() (string, error) {
	tok, err := s.dec.Token()
	if err != nil {
		return "", s.fail(err)
	}
	k, ok := tok.(string)
	if !ok {
		return "", s.failf("want an object key, got %v", describe(tok))
	}
	return k, nil
}

func (s *offerStreamer) close() error {
	if _, err := s.dec.Token(); err != nil {
		return s.fail(err)
	}
	return nil
}

func (s *offerStreamer) run() (*offerData, error) {
	out := &offerData{}
	wanted := map[string]target{}
	productsDone := false
	if err := s.open('{', "offer file"); err != nil {
		return nil, err
	}
	for s.dec.More() {
		k, err := s.key()
		if err != nil {
			return nil, err
		}
		switch k {
		case "offerCode", "version", "publicationDate", "formatVersion", "disclaimer":
			var v string
			if err := s.dec.Decode(&v); err != nil {
				return nil, s.fail(fmt.Errorf("%s: %w", k, err))
			}
			switch k {
			case "offerCode":
				out.offerCode = v
			case "version":
				out.version = v
			case "publicationDate":
				out.publicationDate = v
			}
		case "products":
			if err := s.products(out, wanted); err != nil {
				return nil, err
			}
			productsDone = true
		case "terms":
			if !productsDone {
				return nil, s.failf("terms come before products; Hoist reads offer files in one pass and needs the products first")
			}
			if err := s.terms(out, wanted); err != nil {
				return nil, err
			}
		default:
			if err := s.skip(); err != nil {
				return nil, err
			}
		}
	}
	if err := s.close(); err != nil {
		return nil, err
	}
	if _, err := s.dec.Token(); err != io.EOF {
		return nil, s.failf("data after the offer file's closing brace")
	}
	slices.SortFunc(out.matched, func(a, b matchedSKU) int { return strings.Compare(a.sku, b.sku) })
	return out, nil
}

func (s *offerStreamer) products(out *offerData, wanted map[string]target) error {
	if err := s.open('{', "products"); err != nil {
		return err
	}
	for s.dec.More() {
		sku, err := s.key()
		if err != nil {
			return err
		}
		var p product
		if err := s.dec.Decode(&p); err != nil {
			return s.fail(fmt.Errorf("product %s: %w", sku, err))
		}
		out.products++
		if t, ok := s.pick(&p); ok {
			wanted[sku] = t
		}
		if err := s.tick(); err != nil {
			return err
		}
	}
	return s.close()
}

func (s *offerStreamer) terms(out *offerData, wanted map[string]target) error {
	if err := s.open('{', "terms"); err != nil {
		return err
	}
	for s.dec.More() {
		termType, err := s.key()
		if err != nil {
			return err
		}
		if termType != "OnDemand" {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		if err := s.open('{', "terms.OnDemand"); err != nil {
			return err
		}
		for s.dec.More() {
			sku, err := s.key()
			if err != nil {
				return err
			}
			t, ok := wanted[sku]
			if !ok {
				if err := s.skipSmall(); err != nil {
					return err
				}
				continue
			}
			var byTerm map[string]offerTerm
			if err := s.dec.Decode(&byTerm); err != nil {
				return s.fail(fmt.Errorf("terms of %s: %w", sku, err))
			}
			m := matchedSKU{sku: sku, target: t}
			for _, code := range sortedKeys(byTerm) {
				term := byTerm[code]
				for _, rate := range sortedKeys(term.PriceDimensions) {
					m.dims = append(m.dims, term.PriceDimensions[rate])
				}
			}
			out.matched = append(out.matched, m)
			delete(wanted, sku) // a SKU listed twice keeps its first terms
		}
		if err := s.close(); err != nil {
			return err
		}
	}
	return s.close()
}

// skipSmall skips one value known to be small (one SKU's terms).
func (s *offerStreamer) skipSmall() error {
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err != nil {
		return s.fail(err)
	}
	return s.tick()
}

// skip skips a value that may be huge (the Reserved terms of every SKU):
// it walks the value's top level and skips each member whole.
func (s *offerStreamer) skip() error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.fail(err)
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil // a scalar, already read
	}
	if d != '{' && d != '[' {
		return s.failf("unexpected %q", string(d))
	}
	for s.dec.More() {
		if d == '{' {
			if _, err := s.key(); err != nil {
				return err
			}
		}
		if err := s.skipSmall(); err != nil {
			return err
		}
	}
	return s.close()
}

func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(t))
	case string:
		return fmt.Sprintf("string %q", t)
	case nil:
		return "null"
	default:
		return fmt.Sprintf("%v", t)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// priceOf turns one SKU's dimensions into the catalog's price and tiers:
// AWS's USD per its unit, times the mapping's scale, in ascending tiers. The
// price is the first tier that is not free (free tiers are allowances).
func priceOf(m matchedSKU) (usd decimal.Decimal, tiers []Tier, note string, ok bool) {
	type dim struct {
		from, to, usd decimal.Decimal
		desc          string
	}
	var dims []dim
	for _, d := range m.dims {
		raw, has := d.PricePerUnit["USD"]
		if !has {
			continue
		}
		v, err := number(jnum(raw))
		if err != nil || v.IsNegative() {
			continue
		}
		from := decimal.Zero
		if d.BeginRange != "" {
			if from, err = number(jnum(d.BeginRange)); err != nil || from.IsNegative() {
				continue
			}
		}
		var to decimal.Decimal
		if d.EndRange != "" && d.EndRange != "Inf" {
			if to, err = number(jnum(d.EndRange)); err != nil {
				continue
			}
		}
		f := unitFactor(d.Unit, m.target.unit)
		dims = append(dims, dim{from: from, to: to, usd: v.Mul(m.target.scale).Mul(f), desc: d.Description})
	}
	if len(dims) == 0 {
		return decimal.Decimal{}, nil, "", false
	}
	slices.SortStableFunc(dims, func(a, b dim) int { return a.from.Cmp(b.from) })
	chosen := dims[0]
	for _, d := range dims {
		if d.usd.IsPositive() {
			chosen = d
			break
		}
	}
	if len(dims) > 1 {
		scale := m.target.scale
		for i, d := range dims {
			if i > 0 && d.from.Equal(dims[i-1].from) {
				continue // two dimensions for one range: keep the first
			}
			t := Tier{From: d.from.Div(scale), USD: d.usd}
			if !d.to.IsZero() {
				t.To = d.to.Div(scale)
			}
			tiers = append(tiers, t)
		}
		if len(tiers) < 2 {
			tiers = nil
		}
	}
	return chosen.usd, tiers, chosen.desc, true
}

// unitFactor converts AWS units the catalog states differently: EBS gp3
// throughput is published per GiBps-month and catalogued per MBps-month.
func unitFactor(awsUnit, catalogUnit string) decimal.Decimal {
	if strings.Contains(strings.ToLower(awsUnit), "gibps") && catalogUnit == "MBps-month" {
		return decimal.NewFromInt(1).Div(decimal.NewFromInt(1024))
	}
	return decimal.NewFromInt(1)
}
