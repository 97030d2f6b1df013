package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
)

// FuzzImport feeds arbitrary bytes to the importer: it must never panic,
// every problem must carry the file name, and a template it accepts must
// have a graph with located resources.
func FuzzImport(f *testing.F) {
	goldens, _ := filepath.Glob("../../render/cloudformation/testdata/*.template.yaml")
	for _, g := range goldens {
		if data, err := os.ReadFile(g); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		conditional,
		withProp("!GetAtt [A, !Ref L]"),
		withProp(`!Sub ["${A}", {A: !If [C, !Ref AWS::NoValue, x]}]`),
		"Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties: !If [C, {A: 1}, {}]\n",
		"Resources: &a\n  R: *a\n",
		"a: &a [*a, *a]\nResources: *a\n",
		"Resources:\n  R:\n    Type: !Ref X\n    DependsOn: [!Ref A, [b]]\n",
		"{\"Resources\": {\"R\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"X\": {\"Fn::Join\": [1, 2]}}}}}",
		"Conditions:\n  A: !And [!Condition B, !Condition A]\n  B: !Or [!Condition A]\nResources:\n  R:\n    Type: T\n    Condition: A\n",
		"Outputs:\n  O:\n    Value: !Select [-1, []]\n    Export: x\n",
		"Resources:\n  R:\n    Type: T\n    Properties:\n      ? !Ref x\n      : !Foo\n",
		"- [",
		"\t\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, keep := range []bool{false, true} {
			tpl, err := Parse("f.yaml", data, Options{KeepConditions: keep, Region: "us-east-1"})
			if err != nil {
				if !strings.HasPrefix(err.Error(), "f.yaml") {
					t.Fatalf("error without the file name: %v", err)
				}
				return
			}
			for _, p := range tpl.Problems {
				if p.Loc.File != "f.yaml" || p.Message == "" || (p.Severity != SeverityError && p.Severity != SeverityWarning) {
					t.Fatalf("bad problem %+v", p)
				}
			}
			for _, r := range tpl.Graph.Resources {
				if r.Loc.Line == 0 || r.Origin.Kind != ir.FromCloudFormation {
					t.Fatalf("resource %q without location or origin", r.ID)
				}
			}
		}
	})
}
