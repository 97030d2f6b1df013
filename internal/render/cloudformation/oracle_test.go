package cloudformation_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/oracle"
	"github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/spec"
)

// TestBlueprintsRenderValidTemplates renders every expansion test spec to
// CloudFormation, keeps each template as a golden file, and runs AWS's own
// offline validator over all of them: zero errors allowed.
func TestBlueprintsRenderValidTemplates(t *testing.T) {
	specs, err := filepath.Glob("../../expand/testdata/specs/*.yaml")
	if err != nil || len(specs) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	dir := t.TempDir()
	var files []string
	byFile := map[string]string{}
	for _, p := range specs {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		doc, err := spec.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := cloudformation.Render(res.Graph)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, _ := cloudformation.Render(res.Graph)
		if string(again) != string(out) {
			t.Fatalf("%s: two renders differ", name)
		}
		golden.Assert(t, filepath.Join("testdata", name+".template.yaml"), out)
		f := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(f, out, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		byFile[f] = name
	}
	for _, f := range oracle.ValidateCloudFormation(t, files...) {
		msg := byFile[f.File] + ":" + strconv.Itoa(f.Line) + ": " + f.Level + " " + f.Rule + " " + f.Resource + " " + f.Path + ": " + f.Message
		switch {
		case f.IsError():
			t.Error(msg)
		case f.Level == "WARN":
			t.Log(msg)
		}
	}
}
