// Package filewrite writes generated files into a user's tree safely: every
// write is atomic (a temporary file in the same folder, then a rename), an
// existing file that differs is never replaced without Force, and a dry run
// returns a unified diff of what would change instead of writing.
//
// It knows nothing of what the files contain.
package filewrite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// File is one file to write, its path relative to the plan's root.
type File struct {
	Path    string
	Content []byte
	Mode    fs.FileMode // 0 means 0o644
}

// Action says what Apply did, or would do, with a file.
type Action string

// Actions.
const (
	Create    Action = "create"
	Overwrite Action = "overwrite"
	Unchanged Action = "unchanged"
	Skip      Action = "skip" // exists and differs, and Force was not given
)

// Result is the outcome for one file.
type Result struct {
	Path   string `json:"path"`
	Action Action `json:"action"`
	// Diff is a unified diff from the current content, for dry runs.
	Diff string `json:"diff,omitempty"`
}

// Options control Apply.
type Options struct {
	Force  bool // replace existing files that differ
	DryRun bool // write nothing; fill Result.Diff
}

// ErrExists is wrapped by the error Apply returns when files exist, differ
// and Force was not given. Nothing at all is written in that case.
var ErrExists = errors.New("file exists")

// Apply writes files under root. It first decides every file's action; if
// any would overwrite without Force it writes nothing and returns an error
// naming them, so a partial result never lands. Results are sorted by path.
func Apply(root string, files []File, opts Options) ([]Result, error) {
	sorted := append([]File(nil), files...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	var results []Result
	var blocked []string
	for _, f := range sorted {
		if err := checkPath(f.Path); err != nil {
			return nil, err
		}
		full := filepath.Join(root, filepath.FromSlash(f.Path))
		old, err := os.ReadFile(full)
		r := Result{Path: f.Path}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			r.Action = Create
		case err != nil:
			return nil, fmt.Errorf("%s: %w", full, err)
		case bytes.Equal(old, f.Content):
			r.Action = Unchanged
		case opts.Force:
			r.Action = Overwrite
		default:
			r.Action = Skip
			blocked = append(blocked, f.Path)
		}
		if opts.DryRun && r.Action != Unchanged {
			r.Diff = Diff(f.Path, old, f.Content)
		}
		results = append(results, r)
	}
	if opts.DryRun {
		return results, nil
	}
	if len(blocked) > 0 {
		return results, fmt.Errorf("%w and differs, not overwritten (use --force to replace, --dry-run to see the diff): %s", ErrExists, strings.Join(blocked, ", "))
	}
	for i, f := range sorted {
		if results[i].Action == Unchanged {
			continue
		}
		mode := f.Mode
		if mode == 0 {
			mode = 0o644
		}
		if err := WriteAtomic(filepath.Join(root, filepath.FromSlash(f.Path)), f.Content, mode); err != nil {
			return results[:i], err
		}
	}
	return results, nil
}

// checkPath refuses absolute paths and paths that climb out of the root.
func checkPath(p string) error {
	if p == "" || filepath.IsAbs(p) || strings.HasPrefix(filepath.ToSlash(filepath.Clean(p)), "../") || filepath.Clean(p) == ".." {
		return fmt.Errorf("refusing to write %q: outside the target folder", p)
	}
	return nil
}

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename, so readers see the old file or the new one, never a
// torn one. Parent folders are created.
func WriteAtomic(path string, data []byte, mode fs.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".hoist-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, mode); err != nil {
		return err
	}
	return os.Rename(name, path)
}

// Diff returns a unified diff from old to new for path; old may be nil for a
// new file.
func Diff(path string, old, new []byte) string {
	from := "a/" + path
	if old == nil {
		from = "/dev/null"
	}
	d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: splitLines(old), B: splitLines(new),
		FromFile: from, ToFile: "b/" + path, Context: 3,
	})
	return d
}

// splitLines splits after each newline; a last line without one gets one,
// so that the diff does not show a phantom empty line.
func splitLines(b []byte) []string {
	if len(b) == 0 {
		return nil
	}
	lines := strings.SplitAfter(string(b), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "\n"
	}
	return lines
}
