package detect

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	gitignore "github.com/sabhiram/go-gitignore"
)

// MaxFileSize is the largest file a detector may read. Larger files are
// skipped with a note so that one huge lockfile or data dump cannot make
// analysis slow or memory-hungry.
const MaxFileSize = 2 << 20

// skippedDirs are never walked: version control, dependency caches, build
// caches and virtual environments. They hold no deployable service of the
// user's and can hold hundreds of thousands of files.
var skippedDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true,
	"node_modules": true, "bower_components": true, "jspm_packages": true,
	"vendor": true, ".venv": true, "venv": true, "__pycache__": true,
	".tox": true, ".nox": true, ".mypy_cache": true, ".pytest_cache": true,
	".terraform": true, ".next": true, ".nuxt": true, ".svelte-kit": true,
	".turbo": true, ".nx": true, ".gradle": true, ".idea": true, ".vscode": true,
	".cache": true, ".parcel-cache": true, ".yarn": true, ".pnpm-store": true,
	"_build": true, "deps": true, ".elixir_ls": true, ".bundle": true,
	".cargo": true, "obj": true, ".angular": true,
	".dart_tool": true, ".stack-work": true, "cdk.out": true, ".aws-sam": true,
}

// Repo is an in-memory index of a repository's tree: which folders exist and
// which files each holds. Files are read lazily, once, through Read.
type Repo struct {
	root  string
	real  string // root with symlinks resolved
	dirs  map[string]*Dir
	order []string // folder paths, sorted

	mu      sync.Mutex
	cache   map[string]fileEntry
	sources map[string][]byte // see cachedSource
	notes   []Note
	memo    map[string]any // see remember
}

type fileEntry struct {
	data []byte
	err  error
}

// Dir is one folder of the repository as detectors see it.
type Dir struct {
	// Path is slash-separated and relative to the repository root; "." is the root.
	Path    string
	Files   []string // names of regular files, sorted
	Subdirs []string // names of walked sub-folders, sorted
	repo    *Repo
}

// Note is something the analysis wants the user to know that is not a
// service: a skipped file, a malformed manifest, a symlink loop.
type Note struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Reason string `json:"reason"`
}

func (n Note) String() string {
	loc := n.File
	if n.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, n.Line)
		if n.Column > 0 {
			loc = fmt.Sprintf("%s:%d", loc, n.Column)
		}
	}
	return loc + ": " + n.Reason
}

// ErrNotDir is returned when the path given to Scan is not a folder.
var ErrNotDir = errors.New("not a directory")

// Scan walks root and returns its index. It does not follow symlinks that
// lead outside root or back into a folder already walked, skips dependency
// and VCS folders and anything the repository's .gitignore files exclude.
func Scan(root string) (*Repo, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: %w", root, ErrNotDir)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	r := &Repo{root: abs, dirs: map[string]*Dir{}, cache: map[string]fileEntry{}}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	r.real = real
	w := &walker{visited: map[string]bool{real: true}, sem: make(chan struct{}, walkers)}
	w.walk(r, abs, ".", nil)
	w.wg.Wait()
	sort.Strings(r.order)
	return r, nil
}

// walkers bounds the goroutines reading folders at once. Reading a folder is
// a system call; a few in flight keep both cores busy.
const walkers = 8

// walker is the shared state of one Scan: folders already entered (by real
// path, to stop symlink loops) and the bound on concurrent reads.
type walker struct {
	mu      sync.Mutex
	visited map[string]bool
	sem     chan struct{}
	wg      sync.WaitGroup
}

// enter marks a real path as walked; false when it already was.
func (w *walker) enter(real string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.visited[real] {
		return false
	}
	w.visited[real] = true
	return true
}

// walk reads one folder, in a new goroutine when one is free, else inline.
func (w *walker) walk(r *Repo, abs, rel string, ignores []ignoreRule) {
	select {
	case w.sem <- struct{}{}:
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			r.walkDir(w, abs, rel, ignores)
			<-w.sem
		}()
	default:
		r.walkDir(w, abs, rel, ignores)
	}
}

type ignoreRule struct {
	base string // folder the .gitignore sits in, relative to root
	gi   *gitignore.GitIgnore
}

// dirent is a folder entry: its name and type bits (0 for a regular file,
// fs.ModeDir, fs.ModeSymlink, or fs.ModeIrregular for anything else).
type dirent struct {
	name string
	typ  fs.FileMode
}

func (r *Repo) walkDir(w *walker, abs, rel string, ignores []ignoreRule) {
	entries, err := readDirents(abs)
	if err != nil {
		r.note(Note{File: rel, Reason: "unreadable folder skipped: " + errReason(err)})
		return
	}
	d := &Dir{Path: rel, repo: r}

	for _, e := range entries {
		if e.name == ".gitignore" && e.typ == 0 {
			if data, err := os.ReadFile(filepath.Join(abs, ".gitignore")); err == nil {
				lines := strings.Split(string(data), "\n")
				ignores = append(ignores[:len(ignores):len(ignores)], ignoreRule{base: rel, gi: gitignore.CompileIgnoreLines(lines...)})
			}
		}
	}
	if rel != "." && hasFile(entries, "pyvenv.cfg") {
		return // a Python virtual environment, whatever its name
	}
	r.mu.Lock()
	r.dirs[rel] = d
	r.order = append(r.order, rel)
	r.mu.Unlock()

	d.Files = make([]string, 0, len(entries))
	for _, e := range entries {
		name := e.name
		isDir := e.typ == fs.ModeDir
		if e.typ == fs.ModeSymlink {
			childAbs, childRel := abs+string(filepath.Separator)+name, join(rel, name)
			target, err := filepath.EvalSymlinks(childAbs)
			if err != nil {
				r.note(Note{File: childRel, Reason: "broken or looping symlink skipped"})
				continue
			}
			st, err := os.Stat(target)
			if err != nil {
				r.note(Note{File: childRel, Reason: "unreadable symlink target skipped"})
				continue
			}
			if st.IsDir() {
				if strings.HasPrefix(r.realRoot(), target+string(filepath.Separator)) {
					r.note(Note{File: childRel, Reason: "symlink loop skipped"})
					continue
				}
				isDir = true
			} else if !st.Mode().IsRegular() {
				continue
			}
		} else if !isDir && e.typ != 0 {
			continue
		}
		if len(ignores) > 0 && ignored(ignores, join(rel, name), isDir) {
			continue
		}
		if isDir {
			if skippedDirs[name] {
				continue
			}
			childAbs, childRel := abs+string(filepath.Separator)+name, join(rel, name)
			if e.typ == fs.ModeSymlink {
				real, _ := filepath.EvalSymlinks(childAbs)
				if !w.enter(real) {
					r.note(Note{File: childRel, Reason: "symlink loop skipped"})
					continue
				}
			}
			d.Subdirs = append(d.Subdirs, name)
			w.walk(r, childAbs, childRel, ignores)
			continue
		}
		d.Files = append(d.Files, name)
	}
	slices.Sort(d.Files)
	slices.Sort(d.Subdirs)
}

func (r *Repo) realRoot() string { return r.real }

func hasFile(entries []dirent, name string) bool {
	for _, e := range entries {
		if e.name == name && e.typ != fs.ModeDir {
			return true
		}
	}
	return false
}

func ignored(rules []ignoreRule, rel string, isDir bool) bool {
	for _, ir := range rules {
		p := rel
		if ir.base != "." {
			if !strings.HasPrefix(rel, ir.base+"/") {
				continue
			}
			p = strings.TrimPrefix(rel, ir.base+"/")
		}
		if ir.gi.MatchesPath(p) {
			return true
		}
		if isDir && ir.gi.MatchesPath(p+"/") {
			return true
		}
	}
	return false
}

func join(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func errReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Root is the absolute path of the repository.
func (r *Repo) Root() string { return r.root }

// Dirs returns every walked folder, sorted by path.
func (r *Repo) Dirs() []*Dir {
	out := make([]*Dir, 0, len(r.order))
	for _, p := range r.order {
		out = append(out, r.dirs[p])
	}
	return out
}

// Dir returns the folder at a slash-separated path relative to the root, or
// nil when it was not walked.
func (r *Repo) Dir(p string) *Dir {
	if p == "" {
		p = "."
	}
	return r.dirs[path.Clean(p)]
}

// FileCount is the number of files indexed.
func (r *Repo) FileCount() int {
	n := 0
	for _, d := range r.dirs {
		n += len(d.Files)
	}
	return n
}

// Notes returns what the walk and the detectors reported, sorted by file.
func (r *Repo) Notes() []Note {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := append([]Note(nil), r.notes...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return dedupeNotes(out)
}

func dedupeNotes(in []Note) []Note {
	out := in[:0]
	for i, n := range in {
		if i > 0 && n == in[i-1] {
			continue
		}
		out = append(out, n)
	}
	return out
}

func (r *Repo) note(n Note) {
	r.mu.Lock()
	r.notes = append(r.notes, n)
	r.mu.Unlock()
}

// remember returns the value computed for key, computing it on first use.
// compute must depend only on the repository (and key) and its value must
// not be modified by callers. Concurrent first uses may both compute; one
// value is kept.
func (r *Repo) remember(key string, compute func() any) any {
	r.mu.Lock()
	v, ok := r.memo[key]
	r.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.memo[key]; ok {
		return old
	}
	if r.memo == nil {
		r.memo = map[string]any{}
	}
	r.memo[key] = v
	return v
}

// Note records a warning about a file, for example a malformed manifest.
func (r *Repo) Note(n Note) { r.note(n) }

// Has reports whether the folder holds a regular file of that name.
func (d *Dir) Has(name string) bool {
	_, ok := slices.BinarySearch(d.Files, name)
	return ok
}

// HasAny reports whether the folder holds any of the named files and returns
// the first one found, in the order given.
func (d *Dir) HasAny(names ...string) (string, bool) {
	for _, n := range names {
		if d.Has(n) {
			return n, true
		}
	}
	return "", false
}

// HasDir reports whether the folder has a walked sub-folder of that name.
func (d *Dir) HasDir(name string) bool {
	i := sort.SearchStrings(d.Subdirs, name)
	return i < len(d.Subdirs) && d.Subdirs[i] == name
}

// Rel returns the repository-relative path of a file in this folder.
func (d *Dir) Rel(name string) string { return join(d.Path, name) }

// Repo returns the repository the folder belongs to.
func (d *Dir) Repo() *Repo { return d.repo }

// Read returns a file of this folder; see Repo.Read.
func (d *Dir) Read(name string) ([]byte, error) { return d.repo.Read(d.Rel(name)) }

// Sub returns a sub-folder by relative slash path, or nil.
func (d *Dir) Sub(p string) *Dir { return d.repo.Dir(join(d.Path, p)) }

// ErrSkipped is returned by Read for a file that is too large, binary or
// unreadable; a note saying which has been recorded.
var ErrSkipped = errors.New("file skipped")

// Read returns the contents of a repository file by its relative slash path.
// Files over MaxFileSize, binary files and unreadable files are skipped with
// a note and return ErrSkipped. Contents are cached.
func (r *Repo) Read(rel string) ([]byte, error) {
	r.mu.Lock()
	if e, ok := r.cache[rel]; ok {
		r.mu.Unlock()
		return e.data, e.err
	}
	r.mu.Unlock()
	data, err := r.readFile(rel)
	r.mu.Lock()
	r.cache[rel] = fileEntry{data, err}
	r.mu.Unlock()
	return data, err
}

func (r *Repo) readFile(rel string) ([]byte, error) {
	data, err := readFileLimited(filepath.Join(r.root, filepath.FromSlash(rel)), MaxFileSize)
	return r.accept(rel, data, err)
}

// accept applies the rules every read shares: unreadable, huge and binary
// files are skipped with a note.
func (r *Repo) accept(rel string, data []byte, err error) ([]byte, error) {
	if err != nil {
		r.note(Note{File: rel, Reason: "unreadable file skipped: " + errReason(err)})
		return nil, ErrSkipped
	}
	if len(data) > MaxFileSize {
		r.note(Note{File: rel, Reason: fmt.Sprintf("file larger than %d MiB skipped", MaxFileSize>>20)})
		return nil, ErrSkipped
	}
	probe := data
	if len(probe) > 8000 {
		probe = probe[:8000]
	}
	if bytes.IndexByte(probe, 0) >= 0 {
		r.note(Note{File: rel, Reason: "binary file skipped"})
		return nil, ErrSkipped
	}
	return data, nil
}

// Walk calls fn for every file below (and in) the folder whose name has one
// of the given extensions (".py"), in path order, stopping after limit files.
// Folders claimed by another service (stop returns true) are not entered.
func (d *Dir) Walk(exts []string, limit int, stop func(*Dir) bool, fn func(rel string)) {
	n := 0
	var visit func(x *Dir) bool
	visit = func(x *Dir) bool {
		for _, f := range x.Files {
			ext := path.Ext(f)
			for _, e := range exts {
				if ext == e {
					fn(x.Rel(f))
					n++
					if n >= limit {
						return false
					}
					break
				}
			}
		}
		for _, s := range x.Subdirs {
			sub := x.repo.dirs[join(x.Path, s)]
			if sub == nil || (stop != nil && stop(sub)) {
				continue
			}
			if !visit(sub) {
				return false
			}
		}
		return true
	}
	visit(d)
}
