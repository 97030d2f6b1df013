package prices

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func dec(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEmbeddedHeader(t *testing.T) {
	c := Embedded()
	if got, want := c.SnapshotDate(), "2026-11-26"; got != want {
		t.Errorf("SnapshotDate() = %q, want %q", got, want)
	}
	if got := c.HoursPerMonth(); !got.Equal(decimal.NewFromInt(730)) {
		t.Errorf("HoursPerMonth() = %s, want 730", got)
	}
	if got := c.Currency(); got != "USD" {
		t.Errorf("Currency() = %q, want USD", got)
	}
	want := []string{"eu-west-1", "us-east-1", "us-gov-west-1", "us-west-2"}
	if diff := cmp.Diff(want, c.Regions()); diff != "" {
		t.Errorf("Regions() (-want +got):\n%s", diff)
	}
	if Embedded() != c {
		t.Error("Embedded() parsed twice: want one shared catalog")
	}
}

func TestHasRegion(t *testing.T) {
	c := Embedded()
	for _, tc := range []struct {
		region string
		want   bool
	}{
		{"us-east-1", true},
		{"us-gov-west-1", true},
		{"global", false},
		{"ap-south-1", false},
		{"", false},
	} {
		if got := c.HasRegion(tc.region); got != tc.want {
			t.Errorf("HasRegion(%q) = %v, want %v", tc.region, got, tc.want)
		}
	}
}

func TestLookup(t *testing.T) {
	c := Embedded()
	for _, tc := range []struct {
		service, item, variant, region string
		wantOK                         bool
		wantUSD, wantRegion, wantUnit  string
	}{
		{"fargate", "vcpu_hour", "linux-x86", "us-east-1", true, "0.04048", "us-east-1", "vCPU-hour"},
		{"fargate", "vcpu_hour", "linux-x86", "us-gov-west-1", true, "0.0486", "us-gov-west-1", "vCPU-hour"},
		{"fargate", "vcpu_hour", "linux-arm", "us-east-1", true, "0.03238", "us-east-1", "vCPU-hour"},
		{"lambda", "gb_second", "x86_64", "us-east-1", true, "0.0000166667", "us-east-1", "GB-second"},
		{"rds", "instance_hour", "mysql:db.t4g.small:multi-az", "us-east-1", true, "0.065", "us-east-1", "instance-hour"},
		{"ecs_express_mode", "surcharge", "", "us-gov-west-1", true, "0", "us-gov-west-1", "per service"},
		// No row for the region: the global row answers.
		{"cloudfront", "data_transfer_out_gb", "europe:first-10TB", "us-east-1", true, "0.085", "global", "GB"},
		{"route53", "hosted_zone_month", "first-25", "eu-west-1", true, "0.5", "global", "zone-month"},
		// No row and no global row.
		{"fargate", "vcpu_hour", "linux-arm", "eu-west-1", false, "", "", ""},
		{"fargate", "vcpu_hour", "linux-x86", "ap-south-1", false, "", "", ""},
		{"nosuch", "item", "", "us-east-1", false, "", "", ""},
	} {
		name := strings.Join([]string{tc.service, tc.item, tc.variant, tc.region}, "/")
		p, ok := c.Lookup(tc.service, tc.item, tc.variant, tc.region)
		if ok != tc.wantOK {
			t.Errorf("Lookup(%s): ok = %v, want %v", name, ok, tc.wantOK)
			continue
		}
		if !ok {
			continue
		}
		if !p.USD.Equal(dec(t, tc.wantUSD)) || p.Region != tc.wantRegion || p.Unit != tc.wantUnit {
			t.Errorf("Lookup(%s) = %s %s %s, want %s %s %s", name, p.USD, p.Region, p.Unit, tc.wantUSD, tc.wantRegion, tc.wantUnit)
		}
		if p.Source == "" || p.Confidence == "" {
			t.Errorf("Lookup(%s): source %q, confidence %q: want both", name, p.Source, p.Confidence)
		}
	}
}

func TestVariants(t *testing.T) {
	c := Embedded()
	got := c.Variants("fargate", "vcpu_hour", "us-east-1")
	var names []string
	for _, p := range got {
		names = append(names, p.Variant)
	}
	if diff := cmp.Diff([]string{"linux-arm", "linux-x86"}, names); diff != "" {
		t.Errorf("Variants(fargate, vcpu_hour, us-east-1) (-want +got):\n%s", diff)
	}
	ec2 := c.Variants("ec2", "instance_hour", "us-gov-west-1")
	if len(ec2) != 9 {
		t.Errorf("Variants(ec2, instance_hour, us-gov-west-1): got %d, want 9", len(ec2))
	}
	if !slices.IsSortedFunc(ec2, func(a, b Price) int { return strings.Compare(a.Variant, b.Variant) }) {
		t.Error("Variants(ec2, instance_hour, us-gov-west-1) is not sorted by variant")
	}
	cf := c.Variants("cloudfront", "https_requests_per_10000", "eu-west-1")
	if len(cf) != 2 || cf[0].Region != GlobalRegion {
		t.Errorf("Variants(cloudfront, https_requests_per_10000, eu-west-1): got %d rows, want the 2 global ones", len(cf))
	}
	if got := c.Variants("fargate", "vcpu_hour", "ap-south-1"); len(got) != 0 {
		t.Errorf("Variants in an unknown region: got %d rows, want 0", len(got))
	}
}

func TestAllowanceAndRule(t *testing.T) {
	c := Embedded()
	a, ok := c.Allowance("lambda", "always_free_requests", "us-east-1")
	if !ok || !a.Quantity.Equal(decimal.NewFromInt(1_000_000)) {
		t.Errorf("Allowance(lambda, always_free_requests, us-east-1) = %v %v, want 1000000", a.Quantity, ok)
	}
	a, ok = c.Allowance("cloudfront", "always_free_data_transfer_out", "eu-west-1")
	if !ok || !a.Quantity.Equal(decimal.NewFromInt(1024)) || a.Region != GlobalRegion {
		t.Errorf("Allowance(cloudfront, ..., eu-west-1) = %v %q %v, want 1024 from global", a.Quantity, a.Region, ok)
	}
	if _, ok := c.Allowance("lambda", "always_free_requests", "eu-west-1"); ok {
		t.Error("Allowance(lambda, always_free_requests, eu-west-1): found, want none (no row, no global row)")
	}
	v, ok := c.Rule("rds", "multi_az_multiplier")
	if !ok || !v.Equal(decimal.NewFromInt(2)) {
		t.Errorf("Rule(rds, multi_az_multiplier) = %s %v, want 2", v, ok)
	}
	if _, ok := c.Rule("rds", "nosuch"); ok {
		t.Error("Rule(rds, nosuch): found, want none")
	}
	if len(c.Discounts()) != 1 || len(c.Rules()) != 2 || len(c.Allowances()) != 8 {
		t.Errorf("got %d discounts, %d rules, %d allowances; want 1, 2, 8", len(c.Discounts()), len(c.Rules()), len(c.Allowances()))
	}
}

func TestRowsSortedAndCopied(t *testing.T) {
	c := Embedded()
	rows := c.Rows()
	if len(rows) != 147 {
		t.Errorf("Rows(): got %d, want 147", len(rows))
	}
	if !slices.IsSortedFunc(rows, comparePrice) {
		t.Error("Rows() is not sorted by service, item, variant, region")
	}
	rows[0].USD = decimal.NewFromInt(99)
	if c.Rows()[0].USD.Equal(decimal.NewFromInt(99)) {
		t.Error("changing a row returned by Rows() changed the catalog")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(dir)
	if err != nil || c != Embedded() {
		t.Fatalf("Load(empty dir) = %p, %v; want Embedded()", c, err)
	}
	if c, err := Load(""); err != nil || c != Embedded() {
		t.Fatalf("Load(\"\") = %p, %v; want Embedded()", c, err)
	}

	data := strings.Replace(string(EmbeddedJSON()), `"snapshot_date": "2026-11-26"`, `"snapshot_date": "2026-12-01"`, 1)
	if err := os.WriteFile(filepath.Join(dir, CacheFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.SnapshotDate() != "2026-12-01" {
		t.Errorf("Load(cache).SnapshotDate() = %q, want the cache's 2026-12-01", c.SnapshotDate())
	}

	if err := os.WriteFile(filepath.Join(dir, CacheFile), []byte("{\n  \"snapshot_date\": 5\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	want := filepath.Join(dir, CacheFile) + ":2:20: "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load(bad cache) error = %v, want prefix %q", err, want)
	}
}
