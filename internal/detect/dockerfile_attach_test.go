package detect

import (
	"strings"
	"testing"
)

// TestAttachDockerfile checks where an existing Dockerfile is looked for: the
// service folder first, then the build context when it is another folder
// and the service is the only one built from it.
func TestAttachDockerfile(t *testing.T) {
	member := func(p, ctx string) Service { return Service{Name: p, Path: p, Build: Build{Context: ctx}} }
	tests := []struct {
		name   string
		files  []string  // files of the repository
		svcs   []Service // every service; the first is the one checked
		want   string    // Build.Dockerfile of the first service afterwards
		reason string    // a word of its build evidence, "" for none
	}{
		{"in the service folder", []string{"apps/api/Dockerfile", "Dockerfile"}, []Service{member("apps/api", ".")}, "apps/api/Dockerfile", "kept"},
		{"at the context, one service", []string{"apps/api/main.go", "Dockerfile"}, []Service{member("apps/api", ".")}, "Dockerfile", "only service"},
		{"Containerfile at the context", []string{"apps/api/main.go", "Containerfile"}, []Service{member("apps/api", ".")}, "Containerfile", "only service"},
		{"at a nested context", []string{"svc/app/main.go", "svc/Dockerfile"}, []Service{member("svc/app", "svc")}, "svc/Dockerfile", "only service"},
		{"context shared by two services", []string{"apps/api/main.go", "apps/web/main.go", "Dockerfile"}, []Service{member("apps/api", "."), member("apps/web", ".")}, "", ""},
		{"context shared with a service at the root", []string{"apps/api/main.go", "Dockerfile"}, []Service{member("apps/api", "."), member(".", "")}, "", ""},
		{"context is the service folder, no Dockerfile", []string{"apps/api/main.go", "Dockerfile"}, []Service{member("apps/api", "apps/api")}, "", ""},
		{"no context set, no Dockerfile in the folder", []string{"apps/api/main.go", "Dockerfile"}, []Service{member("apps/api", "")}, "", ""},
		{"context without a Dockerfile", []string{"apps/api/main.go", "README.md"}, []Service{member("apps/api", ".")}, "", ""},
		{"context folder not in the repository", []string{"apps/api/main.go"}, []Service{member("apps/api", "missing")}, "", ""},
		{"already set by the detector", []string{"apps/api/Dockerfile", "Dockerfile"}, []Service{{Name: "api", Path: "apps/api", Build: Build{Context: ".", Dockerfile: "docker/api.Dockerfile"}}}, "docker/api.Dockerfile", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range tc.files {
				files[f] = "x\n"
			}
			repo, err := Scan(writeTree(t, files))
			if err != nil {
				t.Fatal(err)
			}
			contexts := map[string]int{}
			for _, s := range tc.svcs {
				contexts[buildContext(s)]++
			}
			s := tc.svcs[0]
			attachDockerfile(repo, &s, contexts)
			if s.Build.Dockerfile != tc.want {
				t.Errorf("attachDockerfile(%s, files %v): got Dockerfile %q, want %q", tc.name, tc.files, s.Build.Dockerfile, tc.want)
			}
			var reason string
			for _, e := range s.Evidence {
				if e.Field == "build" {
					reason = e.Reason
					if e.File != tc.want {
						t.Errorf("attachDockerfile(%s): got evidence file %q, want %q", tc.name, e.File, tc.want)
					}
				}
			}
			if tc.reason == "" && reason != "" {
				t.Errorf("attachDockerfile(%s): got build evidence %q, want none", tc.name, reason)
			}
			if tc.reason != "" && !strings.Contains(reason, tc.reason) {
				t.Errorf("attachDockerfile(%s): got build evidence %q, want it to mention %q", tc.name, reason, tc.reason)
			}
		})
	}
}

// TestAnalyzeAttachesWorkspaceRootDockerfile runs the whole analysis on
// workspaces whose Dockerfile sits at the root, the members' build context:
// with one service it is that service's; with two it is neither's.
func TestAnalyzeAttachesWorkspaceRootDockerfile(t *testing.T) {
	goMod := func(name string) map[string]string {
		return map[string]string{
			name + "/go.mod":  "module example.com/" + name + "\n\ngo 1.23\n",
			name + "/main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n",
		}
	}
	tests := []struct {
		name  string
		files []map[string]string
		check string // the service whose Dockerfile is checked
		want  string
	}{
		{"go.work, one module", []map[string]string{{"go.work": "go 1.23\n\nuse ./api\n", "Dockerfile": "FROM golang:1.23\n"}, goMod("api")}, "api", "Dockerfile"},
		{"go.work, two modules", []map[string]string{{"go.work": "go 1.23\n\nuse (\n\t./api\n\t./worker\n)\n", "Dockerfile": "FROM golang:1.23\n"}, goMod("api"), goMod("worker")}, "api", ""},
		{"go.work, Dockerfile in the module too", []map[string]string{{"go.work": "go 1.23\n\nuse ./api\n", "Dockerfile": "FROM golang:1.23\n", "api/Dockerfile": "FROM golang:1.23\n"}, goMod("api")}, "api", "api/Dockerfile"},
		{"cargo workspace, one crate", []map[string]string{{
			"Cargo.toml":             "[workspace]\nmembers = [\"crates/api\"]\n",
			"Dockerfile":             "FROM rust:1\n",
			"crates/api/Cargo.toml":  "[package]\nname = \"api\"\nversion = \"0.1.0\"\n\n[dependencies]\naxum = \"0.7\"\n",
			"crates/api/src/main.rs": "fn main() {}\n",
		}}, "crates/api", "Dockerfile"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for _, m := range tc.files {
				for k, v := range m {
					files[k] = v
				}
			}
			an, err := Analyze(writeTree(t, files))
			if err != nil {
				t.Fatal(err)
			}
			var svc *Service
			for i := range an.Services {
				if an.Services[i].Path == tc.check {
					svc = &an.Services[i]
				}
			}
			if svc == nil {
				t.Fatalf("Analyze(%s): got services %v, want one at %s", tc.name, servicePaths(an), tc.check)
			}
			if svc.Build.Context != "." {
				t.Fatalf("Analyze(%s): got build context %q for %s, want the workspace root", tc.name, svc.Build.Context, tc.check)
			}
			if svc.Build.Dockerfile != tc.want {
				t.Errorf("Analyze(%s): got Dockerfile %q for %s, want %q (services %v)", tc.name, svc.Build.Dockerfile, tc.check, tc.want, servicePaths(an))
			}
		})
	}
}

func servicePaths(a *Analysis) []string {
	var out []string
	for _, s := range a.Services {
		out = append(out, s.Path)
	}
	return out
}
