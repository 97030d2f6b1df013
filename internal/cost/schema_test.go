package cost

import (
	"bytes"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// validateJSON checks a JSON report against schema.json.
func validateJSON(t testing.TB, data []byte) {
	t.Helper()
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("schema.json", doc); err != nil {
			schemaErr = err
			return
		}
		schema, schemaErr = c.Compile("schema.json")
	})
	if schemaErr != nil {
		t.Fatalf("schema.json: %v", schemaErr)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	if err := schema.Validate(v); err != nil {
		t.Errorf("report does not match schema.json: %v", err)
	}
}

// TestSchemaRejects makes sure the schema is not vacuous.
func TestSchemaRejects(t *testing.T) {
	bad := []string{
		`{}`,
		`{"format_version":"1","currency":"USD","prices_as_of":"2026-11-26","region":"us-east-1","total_monthly_cost":12.5,"resources":[],"unsupported":[],"savings":[],"warnings":[]}`,
		`{"format_version":"1","currency":"USD","prices_as_of":"2026-11-26","region":"us-east-1","total_monthly_cost":"1","resources":null,"unsupported":[],"savings":[],"warnings":[]}`,
		`{"format_version":"1","currency":"USD","prices_as_of":"2026-11-26","region":"us-east-1","total_monthly_cost":"1","past_total_monthly_cost":"1","resources":[],"unsupported":[],"savings":[],"warnings":[]}`,
	}
	for _, b := range bad {
		schemaOnce.Do(func() {})
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
		c := jsonschema.NewCompiler()
		if err := c.AddResource("schema.json", doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile("schema.json")
		if err != nil {
			t.Fatal(err)
		}
		v, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(b)))
		if s.Validate(v) == nil {
			t.Errorf("schema accepts %s", b)
		}
	}
}
