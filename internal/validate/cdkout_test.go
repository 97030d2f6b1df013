package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCDKOut(t *testing.T) {
	fixtures := filepath.Join("..", "importer", "cdkout", "testdata")
	tests := []struct {
		name      string
		path      string
		wantFiles []string
		want      []string // findings, the fixture folder written as F
	}{
		{
			name:      "valid assembly: BootstrapVersion and CheckBootstrapVersion pass",
			path:      filepath.Join(fixtures, "app"),
			wantFiles: []string{"F/app/App.template.json"},
		},
		{
			name:      "seeded mistake, reported once at the template's line",
			path:      filepath.Join(fixtures, "bad"),
			wantFiles: []string{"F/bad/App.template.json"},
			want:      []string{`F/bad/App.template.json:15:5: error: Bucket83908E77.Properties: unknown property "VersioningConfig" [cfn-unknown-property]`},
		},
		{
			name:      "manifest named alone",
			path:      filepath.Join(fixtures, "bad", "manifest.json"),
			wantFiles: []string{"F/bad/manifest.json"},
			want:      []string{`F/bad/App.template.json:15:5: error: Bucket83908E77.Properties: unknown property "VersioningConfig" [cfn-unknown-property]`},
		},
		{
			name:      "both folders",
			path:      fixtures,
			wantFiles: []string{"F/app/App.template.json", "F/bad/App.template.json"},
			want:      []string{`F/bad/App.template.json:15:5: error: Bucket83908E77.Properties: unknown property "VersioningConfig" [cfn-unknown-property]`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Path(tt.path, Options{})
			if err != nil {
				t.Fatalf("Path(%s): got error %v, want none", tt.path, err)
			}
			clean := func(s string) string { return strings.ReplaceAll(filepath.ToSlash(s), filepath.ToSlash(fixtures), "F") }
			var files, got []string
			for _, f := range rep.Files {
				files = append(files, clean(f))
			}
			for _, f := range rep.Findings {
				got = append(got, clean(f.String()))
			}
			if strings.Join(files, "\n") != strings.Join(tt.wantFiles, "\n") {
				t.Errorf("Path(%s): got files %q, want %q", tt.path, files, tt.wantFiles)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Path(%s): got findings\n%s\nwant\n%s", tt.path, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCDKOutManifestProblems(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		want     string // the finding, the folder written as D
	}{
		{
			name:     "broken JSON",
			manifest: "{\"version\": \"1\", \"artifacts\": {\"A\": {\"type\": \"aws:cloudformation:stack\",}}}",
			want:     `D/manifest.json:1:73: error: not a cloud assembly manifest: invalid JSON: invalid character '}' looking for beginning of object key string [cdk-manifest]`,
		},
		{
			name:     "template missing",
			manifest: `{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "A.template.json"}}}}`,
			want:     `D/manifest.json: error: stack "A": cannot read template "A.template.json": no such file or directory [cdk-manifest]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(tt.manifest), 0o644); err != nil {
				t.Fatal(err)
			}
			rep, err := Path(dir, Options{})
			if err != nil {
				t.Fatalf("%s: got error %v, want a finding", tt.name, err)
			}
			var got []string
			for _, f := range rep.Findings {
				got = append(got, strings.ReplaceAll(f.String(), dir, "D"))
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("%s: got findings %q, want [%q]", tt.name, got, tt.want)
			}
		})
	}
}

func TestCDKOutDetect(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             Match
	}{
		{"stack manifest", "cdk.out/manifest.json", `{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "A.json"}}}}`, Sure},
		{"broken stack manifest", "cdk.out/manifest.json", `{"artifacts": {"A": {"type": "aws:cloudformation:stack"`, Sure},
		{"web app manifest", "public/manifest.json", `{"name": "x", "icons": []}`, No},
		{"assembly without stacks", "cdk.out/manifest.json", `{"version": "1", "artifacts": {}}`, No},
		{"other name", "cdk.out/App.template.json", `{"version": "1", "artifacts": {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "A.json"}}}}`, No},
	}
	for _, tt := range tests {
		if got := (cdkOut{}).Detect(tt.file, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%s): got %d, want %d", tt.name, got, tt.want)
		}
	}
}
