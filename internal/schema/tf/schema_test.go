package tf

import (
	"bytes"
	"compress/gzip"
	"sort"
	"strings"
	"testing"
)

func TestVersions(t *testing.T) {
	pkg, provider := Versions()
	if pkg == "" || !strings.HasPrefix(provider, "6.") {
		t.Errorf("Versions(): got package %q provider %q, want a package version and a 6.x provider", pkg, provider)
	}
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if s.Package != "@cdktn/provider-aws" || s.Provider != "registry.terraform.io/hashicorp/aws" {
		t.Errorf("got package %q provider %q, want @cdktn/provider-aws and registry.terraform.io/hashicorp/aws", s.Package, s.Provider)
	}
}

func TestTypes(t *testing.T) {
	for _, tt := range []struct {
		name  string
		types []string
		min   int
		has   string
	}{
		{"resources", Types(), 1500, "aws_s3_bucket"},
		{"data sources", DataTypes(), 500, "aws_ami"},
	} {
		if len(tt.types) < tt.min {
			t.Errorf("%s: got %d types, want at least %d", tt.name, len(tt.types), tt.min)
		}
		if !sort.StringsAreSorted(tt.types) {
			t.Errorf("%s: got unsorted types, want sorted", tt.name)
		}
		for i := 1; i < len(tt.types); i++ {
			if tt.types[i] == tt.types[i-1] {
				t.Errorf("%s: got %q twice, want unique", tt.name, tt.types[i])
			}
		}
		for _, typ := range tt.types {
			if !strings.HasPrefix(typ, "aws_") {
				t.Errorf("%s: got type %q, want an aws_ prefix", tt.name, typ)
			}
		}
		if i := sort.SearchStrings(tt.types, tt.has); i == len(tt.types) || tt.types[i] != tt.has {
			t.Errorf("%s: %q missing", tt.name, tt.has)
		}
	}
}

// TestFacts pins facts about well-known resources that the renderer and
// validator rely on.
func TestFacts(t *testing.T) {
	type want struct {
		kind     string // argument, block, attribute, missing
		typ      string // arguments and attributes
		required bool
		computed bool
		min, max int     // blocks
		nesting  Nesting // blocks
	}
	tests := []struct {
		resource, path string
		want           want
	}{
		{"aws_s3_bucket", "bucket_prefix", want{kind: "argument", typ: "string", computed: true}},
		{"aws_s3_bucket", "arn", want{kind: "attribute", typ: "string", computed: true}},
		{"aws_instance", "instance_type", want{kind: "argument", typ: "string", computed: true}},
		{"aws_instance", "vpc_security_group_ids", want{kind: "argument", typ: "set(string)", computed: true}},
		{"aws_instance", "root_block_device", want{kind: "block", nesting: NestingList, max: 1}},
		{"aws_security_group", "ingress", want{kind: "argument", typ: "set(object)", computed: true}},
		{"aws_security_group", "ingress.from_port", want{kind: "argument", typ: "number", computed: true}},
		{"aws_ecs_task_definition", "family", want{kind: "argument", typ: "string", required: true}},
		{"aws_ecs_task_definition", "container_definitions", want{kind: "argument", typ: "string", required: true}},
		{"aws_ecs_task_definition", "revision", want{kind: "attribute", typ: "number", computed: true}},
		{"aws_lb_listener", "default_action", want{kind: "block", nesting: NestingList, min: 1}},
		{"aws_lb_listener", "default_action.type", want{kind: "argument", typ: "string", required: true}},
		{"aws_lb_listener", "default_action.forward.target_group", want{kind: "block", nesting: NestingSet, min: 1}},
		{"aws_lb_listener", "mutual_authentication", want{kind: "block", nesting: NestingList, max: 1}},
		{"aws_lb_listener", "timeouts", want{kind: "block", nesting: NestingSingle, max: 1}},
		{"aws_lb_listener", "tags", want{kind: "argument", typ: "map(string)"}},
		{"aws_db_instance", "instance_class", want{kind: "argument", typ: "string", required: true}},
		{"aws_db_instance", "allocated_storage", want{kind: "argument", typ: "number", computed: true}},
		{"aws_db_instance", "storage_encrypted", want{kind: "argument", typ: "bool"}},
		{"aws_db_instance", "manage_master_user_password", want{kind: "argument", typ: "bool"}},
		{"aws_db_instance", "master_user_secret", want{kind: "attribute", typ: "list(object)", computed: true}},
		{"aws_db_instance", "master_user_secret.secret_arn", want{kind: "attribute", typ: "string", computed: true}},
		{"aws_s3tables_table_bucket", "maintenance_configuration", want{kind: "argument", typ: "object", computed: true}},
		{"aws_quicksight_analysis", "definition", want{kind: "block", max: 0}},
		{"aws_wafv2_web_acl_rule", "statement.and_statement.statement.or_statement.statement.geo_match_statement", want{kind: "block", nesting: NestingList}},
		{"aws_s3_bucket", "bucket_prefx", want{kind: "missing"}},
	}
	for _, tt := range tests {
		r, ok := Lookup(tt.resource)
		if !ok {
			t.Errorf("Lookup(%q): got not found, want found", tt.resource)
			continue
		}
		b := &r.Body
		parts := strings.Split(tt.path, ".")
		for _, p := range parts[:len(parts)-1] {
			if n, ok := b.Block(p); ok {
				b = n
			} else if a, ok := b.Argument(p); ok && a.Nested != nil {
				b = a.Nested
			} else if a, ok := b.Attribute(p); ok && a.Nested != nil {
				b = a.Nested
			} else {
				t.Fatalf("%s %s: no block or object %q on the way", tt.resource, tt.path, p)
			}
		}
		last := parts[len(parts)-1]
		var got want
		if a, ok := b.Argument(last); ok {
			got = want{kind: "argument", typ: a.Type, required: a.Required, computed: a.Computed}
		} else if a, ok := b.Attribute(last); ok {
			got = want{kind: "attribute", typ: a.Type, required: a.Required, computed: a.Computed}
		} else if n, ok := b.Block(last); ok {
			got = want{kind: "block", min: n.MinItems, max: n.MaxItems, nesting: n.Nesting}
		} else {
			got = want{kind: "missing"}
		}
		if got != tt.want {
			t.Errorf("%s %s: got %+v, want %+v", tt.resource, tt.path, got, tt.want)
		}
	}
}

// TestEveryEntryDecodes decodes every body in the embedded file and
// checks the invariants lookups rely on.
func TestEveryEntryDecodes(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	check := func(typ string, r *Resource, err error) {
		if err != nil || r == nil {
			t.Errorf("%s: got error %v, want a decoded body", typ, err)
			return
		}
		if r.Type != typ {
			t.Errorf("%s: got Type %q, want %q", typ, r.Type, typ)
		}
		seen := map[*Block]bool{}
		var walk func(path string, b *Block)
		walk = func(path string, b *Block) {
			if seen[b] { // recursive schemas share blocks
				return
			}
			seen[b] = true
			if b.SameAs != "" {
				t.Errorf("%s %s: same_as %q left unresolved", typ, path, b.SameAs)
			}
			names := b.Names()
			for i := 1; i < len(names); i++ {
				if names[i] == names[i-1] {
					t.Errorf("%s %s: got %q as both argument and block, want one", typ, path, names[i])
				}
			}
			for _, n := range b.Blocks {
				if n.Name == "" || (n.Nesting == "" && !n.Opaque) {
					t.Errorf("%s %s: got block %q with nesting %q, want a name and a nesting", typ, path, n.Name, n.Nesting)
				}
				walk(path+"."+n.Name, n)
			}
			for _, list := range [][]*Argument{b.Arguments, b.Attributes} {
				for _, a := range list {
					if a.Name == "" || a.Type == "" {
						t.Errorf("%s %s: got argument %q with type %q, want both", typ, path, a.Name, a.Type)
					}
					if strings.Contains(a.Type, "object") != (a.Nested != nil) {
						t.Errorf("%s %s.%s: got type %s with nested=%v, want nested exactly for objects", typ, path, a.Name, a.Type, a.Nested != nil)
					}
					if a.Nested != nil {
						walk(path+"."+a.Name, a.Nested)
					}
				}
			}
		}
		walk(typ, &r.Body)
	}
	for _, typ := range s.Types() {
		r, err := s.Resource(typ)
		check(typ, r, err)
	}
	for _, typ := range s.DataTypes() {
		r, err := s.DataSource(typ)
		check(typ, r, err)
	}
}

func gz(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

const goodHeader = `{"format_version":1,"package":"p","package_version":"1","provider":"x","provider_version":"6.0.0","resources":1,"data_sources":0}` + "\n"

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // substring of the error
	}{
		{"empty", nil, "line 1"},
		{"not json", []byte("hello"), "line 1"},
		{"truncated gzip", gz(goodHeader)[:12], "terraform provider schema"},
		{"wrong version", []byte(`{"format_version":99}`), "format_version 99, want 1"},
		{"count mismatch", []byte(goodHeader), "0 resources and 0 data sources, header says 1 and 0"},
		{"kind not first", []byte(goodHeader + `{"type":"aws_x","kind":"resource"}`), `line 2: want member "kind" first`},
		{"unknown kind", []byte(goodHeader + `{"kind":"module","type":"aws_x"}`), `line 2: unknown kind "module"`},
		{"duplicate", []byte(strings.Replace(goodHeader, `"resources":1`, `"resources":2`, 1) +
			`{"kind":"resource","type":"aws_x","body":{}}` + "\n" + `{"kind":"resource","type":"aws_x","body":{}}`), `type "aws_x" listed twice`},
	}
	for _, tt := range tests {
		_, err := Decode(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s): got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestLazyEntryErrors(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"bad body", `{"kind":"resource","type":"aws_x","body":[]}`, "aws_x"},
		{"dangling same_as", `{"kind":"resource","type":"aws_x","body":{"blocks":[{"name":"a","nesting":"list","same_as":"nope"}]}}`, `same_as "nope" names no block`},
	}
	for _, tt := range tests {
		s, err := Decode([]byte(goodHeader + tt.line))
		if err != nil {
			t.Fatalf("Decode(%s): %v", tt.name, err)
		}
		r, err := s.Resource("aws_x")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Resource(%s): got %v, %v, want an error containing %q", tt.name, r, err, tt.want)
		}
		if _, ok := s.Lookup("aws_x"); ok {
			t.Errorf("Lookup(%s): got found, want not found for a corrupt entry", tt.name)
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	f := &File{Package: "p", PackageVersion: "1.2.3", Provider: "reg/aws", ProviderVersion: "6.1.0",
		Resources: []*Resource{
			{Type: "aws_b", Body: Block{Arguments: []*Argument{{Name: "z", Type: "string"}, {Name: "a", Type: "number", Required: true}}}},
			{Type: "aws_a", Body: Block{Blocks: []*Block{{Name: "rule", Nesting: NestingList, Blocks: []*Block{{Name: "rule", Nesting: NestingList, SameAs: "rule"}}}}}},
		},
		DataSources: []*Resource{{Type: "aws_d"}},
	}
	data, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(f)
	if err != nil || !bytes.Equal(data, again) {
		t.Errorf("Encode twice: got different bytes (err %v), want identical", err)
	}
	s, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Types(), ","); got != "aws_a,aws_b" {
		t.Errorf("Types(): got %s, want aws_a,aws_b", got)
	}
	b, _ := s.Lookup("aws_b")
	if got := strings.Join(b.Names(), ","); got != "a,z" {
		t.Errorf("aws_b names: got %s, want a,z", got)
	}
	a, _ := s.Lookup("aws_a")
	rule, _ := a.Block("rule")
	inner, ok := rule.Block("rule")
	if !ok || inner.Nesting != NestingList {
		t.Fatalf("aws_a rule.rule: got %v, want a list block", inner)
	}
	if deeper, ok := inner.Block("rule"); !ok || deeper.Name != "rule" {
		t.Errorf("aws_a rule.rule.rule: got %v, want the recursive block", deeper)
	}
	if _, ok := s.LookupData("aws_d"); !ok {
		t.Errorf("LookupData(aws_d): got not found, want found")
	}
	if s.PackageVersion != "1.2.3" || s.ProviderVersion != "6.1.0" {
		t.Errorf("versions: got %s %s, want 1.2.3 6.1.0", s.PackageVersion, s.ProviderVersion)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"bucket_prefx", []string{"bucket", "bucket_prefix", "tags"}, "bucket_prefix"},
		{"instanc_type", []string{"ami", "instance_type", "instance_state"}, "instance_type"},
		{"aws_s3_buckt", []string{"aws_s3_bucket", "aws_s3_bucket_policy"}, "aws_s3_bucket"},
		{"Tags", []string{"tags", "tags_all"}, "tags"},
		{"zzz", []string{"tags", "name"}, ""},
		{"x", []string{"y"}, "y"},
		{"", []string{"a"}, ""},
		{"tags", []string{"tags"}, ""},           // exact names need no suggestion
		{"nam", []string{"nbm", "nam_"}, "nam_"}, // tie at distance 1: the first in sort order
	}
	for _, tt := range tests {
		if got := Suggest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q, %q): got %q, want %q", tt.name, tt.candidates, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(goodHeader + `{"kind":"resource","type":"aws_x","body":{"arguments":[{"name":"a","type":"string"}]}}`))
	f.Add([]byte(goodHeader + `{"kind":"resource","type":"aws_x","body":{"blocks":[{"name":"a","same_as":"a"}]}}`))
	f.Add(gz(goodHeader))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			return
		}
		for _, typ := range s.Types() {
			if r, err := s.Resource(typ); err == nil && r != nil {
				s.CheckBody(typ, BodyShape{Attributes: []AttrShape{{Name: "a"}}, Blocks: []BlockShape{{Name: "a", Body: BodyShape{Blocks: []BlockShape{{Name: "a"}}}}}})
			}
		}
	})
}

func FuzzSuggest(f *testing.F) {
	f.Add("bucket_prefx", "bucket_prefix")
	f.Add("", "")
	f.Add("ÄÖ", "äö")
	f.Fuzz(func(t *testing.T, name, candidate string) {
		got := Suggest(name, []string{candidate})
		if got != "" && got != candidate {
			t.Errorf("Suggest(%q, [%q]): got %q, want the candidate or nothing", name, candidate, got)
		}
	})
}

// TestConcurrentLookup exercises the lazy decoding from several
// goroutines; run with -race.
func TestConcurrentLookup(t *testing.T) {
	s, err := Decode(embedded)
	if err != nil {
		t.Fatal(err)
	}
	types := s.Types()[:50]
	done := make(chan *Resource, 4*len(types))
	for range 4 {
		go func() {
			for _, typ := range types {
				r, _ := s.Lookup(typ)
				done <- r
			}
		}()
	}
	got := map[*Resource]bool{}
	for range 4 * len(types) {
		r := <-done
		if r == nil {
			t.Fatal("Lookup: got nil for a listed type, want a resource")
		}
		got[r] = true
	}
	if len(got) != len(types) {
		t.Errorf("concurrent lookups: got %d distinct resources, want %d (each decoded once)", len(got), len(types))
	}
}
