package cdkout

import (
	"os"
	"strings"
	"testing"
)

// FuzzManifest feeds arbitrary bytes to ParseManifest: it must never
// panic, an error must name the file and say it is not a cloud assembly
// manifest, and an accepted manifest lists only stacks with a template
// file and nested assemblies with a folder, both inside the assembly.
func FuzzManifest(f *testing.F) {
	if data, err := os.ReadFile("testdata/app/manifest.json"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		`{"version": "38.0.1"}`,
		`{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "A.template.json"}}}}`,
		`{"version": "1", "artifacts": {"S": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-S", "displayName": "S"}}}}`,
		`{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "../../etc/passwd"}}}}`,
		`{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": []}}}`,
		`{"version": 1, "artifacts": null}`,
		`{"artifacts": {"A": 1}}`,
		"[\n{",
		"\xff\x00",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest("cdk.out/manifest.json", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "cdk.out/manifest.json") || !strings.Contains(msg, "not a cloud assembly manifest: ") {
				t.Fatalf("ParseManifest(%q): got error %q, want one naming the file", data, msg)
			}
			return
		}
		for _, s := range m.Stacks {
			if s.Name == "" || checkPath(s.TemplateFile) != nil {
				t.Fatalf("ParseManifest(%q): got stack %+v, want a name and a template inside the folder", data, s)
			}
		}
		for _, a := range m.Assemblies {
			if a.Name == "" || checkPath(a.Directory) != nil {
				t.Fatalf("ParseManifest(%q): got nested assembly %+v, want a name and a folder inside", data, a)
			}
		}
	})
}
