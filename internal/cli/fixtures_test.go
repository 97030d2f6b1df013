package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/dockerlint"
	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/spec"
	"github.com/hoist-dev/hoist/internal/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestInitEveryFixture runs what `hoist init` would write for every
// detection fixture (one per ecosystem and framework) and keeps all of it in
// one golden txtar per fixture. It also checks, for each: the hoist.yaml is
// valid, every Dockerfile lints clean with BuildKit's linter, and the output
// is deterministic.
func TestInitEveryFixture(t *testing.T) {
	const repos = "../detect/testdata/repos"
	entries, err := os.ReadDir(repos)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(repos, name)
			first := initArchive(t, dir)
			if again := initArchive(t, dir); string(again) != string(first) {
				t.Fatalf("%s: two runs gave different output", name)
			}
			golden.Assert(t, filepath.Join("testdata", "init", name+".txtar"), first)
		})
	}
}

func initArchive(t *testing.T, dir string) []byte {
	t.Helper()
	a, err := detect.Analyze(dir)
	if err != nil {
		return []byte("error: " + err.Error() + "\n")
	}
	sp, notes := specFromAnalysis(a, dir)
	data, err := spec.Marshal(sp)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := spec.Parse("hoist.yaml", data)
	if err != nil {
		t.Fatalf("generated hoist.yaml does not load: %v\n%s", err, data)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Errorf("generated hoist.yaml is invalid: %v\n%s", errs, data)
	}
	files, fileNotes, err := artifactFiles(a, sp, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	ar := &txtar.Archive{Comment: []byte(strings.Join(append(notes, fileNotes...), "\n"))}
	ar.Files = append(ar.Files, txtar.File{Name: "hoist.yaml", Data: data})
	for _, f := range files {
		if filepath.Base(f.Path) == "Dockerfile" {
			ws, err := dockerlint.Lint(f.Path, f.Content)
			if err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
			for _, w := range ws {
				t.Errorf("%s: BuildKit lint: %+v", f.Path, w)
			}
		}
		ar.Files = append(ar.Files, txtar.File{Name: f.Path, Data: f.Content})
	}
	return txtar.Format(ar)
}

// TestIaCForEveryFixture compiles the hoist.yaml `init` writes for every
// detection fixture to CloudFormation and Terraform and validates both
// offline: real-world-shaped specs (workers, static sites, several
// databases) must expand and render cleanly, not only the expansion's own
// test specs.
func TestIaCForEveryFixture(t *testing.T) {
	const repos = "../detect/testdata/repos"
	entries, err := os.ReadDir(repos)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(repos, name)
			a, err := detect.Analyze(dir)
			if err != nil {
				t.Skipf("no services: %v", err)
			}
			sp, _ := specFromAnalysis(a, dir)
			for _, format := range []string{"cloudformation", "terraform"} {
				files, err := iacFiles(sp, format, "")
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				switch format {
				case "cloudformation":
					for _, f := range validate.CloudFormation(f0(files).Path, f0(files).Content, validate.Options{}) {
						if f.Severity == "error" {
							t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)
						}
					}
				case "terraform":
					var vf []validate.File
					for _, f := range files {
						vf = append(vf, validate.File{Path: f.Path, Data: f.Content})
					}
					for _, f := range validate.Terraform(vf, validate.Options{}) {
						if f.Severity == "error" {
							t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)
						}
					}
				}
			}
		})
	}
}

func f0(files []filewrite.File) filewrite.File { return files[0] }
