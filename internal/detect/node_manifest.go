package detect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// packageJSON is the part of a package.json the Node detector uses. Fields
// of an unexpected type are ignored rather than failing the whole file.
type packageJSON struct {
	Name            string
	Scripts         map[string]string
	Dependencies    map[string]string
	DevDependencies map[string]string
	EnginesNode     string
	VoltaNode       string
	PackageManager  string
	// Workspaces holds the workspace globs, from either the array form or
	// the {"packages": [...]} form.
	Workspaces []string
	Main       string
	// Bin maps command names to files; the string form is keyed by Name.
	Bin          map[string]string
	PrismaSchema string // "prisma": {"schema": "..."}
	Type         string // "module" or "commonjs"

	raw []byte
}

// jsSyntaxError is a package.json (or deno.json) that is not valid JSON,
// with the 1-based position of the offending character.
type jsSyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *jsSyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

var jsBOM = []byte{0xEF, 0xBB, 0xBF}

// parsePackageJSON parses a package.json. A syntax error is returned as a
// *jsSyntaxError with its line and column; a top level that is not an
// object is an error too. It never panics.
func parsePackageJSON(data []byte) (*packageJSON, error) {
	body := bytes.TrimPrefix(data, jsBOM)
	shift := len(data) - len(body)
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, jsJSONError(data, shift, err)
	}
	if top == nil {
		return nil, errors.New("top-level value is null, want an object")
	}
	p := &packageJSON{raw: data}
	p.Name = jsString(top["name"])
	p.Main = jsString(top["main"])
	p.Type = jsString(top["type"])
	p.PackageManager = strings.TrimSpace(jsString(top["packageManager"]))
	p.Scripts = jsStringMap(top["scripts"])
	p.Dependencies = jsStringMap(top["dependencies"])
	p.DevDependencies = jsStringMap(top["devDependencies"])
	p.EnginesNode = strings.TrimSpace(jsStringMap(top["engines"])["node"])
	p.VoltaNode = strings.TrimSpace(jsStringMap(top["volta"])["node"])
	p.PrismaSchema = jsStringMap(top["prisma"])["schema"]

	if ws := top["workspaces"]; len(ws) > 0 {
		if list := jsStringList(ws); list != nil {
			p.Workspaces = list
		} else {
			var obj map[string]json.RawMessage
			if json.Unmarshal(ws, &obj) == nil {
				p.Workspaces = jsStringList(obj["packages"])
			}
		}
	}
	if b := top["bin"]; len(b) > 0 {
		if s := jsString(b); s != "" {
			p.Bin = map[string]string{p.Name: s}
		} else if m := jsStringMap(b); len(m) > 0 {
			p.Bin = m
		}
	}
	return p, nil
}

// jsJSONError turns an encoding/json error into a positioned error. shift is
// the number of bytes (a BOM) removed before decoding.
func jsJSONError(data []byte, shift int, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := jsOffsetPosition(data, int(se.Offset)-1+shift)
		return &jsSyntaxError{Line: line, Column: col, Msg: se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("top-level value is %s, want an object", te.Value)
	}
	return err
}

// jsOffsetPosition returns the 1-based line and column (in characters) of a
// byte offset, clamped to the data.
func jsOffsetPosition(data []byte, off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(data) {
		off = len(data)
	}
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte{'\n'}) + 1, utf8.RuneCount(data[start:off]) + 1
}

func jsString(raw json.RawMessage) string {
	var s string
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// jsStringMap decodes an object, keeping only its string values.
func jsStringMap(raw json.RawMessage) map[string]string {
	var obj map[string]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	out := make(map[string]string, len(obj))
	for k, v := range obj {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
		}
	}
	return out
}

// jsStringList decodes an array, keeping only its strings; nil when raw is
// not an array.
func jsStringList(raw json.RawMessage) []string {
	var arr []json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &arr) != nil || arr == nil {
		return nil
	}
	out := []string{}
	for _, v := range arr {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out = append(out, s)
		}
	}
	return out
}

// has reports whether name is a dependency or dev dependency.
func (p *packageJSON) has(name string) bool {
	_, ok := p.Dependencies[name]
	if !ok {
		_, ok = p.DevDependencies[name]
	}
	return ok
}

// hasAny returns the first of the names that is a dependency.
func (p *packageJSON) hasAny(names ...string) (string, bool) {
	for _, n := range names {
		if p.has(n) {
			return n, true
		}
	}
	return "", false
}

// depNames returns the runtime dependency names, sorted.
func (p *packageJSON) depNames() []string {
	return jsSortedKeys(p.Dependencies)
}

// allDepNames returns runtime and dev dependency names, sorted.
func (p *packageJSON) allDepNames() []string {
	seen := map[string]string{}
	for k, v := range p.Dependencies {
		seen[k] = v
	}
	for k, v := range p.DevDependencies {
		seen[k] = v
	}
	return jsSortedKeys(seen)
}

// line returns the line of the first `"key":` in the file, or 0.
func (p *packageJSON) line(key string) int {
	if key == "" {
		return 0
	}
	return jsKeyLine(p.raw, key)
}

// jsKeyLine returns the line of the first occurrence of "key" used as an
// object key (followed by a colon), or 0 when it is absent.
func jsKeyLine(data []byte, key string) int {
	needle := []byte(`"` + key + `"`)
	from := 0
	for {
		i := bytes.Index(data[from:], needle)
		if i < 0 {
			return 0
		}
		at := from + i
		rest := bytes.TrimLeft(data[at+len(needle):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return LineOf(data, at)
		}
		from = at + len(needle)
	}
}

func jsSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
