package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// specDir returns the installed spec package, or skips the test.
func specDir(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := DefaultSpecDir(root)
	if _, err := os.Stat(filepath.Join(dir, "db.json.gz")); err != nil {
		t.Skipf("%s is not installed, so the committed schema cannot be compared with its source; run `npm ci` in test-tools (scripts/test does)", specPackage)
	}
	return dir
}

// The committed resources.json.gz must be exactly what the generator makes
// from the pinned npm package (with the committed generation date).
func TestCommittedDataIsCurrent(t *testing.T) {
	dir := specDir(t)
	const committed = "../resources.txt.gz"
	have := gunzipFile(t, committed)
	_, rest, _ := strings.Cut(string(have), "\ngenerated ")
	date, _, _ := strings.Cut(rest, "\n")
	want, err := Generate(dir, date)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(have, want) {
		return
	}
	haveLines, wantLines := strings.Split(string(have), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(haveLines), len(wantLines)); i++ {
		var a, b string
		if i < len(haveLines) {
			a = haveLines[i]
		}
		if i < len(wantLines) {
			b = wantLines[i]
		}
		if a != b {
			k := 0
			for k < min(len(a), len(b)) && a[k] == b[k] {
				k++
			}
			from := max(0, k-80)
			t.Fatalf("%s is stale (run go generate ./internal/schema/cfn); first difference at line %d, byte %d:\ngot  ...%.200s\nwant ...%.200s",
				committed, i+1, k+1, a[from:], b[from:])
		}
	}
}

// run writes gzip of exactly what Generate returns.
func TestRunWritesGzip(t *testing.T) {
	dir := specDir(t)
	out := filepath.Join(t.TempDir(), "out.json.gz")
	if err := run(dir, out, "2026-01-02"); err != nil {
		t.Fatalf("run: got error %v, want none", err)
	}
	want, err := Generate(dir, "2026-01-02")
	if err != nil {
		t.Fatal(err)
	}
	if got := gunzipFile(t, out); !bytes.Equal(got, want) {
		t.Errorf("run output: got %d bytes after gunzip, want the %d bytes Generate returns", len(got), len(want))
	}
}

func ref(id string) specType {
	t := specType{Type: "ref"}
	t.Reference = &struct {
		Ref string `json:"$ref"`
	}{Ref: id}
	return t
}

func TestEncodeType(t *testing.T) {
	owned := map[string]*specTypeDef{"7": {ID: "7", Name: "Rule"}}
	str := specType{Type: "string"}
	tests := []struct {
		name string
		in   specType
		want string
		err  string
	}{
		{"primitive", str, "string", ""},
		{"date-time", specType{Type: "date-time"}, "timestamp", ""},
		{"tag list", specType{Type: "array", Element: &specType{Type: "tag"}}, "list<tag>", ""},
		{"map of refs", specType{Type: "map", Element: ptr(ref("7"))}, "map<Rule>", ""},
		{"union", specType{Type: "union", Types: []specType{str, ref("7"), str}}, "string|Rule", ""},
		{"one-member union", specType{Type: "union", Types: []specType{str, str}}, "string", ""},
		{"foreign ref", ref("8"), "", "does not own"},
		{"array without element", specType{Type: "array"}, "", "without an element"},
		{"unknown kind", specType{Type: "float"}, "", `unknown type kind "float"`},
		{"empty union", specType{Type: "union"}, "", "without members"},
	}
	for _, tt := range tests {
		got, err := encodeType(tt.in, owned)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("encodeType(%s): got error %v, want one containing %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("encodeType(%s): got %q (err %v), want %q", tt.name, got, err, tt.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestConvert(t *testing.T) {
	var db specDB
	raw := `{"schema":{
	  "resource":{"entities":[
	    {"$id":"1","cloudFormationType":"AWS::X::A","properties":{
	      "Name":{"type":{"type":"string"},"required":true,"causesReplacement":"yes"},
	      "Rules":{"type":{"type":"array","element":{"type":"ref","reference":{"$ref":"2"}}},"causesReplacement":"maybe","deprecated":"WARN"}},
	     "attributes":{"Arn":{"type":{"type":"string"}}}}]},
	  "typeDefinition":{"entities":[{"$id":"2","name":"Rule","properties":{"Id":{"type":{"type":"integer"},"required":true}}}]},
	  "usesType":{"forward":{"1":[{"$id":"2"}]}}}}`
	if err := json.Unmarshal([]byte(raw), &db); err != nil {
		t.Fatal(err)
	}
	got, err := convert(&db)
	if err != nil {
		t.Fatalf("convert: got error %v, want none", err)
	}
	b, err := encode(header{Source: "s", Version: "1", Generated: "2026-01-02", Tag: map[string]outProp{"Key": {T: "string", R: true}}}, got)
	if err != nil {
		t.Fatalf("encode: got error %v, want none", err)
	}
	want := `hoist-cfn-schema 2
source s
version 1
generated 2026-01-02
type Tag
    field Key string required
resource AWS::X::A
  prop Name string required replace
  prop Rules list<Rule> conditional deprecated
  attr Arn string
  type Rule
    field Id integer required
`
	if string(b) != want {
		t.Errorf("convert+encode: got\n%s\nwant\n%s", b, want)
	}
	got["AWS::X::A"].Properties["Bad Name"] = outProp{T: "string"}
	if _, err := encode(header{Source: "s", Version: "1", Generated: "d"}, got); err == nil || !strings.Contains(err.Error(), "white space") {
		t.Errorf("encode with a name holding a space: got error %v, want one about white space", err)
	}

	db.Schema.UsesType.Forward = nil
	if _, err := convert(&db); err == nil || !strings.Contains(err.Error(), "does not own") {
		t.Errorf("convert without usesType: got error %v, want one about a ref the resource does not own", err)
	}
}

func TestGenerateErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, "yesterday"); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("Generate with a bad date: got %v, want an error naming YYYY-MM-DD", err)
	}
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name":"other","version":"1.0.0"}`), 0o644)
	if _, err := Generate(dir, "2026-01-02"); err == nil || !strings.Contains(err.Error(), "want "+specPackage) {
		t.Errorf("Generate on another package: got %v, want an error naming %s", err, specPackage)
	}
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name":"`+specPackage+`","version":"1.0.0"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "db.json.gz"), []byte("not gzip at all, really"), 0o644)
	if _, err := Generate(dir, "2026-01-02"); err == nil || !strings.Contains(err.Error(), "db.json.gz") {
		t.Errorf("Generate on a corrupt db: got %v, want an error naming db.json.gz", err)
	}
}
