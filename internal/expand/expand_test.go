package expand

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
	"github.com/hoist-dev/hoist/internal/spec"
)

// loadSpec reads and validates a test spec.
func loadSpec(t testing.TB, path string) *spec.Spec {
	t.Helper()
	doc, err := spec.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Fatalf("%s is invalid: %v", path, errs)
	}
	return doc.Spec
}

// TestExpandSpecs expands every spec under testdata/specs, snapshots the IR
// (testdata/specs/<name>.ir.json), and checks every resource against AWS's
// resource schema: known type, known properties, required ones present,
// right shapes; and that every reference resolves.
func TestExpandSpecs(t *testing.T) {
	paths, err := filepath.Glob("testdata/specs/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no specs under testdata/specs")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			s := loadSpec(t, p)
			res, err := Expand(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res.Graph.Resources {
				props, _ := ir.Plain(r.Properties).(map[string]any)
				if props == nil {
					props = map[string]any{}
				}
				for _, prob := range cfn.CheckProperties(r.Type, props) {
					t.Errorf("%s (%s): %s: %s", r.ID, r.Type, prob.Path, prob.Message)
				}
				for _, ref := range ir.References(r.Properties) {
					if ref.Attr == "" || ir.IsPseudo(ref.Target) {
						continue
					}
					target := res.Graph.Resource(ref.Target)
					if target != nil && !cfn.HasAttribute(target.Type, ref.Attr) {
						t.Errorf("%s: GetAtt %s.%s: %s has no attribute %q", r.ID, ref.Target, ref.Attr, target.Type, ref.Attr)
					}
				}
			}
			again, err := Expand(s)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(t, res)
			if string(dump(t, again)) != string(got) {
				t.Fatal("two expansions of the same spec differ")
			}
			golden.Assert(t, filepath.Join("testdata", "specs", name+".ir.json"), got)
		})
	}
}

// dump renders the IR as stable JSON for golden files.
func dump(t testing.TB, res *Result) []byte {
	t.Helper()
	type resource struct {
		ID                  string   `json:"id"`
		Type                string   `json:"type"`
		Origin              string   `json:"origin"`
		Comment             string   `json:"comment,omitempty"`
		DependsOn           []string `json:"depends_on,omitempty"`
		DeletionPolicy      string   `json:"deletion_policy,omitempty"`
		UpdateReplacePolicy string   `json:"update_replace_policy,omitempty"`
		Properties          any      `json:"properties"`
	}
	type output struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Value       any    `json:"value"`
	}
	var out struct {
		Resources []resource     `json:"resources"`
		Outputs   []output       `json:"outputs"`
		Defaults  []spec.Default `json:"defaults"`
	}
	for _, r := range res.Graph.Resources {
		out.Resources = append(out.Resources, resource{r.ID, r.Type, r.Origin.Source, r.Comment, r.DependsOn, r.DeletionPolicy, r.UpdateReplacePolicy, ir.Plain(r.Properties)})
	}
	for _, o := range res.Graph.Outputs {
		out.Outputs = append(out.Outputs, output{o.Name, o.Description, ir.Plain(o.Value)})
	}
	out.Defaults = res.Defaults
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

func TestID(t *testing.T) {
	for in, want := range map[string]string{"api": "Api", "my-api_v2": "MyApiV2", "a.b c": "ABC"} {
		if got := ID(in, ""); got != want {
			t.Errorf("ID(%q): got %q, want %q", in, got, want)
		}
	}
	if got := ID("api", "Service"); got != "ApiService" {
		t.Errorf("ID(api, Service): got %q", got)
	}
}
