package spec

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatalf("JSONSchema() is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("hoist.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("hoist.schema.json")
	if err != nil {
		t.Fatalf("JSONSchema() does not compile: %v", err)
	}
	return sch
}

// schemaCheck validates YAML text against the schema.
func schemaCheck(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func TestJSONSchemaGolden(t *testing.T) {
	golden.Assert(t, "testdata/schema.golden.json", JSONSchema())
}

// TestJSONSchemaMatchesTypes walks the Go types and the schema together:
// every yaml key is a schema property and every property a yaml key, and
// every object forbids other keys.
func TestJSONSchemaMatchesTypes(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(JSONSchema(), &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		if r, ok := node["$ref"].(string); ok {
			name := r[len("#/$defs/"):]
			def, ok := defs[name].(map[string]any)
			if !ok {
				t.Fatalf("%s: $ref %q names no definition", path, r)
			}
			node = def
		}
		if node["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties: got %v, want false", path, node["additionalProperties"])
		}
		props, _ := node["properties"].(map[string]any)
		var schemaKeys []string
		for k := range props {
			schemaKeys = append(schemaKeys, k)
		}
		sort.Strings(schemaKeys)
		goKeys := fieldNames(fieldsOf(typ))
		sort.Strings(goKeys)
		if !slices.Equal(schemaKeys, goKeys) {
			t.Errorf("%s: schema properties %v, want the yaml keys of %s %v", path, schemaKeys, typ, goKeys)
		}
		for _, f := range fieldsOf(typ) {
			prop, _ := props[f.name].(map[string]any)
			if prop == nil {
				continue
			}
			if _, ok := prop["description"]; !ok && prop["$ref"] == nil && prop["type"] != "array" {
				t.Errorf("%s.%s: no description", path, f.name)
			}
			ft := typ.Field(f.index).Type
			switch ft.Kind() {
			case reflect.Struct:
				walk(path+"."+f.name, ft, prop)
			case reflect.Slice:
				items, _ := prop["items"].(map[string]any)
				if ft.Elem().Kind() == reflect.Struct {
					walk(path+"."+f.name+"[]", ft.Elem(), items)
				} else if items["type"] != "string" {
					t.Errorf("%s.%s: items type %v, want string", path, f.name, items["type"])
				}
			}
		}
	}
	walk("hoist.yaml", reflect.TypeOf(Spec{}), root)
}

func TestJSONSchemaAcceptsGoodFixtures(t *testing.T) {
	sch := compileSchema(t)
	for _, file := range fixtures(t, "good") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemaCheck(t, sch, data); err != nil {
			t.Errorf("%s: schema rejects a good fixture: %v", file, err)
		}
		doc, err := Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		full, err := Marshal(withDefaultsFilled(doc.Spec))
		if err != nil {
			t.Fatal(err)
		}
		if err := schemaCheck(t, sch, full); err != nil {
			t.Errorf("%s: schema rejects the fixture with defaults filled: %v\n%s", file, err, full)
		}
	}
}

// TestJSONSchemaRejectsBadFixtures checks that every bad fixture fails
// Parse or Validate (TestBadFixtures) and that those breaking a rule the
// schema can state also fail the schema.
func TestJSONSchemaRejectsBadFixtures(t *testing.T) {
	schemaCatches := map[string]bool{
		"cache": true, "counts": true, "cpu-memory": true, "database": true, "domains-paths": true,
		"env-secrets": true, "health-check": true, "merge-key": true, "missing-required": true,
		"name": true, "network-arch": true, "port": true, "region-target": true, "static-site": true,
		"unknown-key": true, "version": true, "wrong-types": true, "top-level-list": true,
	}
	sch := compileSchema(t)
	for _, file := range fixtures(t, "bad") {
		name := filepath.Base(file[:len(file)-len(".yaml")])
		if !schemaCatches[name] {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemaCheck(t, sch, data); err == nil {
			t.Errorf("%s: schema accepts it, want a schema error", file)
		}
	}
}
