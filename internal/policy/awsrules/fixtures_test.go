package awsrules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// wantRe matches the expectation comment that ends a fixture line.
var wantRe = regexp.MustCompile(`#\s*want:\s*([A-Z0-9-]+(?:\s*,\s*[A-Z0-9-]+)*)\s*$`)

// importers read one fixture file into a graph, by extension.
var importers = map[string]func(file string, data []byte) (*ir.Graph, error){
	".yaml": importCFN,
	".json": importCFN,
	".tf":   importTF,
}

func importTF(file string, data []byte) (*ir.Graph, error) {
	// The importer reads files as one folder: name the file alone.
	g, probs, err := terraform.ImportFiles(map[string][]byte{filepath.Base(file): data}, terraform.Options{})
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		if p.Severity == "error" {
			return nil, fmt.Errorf("%v", p)
		}
	}
	return g, nil
}

func importCFN(file string, data []byte) (*ir.Graph, error) {
	g, probs, err := cloudformation.Import(file, data, cloudformation.Options{})
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		if p.Severity == cloudformation.SeverityError {
			return nil, fmt.Errorf("%v", p)
		}
	}
	return g, nil
}

// run applies one rule to every resource of g and returns the lines of
// the findings, as "line: ID".
func run(r rule.AWS, g *ir.Graph) []string {
	c := rule.NewContext(g, false)
	var out []string
	for _, res := range g.Resources {
		if !slices.Contains(r.Types, res.Type) {
			continue
		}
		for _, v := range r.Check(c, res) {
			out = append(out, fmt.Sprintf("%d: %s", violationLine(res, v.Path), r.ID))
		}
	}
	sort.Strings(out)
	return out
}

// violationLine finds the line of the deepest entry along path that
// exists, falling back to the resource.
func violationLine(res *ir.Resource, path string) int {
	line := res.Loc.Line
	var cur ir.Value = res.Properties
	if path == "" {
		return line
	}
	for _, part := range strings.Split(path, ".") {
		switch x := cur.(type) {
		case *ir.Map:
			e, ok := x.Entry(part)
			if !ok {
				return line
			}
			if e.Loc.Line > 0 {
				line = e.Loc.Line
			}
			cur = e.Value
		case *ir.List:
			var i int
			if _, err := fmt.Sscan(part, &i); err != nil || i < 0 || i >= len(x.Items) {
				return line
			}
			cur = x.Items[i]
			if m, ok := cur.(*ir.Map); ok && m.Loc.Line > 0 {
				line = m.Loc.Line
			}
		default:
			return line
		}
	}
	return line
}

// wants reads the "# want:" comments of a fixture for rule id.
func wants(data []byte, id string) []string {
	var out []string
	for i, l := range strings.Split(string(data), "\n") {
		m := wantRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for _, w := range strings.Split(m[1], ",") {
			if strings.TrimSpace(w) == id {
				out = append(out, fmt.Sprintf("%d: %s", i+1, id))
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestFixtures runs every rule over its fixture folder: each fail.* file
// must give exactly the findings its "# want:" comments name, each pass.*
// file none. Every rule must have a failing and a passing case in both
// CloudFormation and Terraform.
func TestFixtures(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			ents, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("rule %s has no fixture folder: %v", r.ID, err)
			}
			have := map[string]bool{}
			for _, e := range ents {
				name := e.Name()
				ext := filepath.Ext(name)
				kind := strings.TrimSuffix(name, ext)
				if kind != "fail" && kind != "pass" {
					continue
				}
				imp, ok := importers[ext]
				if !ok {
					continue
				}
				have[name] = true
				path := filepath.Join(dir, name)
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				g, err := imp(path, data)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				got, want := run(r, g), wants(data, r.ID)
				if kind == "fail" && len(want) == 0 {
					t.Errorf("%s: no # want: %s comment", path, r.ID)
				}
				if kind == "pass" && len(want) != 0 {
					t.Errorf("%s: a pass fixture wants findings", path)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: got findings %v, want %v", path, got, want)
				}
			}
			for _, need := range []string{"fail.yaml", "pass.yaml", "fail.tf", "pass.tf"} {
				if !have[need] {
					t.Errorf("rule %s: missing %s", r.ID, filepath.Join(dir, need))
				}
			}
		})
	}
}

// TestRegistry checks IDs are unique and every rule is documented and
// mapped.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		if !regexp.MustCompile(`^HOIST-[A-Z0-9]+-\d{3}$`).MatchString(r.ID) {
			t.Errorf("%s: ID must look like HOIST-S3-001", r.ID)
		}
		if r.Title == "" || r.Rationale == "" || r.Remediation == "" || r.FixCloudFormation == "" || r.FixTerraform == "" {
			t.Errorf("%s: title, rationale, remediation and both fixes are required", r.ID)
		}
		if len(r.NIST) == 0 {
			t.Errorf("%s: no NIST 800-53 control", r.ID)
		}
		if len(r.Types) == 0 || r.Check == nil {
			t.Errorf("%s: no types or no check", r.ID)
		}
	}
}
