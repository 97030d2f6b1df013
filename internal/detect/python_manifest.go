package detect

// Parsers for Python dependency manifests: pyproject.toml, requirements
// files, Pipfile, setup.py and setup.cfg. Each takes the file's bytes and
// never panics; the fuzz tests hold them to that.

import (
	"errors"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// pyReq is one dependency named in a Python manifest.
type pyReq struct {
	Name   string // normalised (PEP 503): lowercase, runs of -_. as "-"
	Extras []string
	Line   int
}

// pyProject is what Hoist reads from pyproject.toml.
type pyProject struct {
	Name           string
	RequiresPython string
	PoetryPython   string // [tool.poetry.dependencies].python
	Deps           []pyReq
	Scripts        []string // [project.scripts] and [tool.poetry.scripts] names, sorted
	ScriptTargets  map[string]string
	HasUV          bool
	HasPoetry      bool
	HasPDM         bool
}

// parsePyProject reads pyproject.toml. A syntax error is a *syntaxError with
// the position toml reports.
func parsePyProject(data []byte) (pyProject, error) {
	var p pyProject
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return p, tomlSyntaxError(data, err)
	}
	project := tomlTable(raw, "project")
	p.Name = tomlString(project, "name")
	p.RequiresPython = tomlString(project, "requires-python")
	for _, spec := range tomlStrings(project, "dependencies") {
		if name, extras, ok := pep508Name(spec); ok {
			p.Deps = append(p.Deps, pyReq{Name: name, Extras: extras, Line: lineContaining(data, spec)})
		}
	}
	p.ScriptTargets = map[string]string{}
	for k, v := range tomlTable(project, "scripts") {
		if s, ok := v.(string); ok {
			p.ScriptTargets[k] = s
		}
	}
	tool := tomlTable(raw, "tool")
	if _, ok := tool["uv"]; ok {
		p.HasUV = true
	}
	if _, ok := tool["pdm"]; ok {
		p.HasPDM = true
	}
	if poetry, ok := tool["poetry"].(map[string]any); ok {
		p.HasPoetry = true
		if p.Name == "" {
			p.Name = tomlString(poetry, "name")
		}
		deps := tomlTable(poetry, "dependencies")
		for _, k := range sortedKeys(deps) {
			if strings.EqualFold(k, "python") {
				switch v := deps[k].(type) {
				case string:
					p.PoetryPython = v
				case map[string]any:
					p.PoetryPython = tomlString(v, "version")
				}
				continue
			}
			var extras []string
			if m, ok := deps[k].(map[string]any); ok {
				extras = tomlStrings(m, "extras")
			}
			p.Deps = append(p.Deps, pyReq{Name: normalizePyName(k), Extras: extras, Line: lineOfTOMLKey(data, k)})
		}
		for k, v := range tomlTable(poetry, "scripts") {
			if s, ok := v.(string); ok {
				p.ScriptTargets[k] = s
			}
		}
	}
	for k := range p.ScriptTargets {
		p.Scripts = append(p.Scripts, k)
	}
	sort.Strings(p.Scripts)
	return p, nil
}

// pipfile is what Hoist reads from a Pipfile.
type pipfile struct {
	Deps          []pyReq
	PythonVersion string
	PythonLine    int
}

// parsePipfile reads a Pipfile (TOML): [packages] and [requires].
func parsePipfile(data []byte) (pipfile, error) {
	var p pipfile
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return p, tomlSyntaxError(data, err)
	}
	pkgs := tomlTable(raw, "packages")
	for _, k := range sortedKeys(pkgs) {
		var extras []string
		if m, ok := pkgs[k].(map[string]any); ok {
			extras = tomlStrings(m, "extras")
		}
		p.Deps = append(p.Deps, pyReq{Name: normalizePyName(k), Extras: extras, Line: lineOfTOMLKey(data, k)})
	}
	req := tomlTable(raw, "requires")
	for _, k := range []string{"python_full_version", "python_version"} {
		if v := tomlString(req, k); v != "" {
			p.PythonVersion, p.PythonLine = v, lineOfTOMLKey(data, k)
			break
		}
	}
	return p, nil
}

// tomlSyntaxError keeps the position toml reports. The column is recomputed
// from the byte offset: toml v1.6.0 gives the previous line's length when
// the error is the first byte of a line.
func tomlSyntaxError(data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := pe.Position.Line, pe.Position.Col
		if l, c := offsetPosition(data, pe.Position.Start); l == line {
			col = c
		}
		return &syntaxError{Line: line, Column: col, Msg: pe.Message}
	}
	return &syntaxError{Msg: err.Error()}
}

func tomlTable(m map[string]any, key string) map[string]any {
	t, _ := m[key].(map[string]any)
	return t
}

func tomlString(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func tomlStrings(m map[string]any, key string) []string {
	var out []string
	switch v := m[key].(type) {
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	case []string:
		out = v
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lineOfTOMLKey returns the first line that assigns key ("key =" or
// "\"key\" ="), or 0.
func lineOfTOMLKey(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		for _, k := range []string{key, `"` + key + `"`, "'" + key + "'"} {
			if rest, ok := strings.CutPrefix(t, k); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
				return i + 1
			}
		}
	}
	return 0
}

var pyNameRE = newPattern(`^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?`)

// pep508Name returns the normalised project name and extras at the start of
// a PEP 508 requirement ("Django[argon2]>=5.0 ; python_version>'3.10'").
func pep508Name(spec string) (string, []string, bool) {
	spec = strings.TrimSpace(spec)
	m := pyNameRE.FindStringSubmatch(spec)
	if m == nil {
		return "", nil, false
	}
	name := m[1]
	for _, suffix := range []string{".whl", ".tar.gz", ".zip", ".tgz"} {
		if strings.HasSuffix(strings.ToLower(name), suffix) {
			return "", nil, false
		}
	}
	if rest := spec[len(m[0]):]; strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, ":") {
		return "", nil, false // a path or URL, not a name
	}
	var extras []string
	for _, e := range strings.Split(m[2], ",") {
		if e = strings.TrimSpace(e); e != "" {
			extras = append(extras, normalizePyName(e))
		}
	}
	return normalizePyName(name), extras, true
}

var pySepRE = newPattern(`[-_.]+`)

// normalizePyName normalises a Python project name as PEP 503 does.
func normalizePyName(n string) string {
	return pySepRE.ReplaceAllString(strings.ToLower(strings.TrimSpace(n)), "-")
}

// pyInclude is a "-r other.txt" line of a requirements file.
type pyInclude struct {
	Path string
	Line int
}

// parseRequirements reads a pip requirements file: one requirement a line,
// "\" continuations, comments, options such as --hash and -i, -r includes
// (returned for the caller to follow) and -e editables with #egg=.
// Constraint files (-c) hold no dependencies and are not followed.
func parseRequirements(data []byte) ([]pyReq, []pyInclude) {
	var reqs []pyReq
	var incs []pyInclude
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		start := i + 1
		line := strings.TrimRight(lines[i], "\r")
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimRight(lines[i], "\r")
		}
		line = stripReqComment(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "-") {
			opt, val := splitReqOption(line)
			switch opt {
			case "-r", "--requirement":
				if val != "" {
					incs = append(incs, pyInclude{Path: val, Line: start})
				}
			case "-e", "--editable":
				if _, egg, ok := strings.Cut(val, "#egg="); ok {
					if name, extras, ok := pep508Name(egg); ok {
						reqs = append(reqs, pyReq{Name: name, Extras: extras, Line: start})
					}
				}
			}
			continue
		}
		if strings.Contains(line, "://") && !strings.Contains(line, "@") {
			// A bare URL: only an #egg= fragment names it.
			if _, egg, ok := strings.Cut(line, "#egg="); ok {
				if name, extras, ok := pep508Name(egg); ok {
					reqs = append(reqs, pyReq{Name: name, Extras: extras, Line: start})
				}
			}
			continue
		}
		if name, extras, ok := pep508Name(line); ok {
			reqs = append(reqs, pyReq{Name: name, Extras: extras, Line: start})
		}
	}
	return reqs, incs
}

// stripReqComment removes a comment: "#" at the start or after whitespace
// (a "#" inside a URL fragment such as #egg= is kept).
func stripReqComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
			break
		}
	}
	return strings.TrimSpace(line)
}

// splitReqOption splits "-r file", "-rfile" and "--requirement=file".
func splitReqOption(line string) (opt, val string) {
	if strings.HasPrefix(line, "--") {
		opt, val, _ = strings.Cut(line, "=")
		if i := strings.IndexAny(opt, " \t"); i >= 0 {
			opt, val = opt[:i], opt[i+1:]
		}
		return opt, firstField(val)
	}
	if len(line) < 2 {
		return line, ""
	}
	return line[:2], firstField(line[2:])
}

func firstField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

var (
	setupNameRE     = newPattern(`\bname\s*=\s*["']([^"']+)["']`)
	setupRequiresRE = newPattern(`(?s)\binstall_requires\s*=\s*[\[(](.*?)[\])]`)
	pyStringRE      = newPattern(`["']([^"'\n]+)["']`)
)

// parseSetupPy reads the project name and install_requires names from
// setup.py by pattern; setup.py is code and is never run.
func parseSetupPy(data []byte) (name string, deps []pyReq) {
	if m := setupNameRE.FindSubmatch(data); m != nil {
		name = string(m[1])
	}
	if m := setupRequiresRE.FindSubmatchIndex(data); m != nil {
		body := data[m[2]:m[3]]
		for _, s := range pyStringRE.FindAllSubmatchIndex(body, -1) {
			if n, extras, ok := pep508Name(string(body[s[2]:s[3]])); ok {
				deps = append(deps, pyReq{Name: n, Extras: extras, Line: LineOf(data, m[2]+s[0])})
			}
		}
	}
	return name, deps
}

// parseSetupCfg reads [metadata] name and [options] install_requires from
// setup.cfg.
func parseSetupCfg(data []byte) (name string, deps []pyReq) {
	section, key := "", ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimRight(raw, "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			section, key = strings.TrimSpace(t[1:len(t)-1]), ""
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if !indented {
			k, v, ok := strings.Cut(t, "=")
			if !ok {
				key = ""
				continue
			}
			key, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if section == "metadata" && key == "name" {
				name = v
			}
			t = v
		}
		if section == "options" && key == "install_requires" && t != "" {
			if n, extras, ok := pep508Name(t); ok {
				deps = append(deps, pyReq{Name: n, Extras: extras, Line: i + 1})
			}
		}
	}
	return name, deps
}
