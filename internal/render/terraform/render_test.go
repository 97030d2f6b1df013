package terraform

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/tf/hclcheck"
	"github.com/hoist-dev/hoist/internal/spec"
	"github.com/rogpeppe/go-internal/txtar"
)

const specDir = "../../expand/testdata/specs"

// expandSpec loads, validates and expands one spec of the expansion's
// test suite.
func expandSpec(t *testing.T, path string) *ir.Graph {
	t.Helper()
	doc, err := spec.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Fatalf("%s is invalid: %v", path, errs)
	}
	res, err := expand.Expand(doc.Spec)
	if err != nil {
		t.Fatalf("%s: expand: %v", path, err)
	}
	return res.Graph
}

// archive is the rendered files as one txtar, sorted by name.
func archive(files map[string][]byte) []byte {
	var a txtar.Archive
	for _, name := range ir.SortedKeys(files) {
		a.Files = append(a.Files, txtar.File{Name: name, Data: files[name]})
	}
	return txtar.Format(&a)
}

// unmapped lists the CloudFormation types the expansion produces that the
// renderer does not map yet. A spec that uses one must fail to render
// with an error naming it; mapping the type means deleting it here.
var unmapped = []string{}

// unrenderable lists the specs that need something the AWS provider 6.x
// schema does not have, with the part of the Render error that says what.
// Each must keep failing with that error; making one render means
// deleting it here.
var unrenderable = []struct{ spec, err string }{}

// TestRenderSpecs renders every spec of the expansion's suite, keeps the
// result as a golden txtar (testdata/<spec>.txtar), and checks it: every
// resource and data block against the provider schema, every reference
// against the declared blocks, terraform fmt when a terraform binary is on
// PATH, and that rendering twice gives the same bytes.
func TestRenderSpecs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(specDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no specs under %s", specDir)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			g := expandSpec(t, p)
			var missing []string
			for _, r := range g.Resources {
				if lookupType(r.Type) == nil && !contains(missing, r.Type) {
					missing = append(missing, r.Type)
				}
			}
			files, err := Render(g)
			for _, u := range unrenderable {
				if u.spec != name {
					continue
				}
				if err == nil || !strings.Contains(err.Error(), u.err) {
					t.Errorf("%s: Render error: got %v, want one containing %q", name, err, u.err)
				}
				return
			}
			if len(missing) > 0 {
				for _, typ := range missing {
					if !contains(unmapped, typ) {
						t.Errorf("%s: type %s is neither mapped nor listed in unmapped", name, typ)
					}
					if err == nil || !strings.Contains(err.Error(), typ) {
						t.Errorf("%s: Render error: got %v, want one naming %s", name, err, typ)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: Render: %v", name, err)
			}
			again, err := Render(g)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(archive(files), archive(again)) {
				t.Errorf("%s: two renders differ", name)
			}
			for _, pr := range hclcheck.CheckSchema(files) {
				t.Errorf("%s: schema: %s", name, pr)
			}
			for _, pr := range hclcheck.CheckReferences(files) {
				t.Errorf("%s: reference: %s", name, pr)
			}
			terraformFmt(t, files)
			golden.Assert(t, filepath.Join("testdata", name+".txtar"), archive(files))
		})
	}
}

// terraformFmt runs terraform fmt -check over the files when terraform is
// installed.
func terraformFmt(t *testing.T, files map[string][]byte) {
	t.Helper()
	bin, err := exec.LookPath("terraform")
	if err != nil {
		t.Log("terraform not on PATH: skipping terraform fmt -check")
		return
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "fmt", "-check", "-recursive", "-diff", dir)
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null", "CHECKPOINT_DISABLE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("terraform fmt -check: got %v, want clean:\n%s", err, out)
	}
}

// TestUnmappedListIsCurrent fails when a type in unmapped has since been
// mapped, or is listed twice, so the list stays true.
func TestUnmappedListIsCurrent(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range unmapped {
		if lookupType(typ) != nil {
			t.Errorf("unmapped lists %s, which is now mapped: delete it from the list", typ)
		}
		if seen[typ] {
			t.Errorf("unmapped lists %s twice", typ)
		}
		seen[typ] = true
	}
	if !sort.StringsAreSorted(unmapped) {
		t.Errorf("unmapped: got %v, want it sorted", unmapped)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
