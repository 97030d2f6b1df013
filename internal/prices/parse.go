package prices

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// jnum is a JSON number kept as its literal, so that no amount ever passes
// through a float. Unlike jnum it refuses quoted numbers.
type jnum string

func (n *jnum) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')) {
		*n = jnum(b)
		return nil
	}
	kind := "value"
	switch {
	case len(b) > 0 && b[0] == '"':
		kind = "string"
	case len(b) > 0 && b[0] == '{':
		kind = "object"
	case len(b) > 0 && b[0] == '[':
		kind = "array"
	case string(b) == "true" || string(b) == "false":
		kind = "bool"
	case string(b) == "null":
		kind = "null"
	}
	return &json.UnmarshalTypeError{Value: kind, Type: reflect.TypeFor[jnum]()}
}

func (n jnum) MarshalJSON() ([]byte, error) { return []byte(n), nil }

// The catalog file, field for field. Numbers are jnum so that no
// amount ever passes through a float.
type fileJSON struct {
	SnapshotDate  string          `json:"snapshot_date"`
	Currency      string          `json:"currency"`
	HoursPerMonth jnum            `json:"hours_per_month"`
	RefreshedAt   string          `json:"refreshed_at,omitempty"`
	Notes         string          `json:"notes"`
	Prices        []priceJSON     `json:"prices"`
	Allowances    []allowanceJSON `json:"allowances"`
	Discounts     []discountJSON  `json:"discounts"`
	Rules         []ruleJSON      `json:"rules"`
}

type priceJSON struct {
	Service    string     `json:"service"`
	Item       string     `json:"item"`
	Variant    string     `json:"variant"`
	Region     string     `json:"region"`
	USD        *jnum      `json:"usd"`
	Unit       string     `json:"unit"`
	Source     string     `json:"source"`
	AsOf       string     `json:"as_of"`
	Confidence string     `json:"confidence"`
	Note       string     `json:"note"`
	Origin     string     `json:"origin,omitempty"`
	Tiers      []tierJSON `json:"tiers,omitempty"`
}

type tierJSON struct {
	From *jnum `json:"from"`
	To   *jnum `json:"to,omitempty"`
	USD  *jnum `json:"usd"`
}

type allowanceJSON struct {
	Service    string `json:"service"`
	Item       string `json:"item"`
	Region     string `json:"region"`
	Quantity   *jnum  `json:"quantity"`
	Unit       string `json:"unit"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	Note       string `json:"note"`
}

type discountJSON struct {
	Service     string `json:"service"`
	Item        string `json:"item"`
	Term        string `json:"term"`
	FractionOff *jnum  `json:"fraction_off"`
	Source      string `json:"source"`
	Confidence  string `json:"confidence"`
	Note        string `json:"note"`
}

type ruleJSON struct {
	Service    string `json:"service"`
	Rule       string `json:"rule"`
	Value      *jnum  `json:"value"`
	Note       string `json:"note"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
}

var (
	regionPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*[a-z0-9]$`)
	datePattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	asOfPattern   = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?)?$`)
)

// Parse reads a catalog in the snapshot's JSON shape (the embedded snapshot,
// the curated shared file it is generated from, or a cache written by
// Marshal). Errors name the line and column of the offending value. Unknown
// fields are errors, so a typo never silently drops a price.
func Parse(data []byte) (*Catalog, error) {
	// One validating pass first: syntax errors then carry absolute offsets.
	var probe struct{}
	if err := json.Unmarshal(data, &probe); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offset counts the offending byte; point at it.
			return nil, posErrorf(data, max(se.Offset-1, 0), "%s", strings.TrimPrefix(se.Error(), "json: "))
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, posErrorf(data, 0, "the catalog must be a JSON object, not %s", te.Value)
		}
		return nil, posErrorf(data, 0, "%v", err)
	}
	p := &parser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	c, err := p.parse()
	if err != nil {
		return nil, err
	}
	return c, nil
}

type parser struct {
	data []byte
	dec  *json.Decoder
}

// start is the offset of the next value: the decoder's offset past any
// whitespace, commas and colons.
func (p *parser) start() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *parser) parse() (*Catalog, error) {
	if _, err := p.dec.Token(); err != nil { // '{', checked by Parse
		return nil, posErrorf(p.data, 0, "%v", err)
	}
	var f fileJSON
	seen := map[string]int64{}
	pos := positions{values: map[string]int64{}}
	for p.dec.More() {
		keyAt := p.start()
		tok, err := p.dec.Token()
		if err != nil {
			return nil, posErrorf(p.data, keyAt, "%v", err)
		}
		key, _ := tok.(string)
		if first, dup := seen[key]; dup {
			return nil, posErrorf(p.data, keyAt, "field %q repeated (first at %s)", key, lineCol(p.data, first))
		}
		seen[key] = keyAt
		valueAt := p.start()
		pos.values[key] = valueAt
		switch key {
		case "snapshot_date":
			err = p.decode(valueAt, &f.SnapshotDate)
		case "currency":
			err = p.decode(valueAt, &f.Currency)
		case "hours_per_month":
			err = p.decode(valueAt, &f.HoursPerMonth)
		case "refreshed_at":
			err = p.decode(valueAt, &f.RefreshedAt)
		case "notes":
			err = p.decode(valueAt, &f.Notes)
		case "prices":
			pos.prices, err = decodeArray(p, key, &f.Prices)
		case "allowances":
			pos.allowances, err = decodeArray(p, key, &f.Allowances)
		case "discounts":
			pos.discounts, err = decodeArray(p, key, &f.Discounts)
		case "rules":
			pos.rules, err = decodeArray(p, key, &f.Rules)
		default:
			return nil, posErrorf(p.data, keyAt, "unknown field %q", key)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, required := range []string{"snapshot_date", "currency", "hours_per_month", "prices"} {
		if _, ok := seen[required]; !ok {
			return nil, posErrorf(p.data, 0, "missing field %q", required)
		}
	}
	return fromFile(p.data, &f, pos)
}

// decode reads the next value into v, naming the position of a type error.
func (p *parser) decode(at int64, v any) error {
	var raw json.RawMessage
	if err := p.dec.Decode(&raw); err != nil {
		return posErrorf(p.data, at, "%v", err)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			what, where := "value", at
			if te.Field != "" {
				what, where = te.Field, typeErrorAt(p.data, at, te)
			}
			return posErrorf(p.data, where, "%s: got a JSON %s, want %s", what, te.Value, jsonKind(te.Type.String()))
		}
		return posErrorf(p.data, at, "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// decodeArray reads a JSON array element by element, recording where each
// element starts.
func decodeArray[T any](p *parser, name string, out *[]T) ([]int64, error) {
	at := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, posErrorf(p.data, at, "%v", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, posErrorf(p.data, at, "%s: want an array", name)
	}
	var pos []int64
	items := []T{}
	for p.dec.More() {
		elemAt := p.start()
		var v T
		if err := p.decode(elemAt, &v); err != nil {
			return nil, fmt.Errorf("%w (in %s[%d])", err, name, len(items))
		}
		items = append(items, v)
		pos = append(pos, elemAt)
	}
	if _, err := p.dec.Token(); err != nil { // ']'
		return nil, posErrorf(p.data, p.start(), "%v", err)
	}
	*out = items
	return pos, nil
}

// typeErrorAt returns where the value of a type error starts: its Offset
// points just past an opening bracket, or past the end of a scalar.
func typeErrorAt(data []byte, base int64, te *json.UnmarshalTypeError) int64 {
	end := base + te.Offset
	if (te.Value == "array" || te.Value == "object") && end > base {
		return end - 1
	}
	return tokenStart(data, base, end)
}

// tokenStart finds the start of the scalar that ends at end (a type error's
// offset points past the offending value), not going before lo.
func tokenStart(data []byte, lo, end int64) int64 {
	if end > int64(len(data)) {
		end = int64(len(data))
	}
	i := end
	if i > lo && data[i-1] == '"' { // a string: back to its opening quote
		for i--; i > lo; i-- {
			if data[i-1] == '"' && (i < 2 || data[i-2] != '\\') {
				return i - 1
			}
		}
		return lo
	}
	for i > lo && !bytes.ContainsRune([]byte(",:{[ \t\r\n"), rune(data[i-1])) {
		i--
	}
	return i
}

func jsonKind(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case strings.Contains(goType, "jnum"):
		return "a number"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "map["):
		return "an object"
	case strings.HasPrefix(goType, "prices.") || strings.HasPrefix(goType, "struct"):
		return "an object"
	}
	return goType
}

// positions remembers where each element was, for validation errors.
type positions struct {
	values                               map[string]int64 // top-level field -> its value
	prices, allowances, discounts, rules []int64
}

func at(pos []int64, i int) int64 {
	if i < len(pos) {
		return pos[i]
	}
	return 0
}

// fromFile validates the decoded file and builds the catalog.
func fromFile(data []byte, f *fileJSON, pos positions) (*Catalog, error) {
	field := func(name string) int64 { return pos.values[name] }
	if !datePattern.MatchString(f.SnapshotDate) {
		return nil, posErrorf(data, field("snapshot_date"), "snapshot_date: got %q, want a date YYYY-MM-DD", f.SnapshotDate)
	}
	if _, err := time.Parse(time.DateOnly, f.SnapshotDate); err != nil {
		return nil, posErrorf(data, field("snapshot_date"), "snapshot_date: %q is not a calendar date", f.SnapshotDate)
	}
	if f.Currency != "USD" {
		return nil, posErrorf(data, field("currency"), "currency: got %q, want \"USD\" (the catalog holds US dollar list prices only)", f.Currency)
	}
	hours, err := number(f.HoursPerMonth)
	if err != nil {
		return nil, posErrorf(data, field("hours_per_month"), "hours_per_month: %v", err)
	}
	if !hours.IsPositive() || hours.GreaterThan(decimal.NewFromInt(744)) {
		return nil, posErrorf(data, field("hours_per_month"), "hours_per_month: got %s, want more than 0 and at most 744", hours)
	}
	c := &Catalog{
		snapshotDate:  f.SnapshotDate,
		currency:      f.Currency,
		hoursPerMonth: hours,
		notes:         f.Notes,
		refreshedAt:   f.RefreshedAt,
	}

	firstAt := map[priceKey]int64{}
	for i, r := range f.Prices {
		where := at(pos.prices, i)
		bad := func(format string, args ...any) error {
			return posErrorf(data, where, "prices[%d]: "+format, append([]any{i}, args...)...)
		}
		if r.Service == "" || r.Item == "" || r.Region == "" {
			return nil, bad("service, item and region are required")
		}
		if !regionPattern.MatchString(r.Region) {
			return nil, bad("region %q is not a region code", r.Region)
		}
		if r.USD == nil {
			return nil, bad("usd is required")
		}
		usd, err := number(*r.USD)
		if err != nil {
			return nil, bad("usd: %v", err)
		}
		if usd.IsNegative() {
			return nil, bad("usd: got %s, want 0 or more", usd)
		}
		if r.Unit == "" {
			return nil, bad("unit is required")
		}
		if !asOfPattern.MatchString(r.AsOf) {
			return nil, bad("as_of: got %q, want YYYY-MM-DD, YYYY-MM, YYYY or empty", r.AsOf)
		}
		switch r.Origin {
		case OriginSnapshot, OriginPriceList, OriginCarried:
		default:
			return nil, bad("origin: got %q, want %q, %q or none", r.Origin, OriginPriceList, OriginCarried)
		}
		tiers, err := parseTiers(r.Tiers)
		if err != nil {
			return nil, bad("%v", err)
		}
		k := priceKey{r.Service, r.Item, r.Variant, r.Region}
		if first, dup := firstAt[k]; dup {
			return nil, bad("duplicate price %s %s %s %s (first at %s)", r.Service, r.Item, quoteVariant(r.Variant), r.Region, lineCol(data, first))
		}
		firstAt[k] = where
		c.prices = append(c.prices, Price{
			Service: r.Service, Item: r.Item, Variant: r.Variant, Region: r.Region,
			USD: usd, Unit: r.Unit, Source: r.Source, AsOf: r.AsOf,
			Confidence: r.Confidence, Note: r.Note, Origin: r.Origin, Tiers: tiers,
		})
	}
	for i, r := range f.Allowances {
		where := at(pos.allowances, i)
		if r.Service == "" || r.Item == "" || r.Region == "" {
			return nil, posErrorf(data, where, "allowances[%d]: service, item and region are required", i)
		}
		if r.Quantity == nil {
			return nil, posErrorf(data, where, "allowances[%d]: quantity is required", i)
		}
		q, err := number(*r.Quantity)
		if err != nil || q.IsNegative() {
			return nil, posErrorf(data, where, "allowances[%d]: quantity: want a number, 0 or more", i)
		}
		c.allowances = append(c.allowances, Allowance{
			Service: r.Service, Item: r.Item, Region: r.Region, Quantity: q,
			Unit: r.Unit, Note: r.Note, Source: r.Source, Confidence: r.Confidence,
		})
	}
	for i, r := range f.Discounts {
		where := at(pos.discounts, i)
		if r.Service == "" || r.Item == "" {
			return nil, posErrorf(data, where, "discounts[%d]: service and item are required", i)
		}
		if r.FractionOff == nil {
			return nil, posErrorf(data, where, "discounts[%d]: fraction_off is required", i)
		}
		v, err := number(*r.FractionOff)
		if err != nil || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
			return nil, posErrorf(data, where, "discounts[%d]: fraction_off: want a number from 0 to 1", i)
		}
		c.discounts = append(c.discounts, Discount{
			Service: r.Service, Item: r.Item, Term: r.Term, FractionOff: v,
			Source: r.Source, Confidence: r.Confidence, Note: r.Note,
		})
	}
	for i, r := range f.Rules {
		where := at(pos.rules, i)
		if r.Service == "" || r.Rule == "" {
			return nil, posErrorf(data, where, "rules[%d]: service and rule are required", i)
		}
		if r.Value == nil {
			return nil, posErrorf(data, where, "rules[%d]: value is required", i)
		}
		v, err := number(*r.Value)
		if err != nil {
			return nil, posErrorf(data, where, "rules[%d]: value: %v", i, err)
		}
		c.rules = append(c.rules, PricingRule{
			Service: r.Service, Rule: r.Rule, Value: v,
			Note: r.Note, Source: r.Source, Confidence: r.Confidence,
		})
	}
	if err := newCatalog(c); err != nil {
		// Prices were checked above with positions; allowances and rules
		// are few and named by key.
		return nil, posErrorf(data, 0, "%v", err)
	}
	return c, nil
}

func parseTiers(in []tierJSON) ([]Tier, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]Tier, 0, len(in))
	for i, t := range in {
		if t.From == nil || t.USD == nil {
			return nil, fmt.Errorf("tiers[%d]: from and usd are required", i)
		}
		from, err := number(*t.From)
		if err != nil {
			return nil, fmt.Errorf("tiers[%d]: from: %v", i, err)
		}
		usd, err := number(*t.USD)
		if err != nil {
			return nil, fmt.Errorf("tiers[%d]: usd: %v", i, err)
		}
		var to decimal.Decimal
		if t.To != nil {
			if to, err = number(*t.To); err != nil {
				return nil, fmt.Errorf("tiers[%d]: to: %v", i, err)
			}
			if !to.GreaterThan(from) {
				return nil, fmt.Errorf("tiers[%d]: to (%s) must be above from (%s)", i, to, from)
			}
		}
		if from.IsNegative() || usd.IsNegative() {
			return nil, fmt.Errorf("tiers[%d]: from and usd must not be negative", i)
		}
		if i > 0 && !from.GreaterThan(out[i-1].From) {
			return nil, fmt.Errorf("tiers[%d]: tiers must ascend by from", i)
		}
		out = append(out, Tier{From: from, To: to, USD: usd})
	}
	return out, nil
}

// number converts a JSON number to a decimal, refusing magnitudes no price
// has (which would also make String print megabytes of zeros).
func number(n jnum) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(string(n))
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number", string(n))
	}
	if e := d.Exponent(); e < -30 || e > 30 || d.NumDigits() > 40 {
		return decimal.Decimal{}, fmt.Errorf("%s is out of range", string(n))
	}
	return d, nil
}

// Marshal writes the catalog in the snapshot's JSON shape: rows sorted,
// numbers as exact decimals, two-space indentation, a final newline. The
// same catalog always gives the same bytes, and Parse(Marshal(c)) is c.
func (c *Catalog) Marshal() ([]byte, error) {
	f := fileJSON{
		SnapshotDate:  c.snapshotDate,
		Currency:      c.currency,
		HoursPerMonth: jnum(c.hoursPerMonth.String()),
		RefreshedAt:   c.refreshedAt,
		Notes:         c.notes,
		Prices:        make([]priceJSON, 0, len(c.prices)),
		Allowances:    make([]allowanceJSON, 0, len(c.allowances)),
		Discounts:     make([]discountJSON, 0, len(c.discounts)),
		Rules:         make([]ruleJSON, 0, len(c.rules)),
	}
	for _, p := range c.prices {
		r := priceJSON{
			Service: p.Service, Item: p.Item, Variant: p.Variant, Region: p.Region,
			USD: num(p.USD), Unit: p.Unit, Source: p.Source, AsOf: p.AsOf,
			Confidence: p.Confidence, Note: p.Note, Origin: p.Origin,
		}
		for _, t := range p.Tiers {
			tj := tierJSON{From: num(t.From), USD: num(t.USD)}
			if !t.To.IsZero() {
				tj.To = num(t.To)
			}
			r.Tiers = append(r.Tiers, tj)
		}
		f.Prices = append(f.Prices, r)
	}
	for _, a := range c.allowances {
		f.Allowances = append(f.Allowances, allowanceJSON{
			Service: a.Service, Item: a.Item, Region: a.Region, Quantity: num(a.Quantity),
			Unit: a.Unit, Source: a.Source, Confidence: a.Confidence, Note: a.Note,
		})
	}
	for _, d := range c.discounts {
		f.Discounts = append(f.Discounts, discountJSON{
			Service: d.Service, Item: d.Item, Term: d.Term, FractionOff: num(d.FractionOff),
			Source: d.Source, Confidence: d.Confidence, Note: d.Note,
		})
	}
	for _, r := range c.rules {
		f.Rules = append(f.Rules, ruleJSON{
			Service: r.Service, Rule: r.Rule, Value: num(r.Value),
			Note: r.Note, Source: r.Source, Confidence: r.Confidence,
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encoding the price catalog: %w", err)
	}
	return buf.Bytes(), nil
}

func num(d decimal.Decimal) *jnum {
	n := jnum(d.String())
	return &n
}

// Normalize parses a catalog file and writes it back in canonical form: the
// generator's whole job, kept here so a test can check the committed
// snapshot without running it.
func Normalize(data []byte) ([]byte, error) {
	c, err := Parse(data)
	if err != nil {
		return nil, err
	}
	return c.Marshal()
}

// posError is an error at a position in a catalog file.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

func posErrorf(data []byte, off int64, format string, args ...any) error {
	line, col := lineColOf(data, off)
	return &posError{line: line, col: col, msg: fmt.Sprintf(format, args...)}
}

func lineCol(data []byte, off int64) string {
	l, c := lineColOf(data, off)
	return fmt.Sprintf("%d:%d", l, c)
}

// lineColOf converts a byte offset to a 1-based line and column (columns
// count bytes).
func lineColOf(data []byte, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
