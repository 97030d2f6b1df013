package detect

import (
	"bytes"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// MaxSourceFiles bounds how many source files one service's scan reads.
const MaxSourceFiles = 2000

// maxSourceSize: larger source files are generated or vendored; not scanned.
const maxSourceSize = 256 << 10

// ScanSources calls fn with the path and contents of each source file of the
// service folder d whose extension is in exts, skipping folders owned by
// another service and files that are too large or binary. It stops after
// MaxSourceFiles files. Files are read folder by folder through one handle
// of the folder (see dirReader). Contents stay cached for further scans of
// the service (see cachedSource), so fn may keep data.
func ScanSources(d *Dir, exts []string, owned func(*Dir) bool, fn func(rel string, data []byte)) {
	scanSources(d, exts, owned, true, fn)
}

// scanSources is ScanSources; with keep false a file's contents are not
// cached and fn's data is valid only during the call: it is read into a
// buffer reused for the next file. A detector that reads its sources in a
// single pass needs no more, and saves a copy and a cache entry per file.
func scanSources(d *Dir, exts []string, owned func(*Dir) bool, keep bool, fn func(rel string, data []byte)) {
	r := d.repo
	var buf []byte
	if !keep {
		bp := scanBufs.Get().(*[]byte)
		defer scanBufs.Put(bp)
		buf = *bp
	}
	n := 0
	var visit func(x *Dir) bool
	visit = func(x *Dir) bool {
		var dr *dirReader
		defer func() {
			if dr != nil {
				dr.close()
			}
		}()
		for _, f := range x.Files {
			if !hasExt(f, exts) {
				continue
			}
			rel := x.Rel(f)
			data, ok := r.cachedSource(rel)
			if !ok {
				if dr == nil {
					dr = newDirReader(filepath.Join(r.root, filepath.FromSlash(x.Path)))
				}
				var raw []byte
				var err error
				if keep {
					raw, err = dr.read(f, MaxFileSize)
				} else {
					raw, err = dr.readInto(f, MaxFileSize, buf)
				}
				var aerr error
				if data, aerr = r.accept(rel, raw, err); aerr != nil || len(data) > maxSourceSize {
					goto next
				}
				if keep {
					r.cacheSource(rel, data)
				}
			}
			fn(rel, data)
		next:
			n++
			if n >= MaxSourceFiles {
				return false
			}
		}
		for _, sub := range x.Subdirs {
			sd := r.dirs[join(x.Path, sub)]
			if sd == nil || (owned != nil && owned(sd)) {
				continue
			}
			if !visit(sd) {
				return false
			}
		}
		return true
	}
	visit(d)
}

// scanBufs are the reused buffers of scanSources without keep.
var scanBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

func hasExt(name string, exts []string) bool {
	ext := path.Ext(name)
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// Detectors often scan the same files more than once (environment names,
// then ports, then framework hints), so contents stay cached until the
// service's Enrich is done (dropSources); unlike Read's cache, this one does
// not outlive the scan.

func (r *Repo) cachedSource(rel string) ([]byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	data, ok := r.sources[rel]
	return data, ok
}

func (r *Repo) cacheSource(rel string, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sources == nil {
		r.sources = map[string][]byte{}
	}
	r.sources[rel] = data
}

// dropSources forgets the cached sources below a folder.
func (r *Repo) dropSources(dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if dir == "." {
		r.sources = nil
		return
	}
	for k := range r.sources {
		if strings.HasPrefix(k, dir+"/") {
			delete(r.sources, k)
		}
	}
}

// Match is one regular expression match in a file.
type Match struct {
	Value string // the first capture group
	Line  int
}

// FindAll returns the first capture group of every match of re in data, with
// the line it starts on.
func FindAll(data []byte, re *pattern) []Match {
	if !mayMatch(data, re) {
		return nil // cheap: most files do not contain the pattern's literal
	}
	var out []Match
	line, last := 1, 0
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		if len(m) < 4 || m[2] < 0 {
			continue
		}
		line += bytes.Count(data[last:m[0]], []byte{'\n'})
		last = m[0]
		out = append(out, Match{Value: string(data[m[2]:m[3]]), Line: line})
	}
	return out
}

// mayMatch reports whether data contains one of the literals every match
// of re must contain (see computeHints); true when re has none. When re's
// own search looks for its start literals (see pattern) this check adds
// nothing, unless the hints are a case-insensitive pattern's usual
// spellings: those are kept as they were.
func mayMatch(data []byte, re *pattern) bool {
	if re.search() && !strings.HasPrefix(re.src, "(?i)") {
		return true
	}
	hs := literalHints(re)
	if len(hs) == 0 {
		return true
	}
	for _, h := range hs {
		if bytes.Contains(data, []byte(h)) {
			return true
		}
	}
	return false
}

// LineOf returns the 1-based line of a byte offset.
func LineOf(data []byte, offset int) int {
	if offset > len(data) {
		offset = len(data)
	}
	return bytes.Count(data[:offset], []byte{'\n'}) + 1
}

// plausibleEnvName reports whether s looks like an environment variable
// name: an upper-case letter, then upper-case letters, digits and
// underscores, 2 to 64 characters in all (^[A-Z][A-Z0-9_]+$).
func plausibleEnvName(s string) bool {
	if len(s) < 2 || len(s) > 64 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// CollectEnv scans the service's sources with the given patterns (each with
// the variable name as its first group) and adds the names it finds to s.Env.
// Only names are collected: Hoist never reads values.
func CollectEnv(d *Dir, s *Service, exts []string, owned func(*Dir) bool, patterns ...*pattern) {
	c := newEnvCollector(s)
	ScanSources(d, exts, owned, func(rel string, data []byte) { c.scan(data, patterns) })
}

// envCollector adds the environment variable names found in files to a
// service, each once, for detectors that collect them in a scan of their own.
type envCollector struct {
	s    *Service
	seen map[string]bool
}

func newEnvCollector(s *Service) *envCollector {
	c := &envCollector{s: s, seen: map[string]bool{}}
	for _, e := range s.Env {
		c.seen[e] = true
	}
	return c
}

// scan adds the first groups of the patterns' matches in data.
func (c *envCollector) scan(data []byte, patterns []*pattern) {
	for _, re := range patterns {
		eachValue(data, re, c.add)
	}
}

// add adds a name when it is plausible and new; it allocates only then.
func (c *envCollector) add(name []byte) {
	if !plausibleEnvName(string(name)) || c.seen[string(name)] {
		return
	}
	s := string(name)
	c.seen[s] = true
	c.s.Env = append(c.s.Env, s)
}

// eachValue calls fn with the first group of every match of re in data,
// like FindAll without lines and without copying the values: fn's value is
// a slice of data.
func eachValue(data []byte, re *pattern, fn func(value []byte)) {
	if !mayMatch(data, re) {
		return
	}
	re.eachMatch(data, func(m []int) {
		if len(m) >= 4 && m[2] >= 0 {
			fn(data[m[2]:m[3]])
		}
	})
}

// FindPort scans the service's sources for the first match of any pattern
// whose first group is a port number, and sets s.Port with evidence. It keeps
// an already-known port.
func FindPort(d *Dir, s *Service, exts []string, owned func(*Dir) bool, patterns ...*pattern) {
	if s.Port != 0 {
		return
	}
	ScanSources(d, exts, owned, func(rel string, data []byte) {
		if s.Port != 0 {
			return
		}
		for _, re := range patterns {
			ms := FindAll(data, re)
			if len(ms) == 0 {
				continue
			}
			p, err := strconv.Atoi(ms[0].Value)
			if err != nil || p < 1 || p > 65535 {
				continue
			}
			s.Port = p
			s.Evidence = append(s.Evidence, Evidence{Field: "port", File: rel, Line: ms[0].Line, Reason: "port " + ms[0].Value + " in the code"})
			return
		}
	})
}

// DependencyRule maps a dependency name to the backing service it implies.
type DependencyRule struct {
	Dependency string // exact package name, or a prefix ending in "*"
	Kind       string // postgres, mysql, redis, mongodb, s3, sqs, sns, dynamodb, worker
}

// MatchDependencies returns the backing services implied by deps (package
// names), citing the manifest file.
func MatchDependencies(file string, deps []string, rules []DependencyRule) []Backing {
	var out []Backing
	for _, dep := range deps {
		for _, r := range rules {
			if dependencyMatches(r.Dependency, dep) {
				out = append(out, Backing{Kind: r.Kind, Evidence: file + ": dependency " + dep})
				break
			}
		}
	}
	return out
}

func dependencyMatches(pattern, dep string) bool {
	if n := len(pattern); n > 0 && pattern[n-1] == '*' {
		return len(dep) >= n-1 && dep[:n-1] == pattern[:n-1]
	}
	return pattern == dep
}

// readSource reads one source file by path, through the scan cache.
func (r *Repo) readSource(rel string) ([]byte, error) {
	if data, ok := r.cachedSource(rel); ok {
		return data, nil
	}
	data, err := r.readFile(rel)
	if err != nil {
		return nil, err
	}
	if len(data) > maxSourceSize {
		return nil, ErrSkipped
	}
	r.cacheSource(rel, data)
	return data, nil
}
