package prices

import (
	"bytes"
	"strings"
	"testing"
)

// minimal is a small valid catalog; tests break it one way at a time.
const minimal = `{
  "snapshot_date": "2026-11-26",
  "currency": "USD",
  "hours_per_month": 730,
  "notes": "",
  "prices": [
    {
      "service": "fargate",
      "item": "vcpu_hour",
      "variant": "linux-x86",
      "region": "us-east-1",
      "usd": 0.04048,
      "unit": "vCPU-hour",
      "source": "s",
      "as_of": "2026-03-10",
      "confidence": "one-source",
      "note": ""
    }
  ],
  "allowances": [],
  "discounts": [],
  "rules": []
}
`

func TestParseMinimal(t *testing.T) {
	c, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := c.Lookup("fargate", "vcpu_hour", "linux-x86", "us-east-1")
	if !ok || p.USD.String() != "0.04048" {
		t.Fatalf("Lookup after Parse(minimal) = %v %v, want 0.04048", p.USD, ok)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != minimal {
		t.Errorf("Marshal(Parse(minimal)) differs from minimal:\n%s", out)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		old, new  string // replace old with new in minimal
		wantError string
	}{
		{"syntax", `"currency": "USD",`, `"currency": "USD"`, "4:3: invalid character '\"' after object key:value pair"},
		{"not an object", minimal, `[1, 2]`, "1:1: the catalog must be a JSON object, not array"},
		{"unknown field", `"notes": "",`, `"notes": "", "note": "",`, `5:16: unknown field "note"`},
		{"repeated field", `"notes": "",`, `"notes": "", "notes": "",`, `5:16: field "notes" repeated (first at 5:3)`},
		{"missing field", `"currency": "USD",`, ``, `missing field "currency"`},
		{"bad date", `"2026-11-26"`, `"26/11/2026"`, `2:20: snapshot_date: got "26/11/2026", want a date YYYY-MM-DD`},
		{"impossible date", `"2026-11-26"`, `"2026-02-30"`, `2:20: snapshot_date: "2026-02-30" is not a calendar date`},
		{"currency", `"USD"`, `"EUR"`, `3:15: currency: got "EUR"`},
		{"hours", `730`, `0`, `4:22: hours_per_month: got 0, want more than 0`},
		{"hours type", `730`, `"730"`, `4:22: value: got a JSON string, want a number`},
		{"hours null", `730`, `null`, `4:22: value: got a JSON null, want a number`},
		{"usd type", `0.04048`, `"cheap"`, `7:5: usd: got a JSON string, want a number (in prices[0])`},
		{"usd negative", `0.04048`, `-1`, `7:5: prices[0]: usd: got -1, want 0 or more`},
		{"usd missing", `"usd": 0.04048,`, ``, `7:5: prices[0]: usd is required`},
		{"usd huge", `0.04048`, `1e40`, `7:5: prices[0]: usd: 1e40 is out of range`},
		{"usd absurd", `0.04048`, `1e999999999999`, `7:5: prices[0]: usd: "1e999999999999" is not a number`},
		{"no region", `"region": "us-east-1",`, `"region": "",`, `7:5: prices[0]: service, item and region are required`},
		{"bad region", `"us-east-1"`, `"US East"`, `7:5: prices[0]: region "US East" is not a region code`},
		{"unknown price field", `"note": ""`, `"note": "", "tier": 1`, `7:5: unknown field "tier" (in prices[0])`},
		{"bad as_of", `"2026-03-10"`, `"March"`, `7:5: prices[0]: as_of: got "March"`},
		{"bad origin", `"note": ""`, `"note": "", "origin": "guess"`, `7:5: prices[0]: origin: got "guess"`},
		{"allowances not array", `"allowances": []`, `"allowances": {}`, `20:17: allowances: want an array`},
		{"bad tiers", `"note": ""`, `"note": "", "tiers": [{"from": 5, "usd": 1}, {"from": 1, "usd": 1}]`, `7:5: prices[0]: tiers[1]: tiers must ascend by from`},
		{"trailing", "  \"rules\": []\n}\n", "  \"rules\": []\n}\n{}", "24:1: invalid character '{' after top-level value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(minimal, tc.old, tc.new, 1)
			if in == minimal {
				t.Fatalf("replacing %q changed nothing", tc.old)
			}
			_, err := Parse([]byte(in))
			if err == nil {
				t.Fatalf("Parse: no error, want %q", tc.wantError)
			}
			if !strings.Contains(err.Error(), tc.wantError) {
				t.Errorf("Parse error = %q, want it to contain %q", err, tc.wantError)
			}
		})
	}
}

func TestParseDuplicateRow(t *testing.T) {
	row := minimal[strings.Index(minimal, "    {"):strings.Index(minimal, "\n  ],")]
	in := strings.Replace(minimal, row, row+",\n"+row, 1)
	_, err := Parse([]byte(in))
	want := "19:5: prices[1]: duplicate price fargate vcpu_hour linux-x86 us-east-1 (first at 7:5)"
	if err == nil || err.Error() != want {
		t.Errorf("Parse(duplicate row) error = %v, want %q", err, want)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	first, err := Embedded().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, EmbeddedJSON()) {
		t.Error("Marshal(Embedded()) differs from the embedded snapshot: the snapshot is not in canonical form (run go generate ./internal/prices)")
	}
	c, err := Parse(first)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("Marshal(Parse(Marshal(c))) differs from Marshal(c)")
	}
}

func TestMarshalTiersAndOrigin(t *testing.T) {
	in := strings.Replace(minimal, `"note": ""`, `"note": "", "origin": "price-list-api", "tiers": [{"from": 0, "to": 6000000000, "usd": 0.04048}, {"from": 6000000000, "usd": 0.03}]`, 1)
	c, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := c.Lookup("fargate", "vcpu_hour", "linux-x86", "us-east-1")
	if len(p.Tiers) != 2 || p.Tiers[0].To.String() != "6000000000" || !p.Tiers[1].To.IsZero() || p.Origin != OriginPriceList {
		t.Fatalf("tiers %+v origin %q: want two tiers, the last unbounded, origin price-list-api", p.Tiers, p.Origin)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"origin": "price-list-api"`, `"to": 6000000000`, `"from": 6000000000,`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("Marshal output lacks %s:\n%s", want, out)
		}
	}
	again, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := again.Marshal()
	if !bytes.Equal(out, out2) {
		t.Error("tiers do not survive Marshal/Parse unchanged")
	}
}
