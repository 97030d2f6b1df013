package detect

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// jsWorkspace is a JavaScript monorepo root: npm/yarn/bun workspaces in
// package.json, a pnpm-workspace.yaml, or an Nx workspace (nx.json).
type jsWorkspace struct {
	root     *Dir
	pkg      *packageJSON // root package.json; nil when absent or malformed
	patterns []string     // member globs, relative to root
	source   string       // file the globs came from
	line     int          // line of the globs in source
	pnpm     bool         // pnpm-workspace.yaml present
	turbo    bool         // turbo.json present
	nx       bool         // nx.json present
}

// loadJSWorkspace returns the workspace rooted at d, or nil when d is not a
// workspace root.
func loadJSWorkspace(d *Dir) *jsWorkspace {
	ws := &jsWorkspace{root: d, turbo: d.Has("turbo.json"), nx: d.Has("nx.json")}
	if d.Has("package.json") {
		ws.pkg, _ = readPackageJSON(d)
	}
	if name, ok := d.HasAny("pnpm-workspace.yaml", "pnpm-workspace.yml"); ok {
		ws.pnpm = true
		if data, err := d.Read(name); err == nil {
			pats, err := parsePnpmWorkspace(data)
			if err != nil {
				d.Repo().Note(jsYAMLNote(d.Rel(name), err))
			}
			ws.patterns, ws.source, ws.line = pats, name, 1
		}
	}
	if ws.patterns == nil && ws.pkg != nil && ws.pkg.Workspaces != nil {
		ws.patterns, ws.source, ws.line = ws.pkg.Workspaces, "package.json", ws.pkg.line("workspaces")
	}
	if ws.patterns == nil && !ws.pnpm && !ws.nx {
		return nil
	}
	if ws.source == "" && ws.nx {
		ws.source = "nx.json"
	}
	return ws
}

// pnpmWorkspaceFile is the part of pnpm-workspace.yaml Hoist reads.
type pnpmWorkspaceFile struct {
	Packages []string `yaml:"packages"`
}

// parsePnpmWorkspace returns the packages globs of a pnpm-workspace.yaml.
func parsePnpmWorkspace(data []byte) ([]string, error) {
	var f pnpmWorkspaceFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	if f.Packages == nil {
		return []string{}, nil
	}
	return f.Packages, nil
}

var jsYAMLLineRE = newPattern(`line (\d+)`)

// jsYAMLNote turns a YAML decoding error into a note with its line.
func jsYAMLNote(file string, err error) Note {
	n := Note{File: file, Reason: "not valid YAML, ignored: " + err.Error()}
	if m := jsYAMLLineRE.FindStringSubmatch(err.Error()); m != nil {
		n.Line, _ = strconv.Atoi(m[1])
	}
	return n
}

// matches reports whether the repository folder rel (below the root) is a
// member of the workspace.
func (ws *jsWorkspace) matches(rel string) bool {
	in := false
	for _, p := range ws.patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		p = strings.TrimSuffix(strings.TrimPrefix(p, "./"), "/")
		if p == "" {
			continue
		}
		if jsMatchGlob(p, rel) {
			in = !neg
		}
	}
	return in
}

// relTo returns the path of d relative to the workspace root.
func (ws *jsWorkspace) relTo(d *Dir) string {
	return jsRelPath(ws.root.Path, d.Path)
}

// jsRelPath returns target relative to base, both repository-relative
// folders with base an ancestor (or equal) of target.
func jsRelPath(base, target string) string {
	if base == "." {
		return target
	}
	if target == base {
		return "."
	}
	return strings.TrimPrefix(target, base+"/")
}

// jsMatchGlob matches a workspace glob such as "apps/*" or
// "packages/**" against a slash path; "**" matches any number of folders.
func jsMatchGlob(pattern, p string) bool {
	return jsMatchGlobParts(strings.Split(pattern, "/"), strings.Split(p, "/"))
}

func jsMatchGlobParts(pat, parts []string) bool {
	if len(pat) == 0 {
		return len(parts) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(parts); i++ {
			if jsMatchGlobParts(pat[1:], parts[i:]) {
				return true
			}
		}
		return false
	}
	if len(parts) == 0 {
		return false
	}
	ok, err := path.Match(pat[0], parts[0])
	if err != nil || !ok {
		return false
	}
	return jsMatchGlobParts(pat[1:], parts[1:])
}

// findJSWorkspace returns the workspace d is a member of, looking at the
// folders above it; nil when d is not a workspace member.
func findJSWorkspace(d *Dir) *jsWorkspace {
	for p := d.Parent(); p != nil; p = p.Parent() {
		ws := loadJSWorkspace(p)
		if ws == nil {
			continue
		}
		if ws.matches(jsRelPath(p.Path, d.Path)) {
			return ws
		}
		if ws.nx && d.Has("project.json") {
			return ws
		}
		return nil // the nearest workspace root does not list d
	}
	return nil
}

// members returns the workspace's member folders that hold a package.json,
// keyed by package name. Every member package of a monorepo asks, several
// times, so the answer is remembered for the repository.
func (ws *jsWorkspace) members() map[string]*Dir {
	key := "js-members\x00" + ws.root.Path + "\x00" + strings.Join(ws.patterns, "\x00")
	return ws.root.Repo().remember(key, func() any { return ws.findMembers() }).(map[string]*Dir)
}

func (ws *jsWorkspace) findMembers() map[string]*Dir {
	out := map[string]*Dir{}
	prefix := ws.root.Path + "/"
	for _, d := range ws.root.Repo().Dirs() {
		if d == ws.root || (ws.root.Path != "." && !strings.HasPrefix(d.Path, prefix)) || !d.Has("package.json") {
			continue
		}
		if !ws.matches(ws.relTo(d)) {
			continue
		}
		pkg, err := readPackageJSON(d)
		if err != nil || pkg.Name == "" {
			continue
		}
		if _, dup := out[pkg.Name]; !dup {
			out[pkg.Name] = d
		}
	}
	return out
}

// localDeps returns the workspace packages pkg depends on, directly or
// through other workspace packages, sorted by folder path.
func (ws *jsWorkspace) localDeps(pkg *packageJSON) []*Dir {
	members := ws.members()
	seen := map[string]bool{pkg.Name: true}
	var out []*Dir
	queue := []*packageJSON{pkg}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, dep := range cur.allDepNames() {
			d, ok := members[dep]
			if !ok || seen[dep] {
				continue
			}
			seen[dep] = true
			out = append(out, d)
			if p, err := readPackageJSON(d); err == nil {
				queue = append(queue, p)
			}
		}
	}
	jsSortDirs(out)
	return out
}

func jsSortDirs(ds []*Dir) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Path < ds[j-1].Path; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// readPackageJSON reads and parses the package.json of a folder. A syntax
// error is recorded as a note with its position.
func readPackageJSON(d *Dir) (*packageJSON, error) {
	data, err := d.Read("package.json")
	if err != nil {
		return nil, err
	}
	pkg, err := parsePackageJSON(data)
	if err != nil {
		n := Note{File: d.Rel("package.json"), Reason: "package.json is not valid JSON, ignored: " + err.Error()}
		var se *jsSyntaxError
		if errors.As(err, &se) {
			n.Line, n.Column, n.Reason = se.Line, se.Column, "package.json is not valid JSON, ignored: "+se.Msg
		}
		d.Repo().Note(n)
		return nil, err
	}
	return pkg, nil
}

// nxProject is the part of an Nx project.json Hoist reads.
type nxProject struct {
	Name        string
	ProjectType string
	SourceRoot  string
	Targets     map[string]nxTarget
	raw         []byte
}

type nxTarget struct {
	Executor string
	Options  struct {
		OutputPath string `json:"outputPath"`
		Main       string `json:"main"`
		Target     string `json:"target"`
	}
}

// parseNxProject parses an Nx project.json.
func parseNxProject(data []byte) (*nxProject, error) {
	var raw struct {
		Name        string                     `json:"name"`
		ProjectType string                     `json:"projectType"`
		SourceRoot  string                     `json:"sourceRoot"`
		Targets     map[string]json.RawMessage `json:"targets"`
	}
	body := []byte(jsStripComments(string(data)))
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, jsJSONError(body, 0, err)
	}
	p := &nxProject{Name: raw.Name, ProjectType: raw.ProjectType, SourceRoot: raw.SourceRoot, Targets: map[string]nxTarget{}, raw: data}
	for name, t := range raw.Targets {
		var tg nxTarget
		if json.Unmarshal(t, &tg) == nil {
			p.Targets[name] = tg
		}
	}
	return p, nil
}

// executor returns the executor of a target, or "".
func (p *nxProject) executor(target string) string { return p.Targets[target].Executor }

// String is for test failure messages.
func (ws *jsWorkspace) String() string {
	return fmt.Sprintf("workspace %s (%s: %v)", ws.root.Path, ws.source, ws.patterns)
}
