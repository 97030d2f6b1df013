// Package detect analyses a repository and finds every deployable service in
// it: language and version, package manager, framework, build and start
// commands, port, the names of the environment variables the code reads and
// the backing services its dependencies imply, each with the evidence that
// led to it.
//
// detect knows files and ecosystems, not AWS: it returns an Analysis, and
// turning that into a hoist.yaml is a small step elsewhere. It never prints,
// never reads environment variable values and never executes repository code.
//
// Ecosystems are Detectors in one ordered registry (registry.go). For each
// folder every detector may make a Claim; the strongest claim wins and, on a
// tie, the detector that comes first in the registry. That order is the
// documented precedence (docs/detection.md).
package detect

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Service is one deployable unit found in the repository.
type Service struct {
	Name            string     `json:"name"`
	Path            string     `json:"path"`
	Kind            string     `json:"kind"` // web, worker or static
	Language        string     `json:"language"`
	LanguageVersion string     `json:"language_version"`
	PackageManager  string     `json:"package_manager"`
	Framework       string     `json:"framework"`
	BuildCommand    string     `json:"build_command"`
	StartCommand    string     `json:"start_command"`
	Port            int        `json:"port"`
	Env             []string   `json:"env"`
	BackingServices []Backing  `json:"backing_services"`
	Evidence        []Evidence `json:"evidence"`
	Build           Build      `json:"build"`
}

// Service kinds.
const (
	KindWeb    = "web"    // listens on a port
	KindWorker = "worker" // runs without a port
	KindStatic = "static" // builds to files served as a static site
)

// Build holds what a Dockerfile generator needs beyond the profile fields.
type Build struct {
	// Context is the docker build context relative to the repository root:
	// the service folder, or the workspace root for a monorepo member.
	Context string `json:"context"`
	// Dockerfile is the repository-relative path of an existing Dockerfile.
	Dockerfile string `json:"dockerfile,omitempty"`
	// Manifests are the dependency manifests and lockfiles, relative to
	// Context, copied into the image before the source so that a code edit
	// does not reinstall dependencies.
	Manifests []string `json:"manifests"`
	// Entrypoint is the thing to run or build: a Go main package
	// ("./cmd/api"), a Python ASGI/WSGI app ("app.main:app"), a Rust binary,
	// a .NET assembly, a Java artifact.
	Entrypoint string `json:"entrypoint,omitempty"`
	// OutputDir is where a static build writes its files, relative to the
	// service folder.
	OutputDir string `json:"output_dir,omitempty"`
	// PackageManagerVersion is the pinned package manager version, for
	// example from package.json's packageManager field.
	PackageManagerVersion string `json:"package_manager_version,omitempty"`
	// Workspace is the repository-relative path of the monorepo workspace
	// root the service belongs to, if any.
	Workspace string `json:"workspace,omitempty"`
}

// Backing is a backing service the code's dependencies imply.
type Backing struct {
	Kind     string `json:"kind"`     // postgres, mysql, redis, mongodb, s3, sqs, worker
	Evidence string `json:"evidence"` // e.g. "package.json: dependency pg"
	// Command starts the worker process, for Kind "worker".
	Command string `json:"command,omitempty"`
}

// Evidence says how one field of a Service was decided.
type Evidence struct {
	Field  string `json:"field"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// Analysis is the result of Analyze.
type Analysis struct {
	Root     string    `json:"-"`
	Services []Service `json:"services"`
	Notes    []Note    `json:"notes"`
	Files    int       `json:"-"`
}

// Claim strengths. A strong claim means the folder is certainly this
// ecosystem's app (a framework or a start script); a weak one means it could
// be (a manifest with nothing runnable in it).
const (
	Weak   = 1
	Medium = 2
	Strong = 3
)

// Claim is a detector's offer to own a folder.
type Claim struct {
	Strength int
	// Services found; usually one, several for a Go module with cmd/* mains.
	Services []Service
	// Covers lists further repository-relative folders this claim owns, so
	// that no other detector claims them.
	Covers []string
}

// Detector recognises one ecosystem.
type Detector interface {
	// Name is the ecosystem's short name ("node", "python").
	Name() string
	// Detect inspects one folder and returns a claim, or nil when the folder
	// is not this ecosystem's. It reads files only through d.
	Detect(d *Dir) *Claim
}

// Enricher is implemented by detectors that also scan a service's source
// files (for environment variable names and ports). Enrich runs after every
// folder has been claimed, concurrently across services; owned reports
// whether a folder belongs to another service and must not be scanned.
type Enricher interface {
	Enrich(d *Dir, s *Service, owned func(*Dir) bool)
}

// ErrNoServices is returned when nothing deployable was found.
var ErrNoServices = errors.New("no deployable service found")

// Analyze scans root and detects its services with the default registry.
func Analyze(root string) (*Analysis, error) {
	return AnalyzeWith(root, Registry())
}

// AnalyzeWith scans root with the given detectors, in precedence order.
func AnalyzeWith(root string, detectors []Detector) (*Analysis, error) {
	repo, err := Scan(root)
	if err != nil {
		return nil, err
	}
	return analyzeRepo(repo, detectors)
}

type owned struct {
	svc      Service
	detector Detector
	claim    int // index of the claim that produced it
}

func analyzeRepo(repo *Repo, detectors []Detector) (*Analysis, error) {
	claimed := map[string]bool{}
	claimOf := map[string]int{} // folder -> index of the claim that owns it
	servicePath := map[string]bool{}
	var found []owned
	nClaims := 0
	for _, d := range repo.Dirs() {
		if claimed[d.Path] {
			continue
		}
		var best *Claim
		var bestDet Detector
		var others []string
		for _, det := range detectors {
			c := det.Detect(d)
			if c == nil || len(c.Services) == 0 {
				continue
			}
			if best == nil || c.Strength > best.Strength {
				if best != nil {
					others = append(others, bestDet.Name())
				}
				best, bestDet = c, det
			} else {
				others = append(others, det.Name())
			}
		}
		if best == nil {
			continue
		}
		nClaims++
		claimed[d.Path] = true
		claimOf[d.Path] = nClaims
		for _, p := range best.Covers {
			claimed[p] = true
			claimOf[p] = nClaims
		}
		for _, s := range best.Services {
			if s.Path == "" {
				s.Path = d.Path
			}
			if s.Build.Context == "" {
				s.Build.Context = s.Path
			}
			if len(others) > 0 {
				s.Evidence = append(s.Evidence, Evidence{Field: "language", File: d.Path, Reason: fmt.Sprintf(
					"%s detector chosen over %s by precedence (stronger claim, or earlier in the registry)",
					bestDet.Name(), strings.Join(others, ", "))})
			}
			claimed[s.Path] = true
			claimOf[s.Path] = nClaims
			servicePath[s.Path] = true
			found = append(found, owned{svc: s, detector: bestDet, claim: nClaims})
		}
	}
	if len(found) == 0 {
		return &Analysis{Root: repo.Root(), Notes: repo.Notes(), Files: repo.FileCount()}, ErrNoServices
	}

	// A folder is another's when another service lives there, or when a
	// different claim covers it; folders the service's own claim covers
	// (an umbrella's apps, a document root) are scanned with it.
	isOwned := func(self string, claim int) func(*Dir) bool {
		return func(d *Dir) bool {
			if d.Path == self || !claimed[d.Path] {
				return false
			}
			return servicePath[d.Path] || claimOf[d.Path] != claim
		}
	}
	// Scans spend most of their time in file system calls, so twice as
	// many as there are processors keep them all busy.
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(4, 2*runtime.GOMAXPROCS(0)))
	for i := range found {
		en, ok := found[i].detector.(Enricher)
		if !ok {
			continue
		}
		d := repo.Dir(found[i].svc.Path)
		if d == nil {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(s *Service, claim int) {
			defer wg.Done()
			defer func() { <-sem }()
			en.Enrich(d, s, isOwned(s.Path, claim))
			d.repo.dropSources(s.Path)
		}(&found[i].svc, found[i].claim)
	}
	wg.Wait()

	out := &Analysis{Root: repo.Root(), Files: repo.FileCount()}
	names := map[string]int{}
	contexts := map[string]int{} // build context -> services built from it
	for _, o := range found {
		contexts[buildContext(o.svc)]++
	}
	for _, o := range found {
		s := o.svc
		attachDockerfile(repo, &s, contexts)
		normalize(&s, filepath.Base(repo.Root()))
		s.Name = uniqueName(names, s.Name)
		out.Services = append(out.Services, s)
	}
	sort.SliceStable(out.Services, func(i, j int) bool { return out.Services[i].Path < out.Services[j].Path })
	out.Notes = repo.Notes()
	if out.Notes == nil {
		out.Notes = []Note{}
	}
	return out, nil
}

// attachDockerfile records an existing Dockerfile in the service folder or,
// failing that, at the root of its build context when the context is
// another folder (a workspace root, say) and no other service is built from
// it: a Dockerfile there that several services share could be any one's.
// contexts counts the services of each build context.
func attachDockerfile(repo *Repo, s *Service, contexts map[string]int) {
	if s.Build.Dockerfile != "" {
		return
	}
	if d := repo.Dir(s.Path); d != nil {
		if name, ok := d.HasAny("Dockerfile", "dockerfile", "Containerfile"); ok {
			s.Build.Dockerfile = d.Rel(name)
			s.Evidence = append(s.Evidence, Evidence{Field: "build", File: d.Rel(name), Reason: "existing Dockerfile is kept and used for the image"})
			return
		}
	}
	ctx := buildContext(*s)
	if ctx == path.Clean(dirOrDot(s.Path)) || contexts[ctx] != 1 {
		return
	}
	if d := repo.Dir(ctx); d != nil {
		if name, ok := d.HasAny("Dockerfile", "dockerfile", "Containerfile"); ok {
			s.Build.Dockerfile = d.Rel(name)
			s.Evidence = append(s.Evidence, Evidence{Field: "build", File: d.Rel(name), Reason: "existing Dockerfile at the build context " + ctx + " (the only service built from it) is kept and used for the image"})
		}
	}
}

// buildContext is the folder a service's image is built from: its build
// context, or its own folder when detection set none.
func buildContext(s Service) string {
	if s.Build.Context != "" {
		return path.Clean(s.Build.Context)
	}
	return path.Clean(dirOrDot(s.Path))
}

// dirOrDot is p, or "." for the repository root given as "".
func dirOrDot(p string) string {
	if p == "" {
		return "."
	}
	return p
}

var nameRE = newPattern(`[^a-z0-9-]+`)

// ServiceName turns a package or folder name into a service name: lowercase
// letters, digits and dashes, starting with a letter, at most 40 characters.
func ServiceName(raw string) string {
	raw = strings.ToLower(raw)
	if i := strings.LastIndex(raw, "/"); i >= 0 { // @scope/name, module paths
		raw = raw[i+1:]
	}
	raw = strings.ReplaceAll(raw, "_", "-")
	raw = strings.ReplaceAll(raw, ".", "-")
	raw = nameRE.ReplaceAllString(raw, "-")
	raw = strings.Trim(raw, "-")
	for strings.Contains(raw, "--") {
		raw = strings.ReplaceAll(raw, "--", "-")
	}
	if raw == "" {
		return "app"
	}
	if raw[0] < 'a' || raw[0] > 'z' {
		raw = "app-" + raw
	}
	if len(raw) > 40 {
		raw = strings.TrimRight(raw[:40], "-")
	}
	return raw
}

func uniqueName(seen map[string]int, name string) string {
	seen[name]++
	if seen[name] == 1 {
		return name
	}
	n := fmt.Sprintf("%s-%d", name, seen[name])
	for seen[n] > 0 {
		seen[name]++
		n = fmt.Sprintf("%s-%d", name, seen[name])
	}
	seen[n] = 1
	return n
}

func normalize(s *Service, rootName string) {
	if s.Name == "" {
		s.Name = path.Base(s.Path)
		if s.Path == "." {
			s.Name = rootName
		}
	}
	s.Name = ServiceName(s.Name)
	if s.Kind == "" {
		if s.Port > 0 {
			s.Kind = KindWeb
		} else {
			s.Kind = KindWorker
		}
	}
	s.Env = sortedUnique(s.Env)
	if s.Env == nil {
		s.Env = []string{}
	}
	sort.SliceStable(s.BackingServices, func(i, j int) bool {
		return s.BackingServices[i].Kind < s.BackingServices[j].Kind
	})
	bs := s.BackingServices[:0]
	for i, b := range s.BackingServices {
		if i > 0 && b.Kind == s.BackingServices[i-1].Kind {
			continue
		}
		bs = append(bs, b)
	}
	s.BackingServices = bs
	if s.BackingServices == nil {
		s.BackingServices = []Backing{}
	}
	if s.Evidence == nil {
		s.Evidence = []Evidence{}
	}
	if s.Build.Manifests == nil {
		s.Build.Manifests = []string{}
	}
}

func sortedUnique(in []string) []string {
	if len(in) == 0 {
		return in
	}
	sort.Strings(in)
	out := in[:1]
	for _, s := range in[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

// Parent returns the folder above d, or nil at the root.
func (d *Dir) Parent() *Dir {
	if d.Path == "." {
		return nil
	}
	return d.repo.Dir(path.Dir(d.Path))
}

// Evidence is a convenience for detectors: evidence about a file in this folder.
func (d *Dir) Evidence(field, file string, line int, reason string) Evidence {
	return Evidence{Field: field, File: d.Rel(file), Line: line, Reason: reason}
}
