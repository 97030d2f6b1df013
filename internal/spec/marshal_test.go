package spec

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hoist-dev/hoist/internal/golden"
)

func TestMarshalRoundTrip(t *testing.T) {
	for _, file := range fixtures(t, "good") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := Load(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []*Spec{doc.Spec, withDefaultsFilled(doc.Spec)} {
				data, err := Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(data), Header+"\n") {
					t.Errorf("%s: Marshal output starts %q, want the header %q", file, firstLine(data), Header)
				}
				back, err := Parse("roundtrip.yaml", data)
				if err != nil {
					t.Fatalf("%s: Parse(Marshal(s)): %v\n%s", file, err, data)
				}
				if diff := cmp.Diff(s, back.Spec, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s: Parse(Marshal(s)) differs from s (-want +got):\n%s", file, diff)
				}
				again, err := Marshal(back.Spec)
				if err != nil {
					t.Fatal(err)
				}
				if string(again) != string(data) {
					t.Errorf("%s: Marshal is not stable: got\n%s\nwant\n%s", file, again, data)
				}
			}
		})
	}
}

func TestMarshalGolden(t *testing.T) {
	doc, err := Load("testdata/good/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Marshal(doc.Spec)
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/marshal/full.golden.yaml", data)
}

func withDefaultsFilled(s *Spec) *Spec {
	c := Clone(s)
	Defaults(c)
	return c
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	return line
}

var commentRE = regexp.MustCompile(`#.*$`)

// comments lists the comments in a YAML text, in order.
func comments(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if c := commentRE.FindString(line); c != "" {
			out = append(out, strings.TrimSpace(c))
		}
	}
	return out
}

func TestUpdate(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		edit    func(s *Spec)
		dropped []string // comments that belonged to what the edit removed
		want    []string // substrings the output must keep as written
		same    bool     // the output must be the input, byte for byte
	}{
		{
			name:  "no-change",
			input: "base",
			edit:  func(s *Spec) {},
			same:  true,
			want:  []string{"public: false", "version: '16'", `command: "./worker"`, "env: [LOG_LEVEL]"},
		},
		{
			name:  "change-port",
			input: "base",
			edit: func(s *Spec) {
				s.Services[0].Port = 9090
				s.Services[0].CPU, s.Services[0].Memory = 1024, 2048
			},
			want: []string{"port: 9090 # matches EXPOSE", "public: false"},
		},
		{
			name:  "add-resources",
			input: "base",
			edit: func(s *Spec) {
				s.Services = append(s.Services, Service{Name: "web", Port: 3000, Public: true, DependsOn: []string{"api"}})
				s.Caches = append(s.Caches, Cache{Name: "sessions", Engine: "valkey"})
				s.Services[0].DependsOn = append(s.Services[0].DependsOn, "sessions")
				s.Services[0].Env = append(s.Services[0].Env, "FEATURES")
			},
		},
		{
			name:  "remove-database",
			input: "base",
			edit: func(s *Spec) {
				s.Databases = nil
				s.Services[0].DependsOn = []string{"jobs"}
			},
			dropped: []string{"# Primary data.", "# production", "# Postgres"},
		},
		{
			name:  "defaults",
			input: "base",
			edit:  func(s *Spec) { Defaults(s) },
		},
		{
			name:  "reorder-and-unset",
			input: "base",
			edit: func(s *Spec) {
				s.Services[0], s.Services[1] = s.Services[1], s.Services[0]
				s.Region = ""
				s.Network.NAT = NATPerAZ
			},
			want: []string{"nat: per-az # one NAT is enough for now"},
		},
		{
			name:  "fill-null-section",
			input: "null-section",
			edit: func(s *Spec) {
				s.Databases = []Database{{Name: "db", Engine: "mysql"}}
			},
		},
		{
			name:  "edit-through-alias",
			input: "anchors",
			edit: func(s *Spec) {
				s.Services[1].Env = append(s.Services[1].Env, "REGION")
			},
			want: []string{"env: [LOG_LEVEL, TZ] # shared"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join("testdata", "update", tt.input+".yaml")
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(in, data)
			if err != nil {
				t.Fatal(err)
			}
			edited := Clone(doc.Spec)
			tt.edit(edited)
			before := Clone(doc.Spec)
			out, err := doc.Update(edited)
			if err != nil {
				t.Fatalf("%s: Update: %v", in, err)
			}
			if diff := cmp.Diff(before, doc.Spec); diff != "" {
				t.Errorf("%s: Update changed the document's Spec (-before +after):\n%s", in, diff)
			}
			back, err := Parse("updated.yaml", out)
			if err != nil {
				t.Fatalf("%s: Parse(Update()): %v\n%s", in, err, out)
			}
			if diff := cmp.Diff(edited, back.Spec, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: Parse(Update(s)) differs from s (-want +got):\n%s", in, diff)
			}
			for _, c := range comments(string(data)) {
				if !slices.Contains(tt.dropped, c) && !strings.Contains(string(out), c) {
					t.Errorf("%s: comment %q was lost; got:\n%s", in, c, out)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("%s: output lacks %q; got:\n%s", in, w, out)
				}
			}
			if tt.same && string(out) != string(data) {
				t.Errorf("%s: Update with no change: got\n%s\nwant the input unchanged:\n%s", in, out, data)
			}
			golden.Assert(t, filepath.Join("testdata", "update", tt.name+".golden.yaml"), out)
		})
	}
}

func TestUpdateNil(t *testing.T) {
	doc, err := Parse("hoist.yaml", []byte("version: 1\nname: a\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.Update(nil); err == nil {
		t.Error("Update(nil): got no error, want one")
	}
}

func TestClone(t *testing.T) {
	s := &Spec{Services: []Service{{Name: "a", Env: []string{"X"}, DependsOn: []string{"b"}}}, Databases: []Database{{Name: "b"}}}
	c := Clone(s)
	c.Services[0].Env[0] = "Y"
	c.Services[0].DependsOn[0] = "z"
	c.Databases[0].Name = "q"
	if s.Services[0].Env[0] != "X" || s.Services[0].DependsOn[0] != "b" || s.Databases[0].Name != "b" {
		t.Errorf("editing Clone(s) changed s: got %+v", s)
	}
	if Clone(nil) != nil {
		t.Error("Clone(nil): got non-nil, want nil")
	}
}
