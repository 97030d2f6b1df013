package detect

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func itoaPort(p int) string { return strconv.Itoa(p) }

func TestStaticDetect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // path framework output, per service
	}{
		{
			name: "index.html in a node app's public folder is not a site",
			files: map[string]string{
				"package.json":      `{"name":"app"}`,
				"public/index.html": "<html></html>",
			},
		},
		{
			name: "index.html beside a go module is not a site",
			files: map[string]string{
				"go.mod":           "module x\n",
				"web/index.html":   "<html></html>",
				"web/css/site.css": "body{}",
			},
		},
		{
			name: "folder with a script is not plain HTML",
			files: map[string]string{
				"index.html": "<html></html>",
				"build.sh":   "echo",
			},
		},
		{
			name: "plain site in a sub-folder covers its assets",
			files: map[string]string{
				"site/index.html":      "<html></html>",
				"site/docs/index.html": "<html></html>",
				"site/assets/app.js":   "1",
				"site/.github/ci.yml":  "on: push",
			},
			want: "site  .",
		},
		{
			name: "hugo with config.toml, content and layouts",
			files: map[string]string{
				"config.toml":        "baseURL = 'https://x/'\n",
				"content/_index.md":  "hi",
				"layouts/index.html": "<html></html>",
			},
			want: ". hugo public",
		},
		{
			name: "config.toml and content alone is not hugo",
			files: map[string]string{
				"config.toml":  "name = 'x'\n",
				"content/a.md": "hi",
			},
		},
		{
			name: "github pages jekyll without Gemfile",
			files: map[string]string{
				"_config.yml":     "destination: out\n",
				"_layouts/a.html": "x",
			},
			want: ". jekyll out",
		},
		{
			name: "_config.yml with a Gemfile without jekyll is not jekyll",
			files: map[string]string{
				"_config.yml": "x: 1\n",
				"Gemfile":     "gem 'rails'\n",
			},
		},
		{
			name: "mkdocs output outside the folder is ignored",
			files: map[string]string{
				"mkdocs.yml": "site_name: x\nsite_dir: ../out\n",
			},
			want: ". mkdocs site",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := AnalyzeWith(writeTree(t, tt.files), []Detector{staticDetector{}})
			if tt.want == "" {
				if !errors.Is(err, ErrNoServices) {
					var got []string
					if a != nil {
						for _, s := range a.Services {
							got = append(got, s.Path)
						}
					}
					t.Fatalf("%s: got services %v (err %v), want none", tt.name, got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range a.Services {
				got = append(got, strings.Join([]string{s.Path, s.Framework, s.Build.OutputDir}, " "))
				if s.Kind != KindStatic || s.Language != "static" {
					t.Errorf("%s: got kind %q language %q, want static static", tt.name, s.Kind, s.Language)
				}
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
