package detect

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeTree creates files (path -> content) under a temporary root.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestScanSkipsDependencyAndIgnoredFolders(t *testing.T) {
	root := writeTree(t, map[string]string{
		"app/main.txt":                   "x",
		"node_modules/left-pad/index.js": "x",
		".git/HEAD":                      "ref",
		"vendor/lib/a.go":                "x",
		"myenv/pyvenv.cfg":               "home = /usr",
		"myenv/lib/site.py":              "x",
		".gitignore":                     "build/\n*.log\n",
		"build/out.bin":                  "x",
		"debug.log":                      "x",
		"sub/.gitignore":                 "secret.txt\n",
		"sub/secret.txt":                 "x",
		"sub/kept.txt":                   "x",
		"other/secret.txt":               "x",
	})
	r, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range r.Dirs() {
		for _, f := range d.Files {
			got = append(got, d.Rel(f))
		}
	}
	want := ".gitignore app/main.txt other/secret.txt sub/.gitignore sub/kept.txt"
	if strings.Join(got, " ") != want {
		t.Errorf("walked files:\ngot  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestScanSymlinkLoop(t *testing.T) {
	root := writeTree(t, map[string]string{"a/file.txt": "x"})
	if err := os.Symlink("..", filepath.Join(root, "a", "up")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink("self", filepath.Join(root, "self")); err != nil {
		t.Fatal(err)
	}
	r, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	notes := r.Notes()
	var reasons []string
	for _, n := range notes {
		reasons = append(reasons, n.String())
	}
	joined := strings.Join(reasons, "\n")
	if !strings.Contains(joined, "a/up: symlink loop skipped") || !strings.Contains(joined, "self: broken or looping symlink skipped") {
		t.Errorf("notes: got\n%s\nwant a/up loop and self broken-link notes", joined)
	}
}

func TestReadSkipsBinaryHugeAndUnreadable(t *testing.T) {
	root := writeTree(t, map[string]string{
		"bin.dat":   "abc\x00def",
		"ok.txt":    "hello",
		"huge.json": strings.Repeat("x", MaxFileSize+1),
		"locked":    "secret",
	})
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	r, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := r.Read("ok.txt"); err != nil || string(data) != "hello" {
		t.Errorf("ok.txt: got %q, %v; want hello", data, err)
	}
	for _, f := range []string{"bin.dat", "huge.json"} {
		if _, err := r.Read(f); err != ErrSkipped {
			t.Errorf("%s: got %v, want ErrSkipped", f, err)
		}
	}
	_, lockedErr := r.Read("locked")
	notes := map[string]string{}
	for _, n := range r.Notes() {
		notes[n.File] = n.Reason
	}
	if notes["bin.dat"] != "binary file skipped" {
		t.Errorf("bin.dat note: got %q, want binary file skipped", notes["bin.dat"])
	}
	if !strings.HasPrefix(notes["huge.json"], "file larger than") {
		t.Errorf("huge.json note: got %q, want file larger than ...", notes["huge.json"])
	}
	if os.Geteuid() != 0 { // root reads anything
		if lockedErr != ErrSkipped || !strings.HasPrefix(notes["locked"], "unreadable file skipped") {
			t.Errorf("locked: got %v / %q, want ErrSkipped and an unreadable note", lockedErr, notes["locked"])
		}
	}
}

func TestScanNotADirectory(t *testing.T) {
	root := writeTree(t, map[string]string{"f.txt": "x"})
	if _, err := Scan(filepath.Join(root, "f.txt")); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("got %v, want a not-a-directory error", err)
	}
	if _, err := Scan(filepath.Join(root, "missing")); err == nil {
		t.Error("got nil error for a missing folder")
	}
}

func TestServiceName(t *testing.T) {
	for in, want := range map[string]string{
		"@acme/Web_App": "web-app", "github.com/x/api": "api", "9lives": "app-9lives",
		"": "app", "my..svc--x": "my-svc-x", strings.Repeat("a", 50): strings.Repeat("a", 40),
	} {
		if got := ServiceName(in); got != want {
			t.Errorf("ServiceName(%q): got %q, want %q", in, got, want)
		}
	}
}

// TestReadCopiesOutOfScratch: contents read through the scratch buffers,
// including an empty file's, never share memory with them.
func TestReadCopiesOutOfScratch(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"empty.txt": "", "a.txt": "aaaa", "b.txt": "bbbb"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dr := newDirReader(dir)
	defer dr.close()
	empty, err := dr.read("empty.txt", MaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	a, err := dr.read("a.txt", MaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dr.read("b.txt", MaxFileSize); err != nil {
		t.Fatal(err)
	}
	if got := string(a); got != "aaaa" {
		t.Errorf("a.txt after reading b.txt: got %q, want %q", got, "aaaa")
	}
	if got := string(append(empty, 'x')); got != "x" {
		t.Errorf("appending to empty.txt's contents: got %q, want %q", got, "x")
	}
	if got := cap(empty); got > 0 && runtime.GOOS == "linux" { // elsewhere io.ReadAll's own buffer
		t.Errorf("empty.txt: got a slice of capacity %d, want 0 (no scratch buffer kept)", got)
	}
	if _, err := dr.read("missing.txt", MaxFileSize); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing.txt: got error %v, want one naming the file", err)
	}
}
