package filewrite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string
		files    []File
		opts     Options
		want     map[string]Action
		wantErr  error
		wantDisk map[string]string
	}{
		{
			name:     "creates new files and folders",
			files:    []File{{Path: "a.txt", Content: []byte("A\n")}, {Path: "sub/b.txt", Content: []byte("B\n")}},
			want:     map[string]Action{"a.txt": Create, "sub/b.txt": Create},
			wantDisk: map[string]string{"a.txt": "A\n", "sub/b.txt": "B\n"},
		},
		{
			name:     "identical file is unchanged",
			existing: map[string]string{"a.txt": "A\n"},
			files:    []File{{Path: "a.txt", Content: []byte("A\n")}},
			want:     map[string]Action{"a.txt": Unchanged},
			wantDisk: map[string]string{"a.txt": "A\n"},
		},
		{
			name:     "refuses to overwrite and writes nothing at all",
			existing: map[string]string{"a.txt": "mine\n"},
			files:    []File{{Path: "a.txt", Content: []byte("A\n")}, {Path: "new.txt", Content: []byte("N\n")}},
			want:     map[string]Action{"a.txt": Skip, "new.txt": Create},
			wantErr:  ErrExists,
			wantDisk: map[string]string{"a.txt": "mine\n", "new.txt": ""},
		},
		{
			name:     "force overwrites",
			existing: map[string]string{"a.txt": "mine\n"},
			files:    []File{{Path: "a.txt", Content: []byte("A\n")}},
			opts:     Options{Force: true},
			want:     map[string]Action{"a.txt": Overwrite},
			wantDisk: map[string]string{"a.txt": "A\n"},
		},
		{
			name:     "dry run writes nothing",
			existing: map[string]string{"a.txt": "mine\n"},
			files:    []File{{Path: "a.txt", Content: []byte("A\n")}, {Path: "b.txt", Content: []byte("B\n")}},
			opts:     Options{DryRun: true},
			want:     map[string]Action{"a.txt": Skip, "b.txt": Create},
			wantDisk: map[string]string{"a.txt": "mine\n", "b.txt": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for p, c := range tt.existing {
				if err := os.WriteFile(filepath.Join(root, p), []byte(c), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Apply(root, tt.files, tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Apply error: got %v, want %v", err, tt.wantErr)
			}
			for _, r := range res {
				if r.Action != tt.want[r.Path] {
					t.Errorf("%s: got action %s, want %s", r.Path, r.Action, tt.want[r.Path])
				}
			}
			if len(res) != len(tt.want) {
				t.Errorf("got %d results, want %d", len(res), len(tt.want))
			}
			for p, c := range tt.wantDisk {
				data, err := os.ReadFile(filepath.Join(root, p))
				if c == "" {
					if err == nil {
						t.Errorf("%s: exists with %q, want absent", p, data)
					}
					continue
				}
				if string(data) != c {
					t.Errorf("%s: got %q on disk, want %q", p, data, c)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(root, ".*.hoist-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left behind: %v", leftovers)
			}
		})
	}
}

func TestApplyDryRunDiff(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.txt"), []byte("one\ntwo\n"), 0o644)
	res, err := Apply(root, []File{{Path: "a.txt", Content: []byte("one\nthree\n")}}, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n"
	if res[0].Diff != want {
		t.Errorf("diff: got\n%s\nwant\n%s", res[0].Diff, want)
	}
}

func TestApplyRefusesEscapes(t *testing.T) {
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		_, err := Apply(t.TempDir(), []File{{Path: p, Content: []byte("x")}}, Options{Force: true})
		if err == nil || !strings.Contains(err.Error(), "outside the target folder") {
			t.Errorf("path %q: got %v, want an outside-the-target-folder error", p, err)
		}
	}
}
