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

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// TestFixturePackage runs the generator on a small hand-written package in
// the shape of @cdktn/provider-aws (a redirected, gzip-compressed jsii
// assembly, a module split into index-structs, a recursive block, a block
// the bindings typed as "any") and compares the result with a golden file.
func TestFixturePackage(t *testing.T) {
	f, err := Build("testdata/pkg")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/pkg.golden.json", append(got, '\n'))
}

func TestHCLPrimitive(t *testing.T) {
	tests := []struct {
		typ, storage, want, wantErr string
	}{
		{"simple", "string", "string", ""},
		{"simple", "boolean", "bool", ""},
		{"simple", "any", "dynamic", ""},
		{"list", "numberList", "list(number)", ""},
		{"set", "stringList", "set(string)", ""},
		{"map", "booleanMap", "map(bool)", ""},
		{"list", "stringMapList", "list(map(string))", ""},
		{"map", "stringListMap", "map(list(string))", ""},
		{"set", "stringListList", "set(list(string))", ""},
		{"map", "stringMapMap", "map(map(string))", ""},
		{"simple", "stringList", "", `HCL type "simple" does not match storage class "stringList"`},
		{"map", "stringList", "", `HCL type "map" does not match storage class "stringList"`},
		{"simple", "dateTime", "", `unknown HCL storage class "dateTime"`},
		{"list", "List", "", `unknown HCL storage class "List"`},
	}
	for _, tt := range tests {
		got, err := hclPrimitive(hclAttr{typ: tt.typ, storage: tt.storage})
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got.typ != tt.want || !strings.Contains(gotErr, tt.wantErr) || (tt.wantErr == "") != (err == nil) {
			t.Errorf("hclPrimitive(%s, %s): got %q, %v, want %q, %q", tt.typ, tt.storage, got.typ, err, tt.want, tt.wantErr)
		}
	}
}

// TestBuildErrors feeds the builder modules that break the assumptions
// the generator relies on; each must fail with the file and line.
func TestBuildErrors(t *testing.T) {
	const head = "class Thing extends cdktn.TerraformResource {\n    static tfResourceType = \"aws_thing\";\n"
	tests := []struct {
		name, js, want string
	}{
		{"configurable without HCL mapping",
			head + "    // name - computed: false, optional: false, required: true\n    get name() {\n        return this.getStringAttribute('name');\n    }\n}\n",
			`thing.js:3: Thing.name is configurable but has no HCL mapping`},
		{"computed attribute without a getter",
			head + "    // arn - computed: true, optional: false, required: false\n}\n",
			`thing.js:3: Thing.arn: no getter found`},
		{"unknown getter",
			head + "    // arn - computed: true, optional: false, required: false\n    get arn() {\n        return this.getDateAttribute('arn');\n    }\n}\n",
			`thing.js:3: Thing.arn: unknown getter getDateAttribute`},
		{"missing element class",
			head + "    // rule - computed: true, optional: false, required: false\n    _rule = new ThingRuleList(this, \"rule\", false);\n}\n",
			`thing.js:3: Thing.rule: no class ThingRuleOutputReference`},
		{"duplicate attribute",
			head + "    // arn - computed: true, optional: false, required: false\n    get arn() {\n        return this.getStringAttribute('arn');\n    }\n    // arn - computed: true, optional: false, required: false\n}\n",
			`thing.js:7: attribute "arn" listed twice in Thing`},
	}
	for _, tt := range tests {
		mod := newModule("thing")
		if err := mod.parseJS("thing.js", []byte(tt.js)); err != nil {
			t.Fatalf("%s: parse: %v", tt.name, err)
		}
		b := &builder{mod: mod, file: "thing.js", docs: structDocs{}}
		_, err := b.resource(mod.classes["Thing"])
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestModuleOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"src/lb-listener/index.ts", "lb-listener"},
		{"src/lexv2models-intent/index-structs/structs0.ts", "lexv2models-intent"},
		{"lib/other.ts", ""},
		{"src/index.ts", ""},
	}
	for _, tt := range tests {
		if got, _ := moduleOf(tt.in); got != tt.want {
			t.Errorf("moduleOf(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRunFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "schema.json.gz")
	var stderr bytes.Buffer
	if code := run([]string{"-pkg", "testdata/pkg", "-out", out}, &stderr); code != 0 {
		t.Fatalf("run: got exit %d (%s), want 0", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s, err := tf.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Lookup("aws_demo_widget"); !ok || s.ProviderVersion != "6.1.0" {
		t.Errorf("written file: got widget found=%v provider %q, want found and 6.1.0", ok, s.ProviderVersion)
	}
	stderr.Reset()
	if code := run([]string{"-pkg", filepath.Join(t.TempDir(), "missing")}, &stderr); code != 1 || !strings.Contains(stderr.String(), "package.json") {
		t.Errorf("run on a missing package: got exit %d %q, want 1 naming package.json", code, stderr.String())
	}
}

// providerPackage finds the installed npm package: $HOIST_CDKTN_PROVIDER_AWS
// or test-tools/node_modules/@cdktn/provider-aws at the repository root.
func providerPackage(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HOIST_CDKTN_PROVIDER_AWS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "test-tools", "node_modules", "@cdktn", "provider-aws")
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		t.Skipf("npm package @cdktn/provider-aws not installed at %s (run npm ci in test-tools, or set HOIST_CDKTN_PROVIDER_AWS): skipping the freshness check", dir)
	}
	return dir
}

// TestCommittedDataIsCurrent regenerates the schema from the installed
// npm package and compares it with the committed file.
func TestCommittedDataIsCurrent(t *testing.T) {
	dir := providerPackage(t)
	if testing.Short() {
		t.Skip("regenerating the provider schema takes seconds; skipped with -short")
	}
	f, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := tf.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "provider.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	got, want := gunzip(t, fresh), gunzip(t, committed)
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("provider.json.gz is stale (run go generate ./internal/schema/tf): first difference at line %d:\ngot  %.300s\nwant %.300s", i+1, g, w)
		}
	}
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func FuzzParseJS(f *testing.F) {
	for _, p := range []string{"testdata/pkg/lib/demo-widget/index.js", "testdata/pkg/lib/demo-widget/index-structs/structs0.js"} {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		mod := newModule("fuzz")
		if err := mod.parseJS("fuzz.js", src); err != nil {
			return
		}
		for _, c := range mod.classes {
			if c.tfType != "" {
				b := &builder{mod: mod, file: "fuzz.js", docs: structDocs{}}
				b.resource(c) // errors are fine; panics and hangs are not
			}
		}
	})
}
