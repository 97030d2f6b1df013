package dockerrules

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/rogpeppe/go-internal/txtar"
)

// generatedDockerfile is one Dockerfile Hoist writes, from the goldens of
// the packages that generate them.
type generatedDockerfile struct {
	name         string
	data         []byte
	dockerignore []byte
}

// hoistDockerfiles collects the golden Dockerfiles of internal/artifact
// and the Dockerfiles inside the `hoist init` txtar goldens of
// internal/cli, each with the .dockerignore init wrote for its context.
func hoistDockerfiles(t testing.TB) []generatedDockerfile {
	t.Helper()
	var out []generatedDockerfile
	files, err := filepath.Glob("../../artifact/testdata/dockerfile/*.Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The artifact goldens keep one .dockerignore per ecosystem
		// (node.dockerignore); pair each Dockerfile with its own.
		lang, _, _ := strings.Cut(filepath.Base(f), "-")
		lang = strings.TrimSuffix(lang, ".Dockerfile")
		ignore, err := os.ReadFile("../../artifact/testdata/dockerignore/" + lang + ".dockerignore")
		if err != nil {
			ignore = nil
		}
		out = append(out, generatedDockerfile{name: f, data: data, dockerignore: ignore})
	}
	archives, err := filepath.Glob("../../cli/testdata/init/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string][]byte{}
		for _, f := range ar.Files {
			byName[f.Name] = f.Data
		}
		for _, f := range ar.Files {
			if path.Base(f.Name) != "Dockerfile" {
				continue
			}
			ignore, ok := byName[path.Join(path.Dir(f.Name), ".dockerignore")]
			if !ok {
				ignore = byName[".dockerignore"]
			}
			out = append(out, generatedDockerfile{name: a + ":" + f.Name, data: f.Data, dockerignore: ignore})
		}
	}
	if len(out) < 40 {
		t.Fatalf("found %d Hoist-generated Dockerfiles, want at least 40: have the goldens moved?", len(out))
	}
	return out
}

// TestHoistDockerfilesHaveNoHighFindings runs every rule over every
// Dockerfile Hoist generates: what Hoist writes must pass its own checks
// at high and critical severity.
func TestHoistDockerfilesHaveNoHighFindings(t *testing.T) {
	rules := Rules()
	for _, g := range hoistDockerfiles(t) {
		d, err := Parse(g.name, g.data, g.dockerignore)
		if err != nil {
			t.Errorf("Parse(%s): %v", g.name, err)
			continue
		}
		for _, r := range rules {
			for _, f := range r.Check(d) {
				msg := fmt.Sprintf("%s:%d: %s %s: %s", g.name, f.Line, r.ID, r.Severity, f.Message)
				if r.Severity >= rule.High {
					t.Errorf("got %s, want no high or critical finding in a Dockerfile Hoist generates", msg)
				} else if testing.Verbose() {
					t.Log(msg)
				}
			}
		}
	}
}
