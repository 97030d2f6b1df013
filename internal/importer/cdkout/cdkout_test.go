package cdkout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
)

// summary prints what Import returned: stacks, their resources with
// positions, references and problems.
func summary(stacks []Stack) string {
	var b strings.Builder
	for _, s := range stacks {
		fmt.Fprintf(&b, "stack %s (%s)\n", s.Name, filepath.ToSlash(s.TemplateFile))
		for _, p := range s.Graph.Parameters {
			fmt.Fprintf(&b, "  parameter %s %s\n", p.Name, p.Type)
		}
		for _, r := range s.Graph.Resources {
			loc := r.Loc
			loc.File = filepath.ToSlash(loc.File)
			fmt.Fprintf(&b, "  resource %s %s at %s", r.ID, r.Type, loc)
			if r.Condition != "" {
				fmt.Fprintf(&b, " if %s", r.Condition)
			}
			b.WriteString("\n")
			refs(&b, r.Properties, "")
		}
		for _, p := range s.Problems {
			fmt.Fprintf(&b, "  problem %s\n", p)
		}
	}
	return b.String()
}

// refs prints the Ref and GetAtt values under v with where they sit.
func refs(b *strings.Builder, v ir.Value, path string) {
	switch x := v.(type) {
	case *ir.Map:
		if x == nil {
			return
		}
		for _, e := range x.Entries {
			refs(b, e.Value, path+"."+e.Key)
		}
	case *ir.List:
		for i, it := range x.Items {
			refs(b, it, fmt.Sprintf("%s[%d]", path, i))
		}
	case ir.Join:
		for i, it := range x.Items {
			refs(b, it, fmt.Sprintf("%s.Join[%d]", path, i))
		}
	case ir.Ref:
		fmt.Fprintf(b, "    %s: Ref %s\n", path, x.Target)
	case ir.GetAtt:
		fmt.Fprintf(b, "    %s: GetAtt %s.%s\n", path, x.Target, x.Attr)
	}
}

func TestImportFixtures(t *testing.T) {
	for _, name := range []string{"app", "bad"} {
		t.Run(name, func(t *testing.T) {
			stacks, err := Import(filepath.Join("testdata", name))
			if err != nil {
				t.Fatalf("Import(testdata/%s): got error %v, want none", name, err)
			}
			golden.Assert(t, filepath.Join("testdata", name+".golden"), []byte(summary(stacks)))
		})
	}
}

// writeTree writes files (path -> content) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const queueTemplate = `{"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}`

func stackArtifact(name, file string) string {
	return fmt.Sprintf(`%q: {"type": "aws:cloudformation:stack", "displayName": %q, "properties": {"templateFile": %q}}`, name, name, file)
}

func TestImportStacks(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // stack name and template file, relative
	}{
		{
			name: "sorted by name",
			files: map[string]string{
				"manifest.json":      `{"version": "38.0.1", "artifacts": {` + stackArtifact("Web", "Web.template.json") + `, ` + stackArtifact("Data", "Data.template.json") + `}}`,
				"Web.template.json":  queueTemplate,
				"Data.template.json": queueTemplate,
			},
			want: []string{"Data Data.template.json", "Web Web.template.json"},
		},
		{
			name: "nested assembly followed one level",
			files: map[string]string{
				"manifest.json": `{"version": "38.0.1", "artifacts": {
					"assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}},
					` + stackArtifact("Top", "Top.template.json") + `}}`,
				"Top.template.json":                    queueTemplate,
				"assembly-Prod/manifest.json":          `{"version": "38.0.1", "artifacts": {"ProdApp": {"type": "aws:cloudformation:stack", "displayName": "Prod/App", "properties": {"templateFile": "ProdApp.template.json"}}, "assembly-Deeper": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Deeper"}}}}`,
				"assembly-Prod/ProdApp.template.json":  queueTemplate,
				"assembly-Prod/assembly-Deeper/x.json": "not read",
			},
			want: []string{"Prod/App assembly-Prod/ProdApp.template.json", "Top Top.template.json"},
		},
		{
			name: "no displayName: the artifact ID; other artifacts skipped",
			files: map[string]string{
				"manifest.json":   `{"version": "38.0.1", "artifacts": {"Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}, "S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.template.json"}}}}`,
				"S.template.json": queueTemplate,
			},
			want: []string{"S S.template.json"},
		},
		{
			name:  "no artifacts",
			files: map[string]string{"manifest.json": `{"version": "38.0.1"}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			stacks, err := Import(dir)
			if err != nil {
				t.Fatalf("Import(%s): got error %v, want none", tt.name, err)
			}
			var got []string
			for _, s := range stacks {
				rel, _ := filepath.Rel(dir, s.TemplateFile)
				got = append(got, s.Name+" "+filepath.ToSlash(rel))
				if len(s.Graph.Resources) != 1 || s.Graph.Resources[0].Loc.File != s.TemplateFile {
					t.Errorf("%s: stack %s: got resources %v, want one located in %s", tt.name, s.Name, s.Graph.Resources, s.TemplateFile)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s: got stacks %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error, with the folder written as DIR
	}{
		{"no manifest", map[string]string{"x.json": "{}"}, "DIR/manifest.json: no such file: not a cloud assembly (the output folder of cdk synth)"},
		{"broken JSON", map[string]string{"manifest.json": "{\n  \"version\": \"1\",\n  \"artifacts\": {,}\n}"}, "DIR/manifest.json:3:17: not a cloud assembly manifest: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"a list", map[string]string{"manifest.json": "[1]"}, "DIR/manifest.json:1:1: not a cloud assembly manifest: got array, want an object"},
		{"no version", map[string]string{"manifest.json": `{"artifacts": {}}`}, `DIR/manifest.json: not a cloud assembly manifest: no "version" key`},
		{"artifacts not a map", map[string]string{"manifest.json": `{"version": "1", "artifacts": []}`}, "DIR/manifest.json:1:31: not a cloud assembly manifest: artifacts: got array, want an object"},
		{"type not a string", map[string]string{"manifest.json": `{"version": "1", "artifacts": {"A": {"type": 3}}}`}, `DIR/manifest.json: not a cloud assembly manifest: artifact "A": type: got number, want string`},
		{"no templateFile", map[string]string{"manifest.json": `{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack"}}}`}, `DIR/manifest.json: not a cloud assembly manifest: stack "A": properties.templateFile is missing`},
		{"templateFile outside", map[string]string{"manifest.json": `{"version": "1", "artifacts": {` + stackArtifact("A", "../A.json") + `}}`}, `DIR/manifest.json: not a cloud assembly manifest: stack "A": properties.templateFile "../A.json" is outside the assembly's folder`},
		{"directoryName absolute", map[string]string{"manifest.json": `{"version": "1", "artifacts": {"S": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "/etc"}}}}`}, `DIR/manifest.json: not a cloud assembly manifest: nested assembly "S": properties.directoryName "/etc" is outside the assembly's folder`},
		{"template missing", map[string]string{"manifest.json": `{"version": "1", "artifacts": {` + stackArtifact("A", "A.template.json") + `}}`}, `DIR/manifest.json: stack "A": cannot read template DIR/A.template.json: no such file or directory`},
		{"template broken", map[string]string{"manifest.json": `{"version": "1", "artifacts": {` + stackArtifact("A", "A.template.json") + `}}`, "A.template.json": "[1, 2]"}, "DIR/A.template.json:1:1: template is a list, want a mapping with a Resources key"},
		{"nested manifest missing", map[string]string{"manifest.json": `{"version": "1", "artifacts": {"S": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-S"}}}}`}, "DIR/assembly-S/manifest.json: no such file: not a cloud assembly (the output folder of cdk synth)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			stacks, err := Import(dir)
			if err == nil {
				t.Fatalf("Import(%s): got %d stacks and no error, want %q", tt.name, len(stacks), tt.want)
			}
			if got := strings.ReplaceAll(err.Error(), dir, "DIR"); got != tt.want {
				t.Errorf("Import(%s): got error\n  %s\nwant\n  %s", tt.name, got, tt.want)
			}
		})
	}
}
