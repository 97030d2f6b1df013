package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// run calls Main in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "NO_COLOR": "1"}
	code := Main(args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, func(k string) string { return env[k] })
	return out.String(), errOut.String(), code
}

// TestJSONOutputsMatchSchemas runs every command with -o json and validates
// what it prints against the schema `hoist schema NAME` publishes.
func TestJSONOutputsMatchSchemas(t *testing.T) {
	tmp := t.TempDir()
	// init writes into its target: work on a copy of an example.
	copyTree(t, "../../examples/node-express", filepath.Join(tmp, "app"))
	specCopy := filepath.Join(tmp, "hoist.yaml")
	data, err := os.ReadFile("../expand/testdata/specs/compute-express-with-db.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specCopy, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		schema string
		args   []string
	}{
		{"version", []string{"version", "-o", "json"}},
		{"analyze", []string{"analyze", "../../examples/go-api", "-o", "json"}},
		{"analyze", []string{"analyze", "../../examples/monorepo", "-o", "json"}},
		{"init", []string{"init", filepath.Join(tmp, "app"), "--dry-run", "-o", "json"}},
		{"init", []string{"init", filepath.Join(tmp, "app"), "-o", "json"}},
		{"generate", []string{"generate", "dockerfile", "../../examples/python-fastapi", "-o", "json"}},
		{"validate", []string{"validate", "../render/cloudformation/testdata", "-o", "json"}},
		{"cost", []string{"cost", "../expand/testdata/specs/compute-express-with-db.yaml", "-o", "json"}},
		{"cost", []string{"cost", "../cost/testdata/pricers/nat_gateway/template.yaml", "--compare-to", "../cost/testdata/pricers/rds_instance/template.yaml", "-o", "json"}},
		{"check", []string{"check", "../policy/awsrules/testdata/HOIST-SG-004", "-o", "json"}},
		{"check", []string{"check", "../policy/awsrules/testdata/HOIST-SG-004", "--framework", "fedramp-moderate", "--report", "compliance", "-o", "json"}},
		{"new", []string{"new", "an api and a worker that reads from a queue, with postgres", "--out", filepath.Join(tmp, "new"), "-o", "json"}},
		{"change", []string{"change", "add a redis cache", "--spec", specCopy, "-o", "json"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			schemaText, _, code := run(t, "schema", c.schema)
			if code != 0 {
				t.Fatalf("hoist schema %s: exit %d", c.schema, code)
			}
			sch := compile(t, c.schema, schemaText)
			out, stderr, code := run(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr: %s", code, stderr)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("output does not match schema %s: %v", c.schema, err)
			}
		})
	}
}

func TestSchemaSpecAndUnknown(t *testing.T) {
	out, _, code := run(t, "schema", "spec")
	if code != 0 || !strings.Contains(out, `"additionalProperties": false`) {
		t.Errorf("hoist schema spec: exit %d, output %.100q", code, out)
	}
	compile(t, "spec", out)
	_, stderr, code := run(t, "schema", "nope")
	if code != ExitUsage || !strings.Contains(stderr, `unknown schema "nope"; known: analyze, change, check, cost, generate, init, new, prices, spec, validate, version`) {
		t.Errorf("hoist schema nope: got exit %d and %q", code, stderr)
	}
}

func compile(t *testing.T, name, text string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		t.Fatalf("schema %s is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name+".json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name + ".json")
	if err != nil {
		t.Fatalf("schema %s does not compile: %v", name, err)
	}
	return sch
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
