package spec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Document is a hoist.yaml as read from a file: the decoded Spec and the
// YAML node tree it came from, which Update uses to keep the user's comments
// and key order, and Validate uses to point errors at lines.
type Document struct {
	// File is the name errors are reported against.
	File string
	// Spec is what the file says. Loading never fills defaults into it.
	Spec *Spec

	node *yaml.Node // the DocumentNode, whose comments Update keeps
	root *yaml.Node // the mapping at the top of the document
	pos  map[string]position
	data []byte // the text parsed, for Update to line blank lines up with
}

type position struct{ line, col int }

// maxNodes bounds the work done decoding one document, so that a file full
// of aliases cannot make decoding explode; a large real hoist.yaml has a
// few hundred values.
const maxNodes = 20000

// maxErrors is how many errors Parse reports before it stops listing them.
const maxErrors = 50

// Load reads and decodes the hoist.yaml at path. Errors about the content
// are an Errors list; a file that cannot be read is reported as is.
func Load(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes data strictly into a Document; name is the file name used
// in errors. Unknown keys, duplicate keys and wrong types are errors. On
// error the result is an Errors list sorted by position.
func Parse(name string, data []byte) (*Document, error) {
	node, root, errs := parseNode(name, data)
	if errs != nil {
		return nil, errs
	}
	d := &decoder{file: name, pos: map[string]position{"": {root.Line, root.Column}}, budget: maxNodes}
	var s Spec
	d.decode(root, reflect.ValueOf(&s).Elem(), "")
	if len(d.errs) > 0 {
		d.errs.sortByPosition()
		return nil, d.errs
	}
	return &Document{File: name, Spec: &s, node: node, root: root, pos: d.pos, data: data}, nil
}

// Validate checks the document's Spec (see the package function Validate)
// and points each error at the line it is about. A rule about a key that is
// missing points at the nearest enclosing key that is present.
func (doc *Document) Validate() Errors {
	errs := Validate(doc.Spec)
	for i := range errs {
		errs[i].File = doc.File
		errs[i].Line, errs[i].Column, _ = doc.Position(errs[i].Path)
	}
	errs.sortByPosition()
	return errs
}

// Position returns where path (e.g. "services[1].port") is written in the
// file. When path itself is not written it returns the position of the
// nearest enclosing path that is, and ok is false.
func (doc *Document) Position(path string) (line, col int, ok bool) {
	ok = true
	for {
		if p, found := doc.pos[path]; found {
			return p.line, p.col, ok
		}
		ok = false
		if path == "" {
			return 1, 1, false
		}
		path = parentPath(path)
	}
}

// parentPath drops the last element of a field path:
// "services[0].env[2]" -> "services[0].env" -> "services[0]" -> "services" -> "".
func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndex(p, "["); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i]
	}
	return ""
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

var lineRE = regexp.MustCompile(`^line (\d+): (.*)$`)

// parseNode parses data as exactly one YAML document whose top level is a
// mapping, and returns the document node and that mapping.
func parseNode(name string, data []byte) (doc, root *yaml.Node, errs Errors) {
	fail := func(line, col int, format string, args ...any) Errors {
		return Errors{{File: name, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fail(1, 1, "file is empty; a hoist.yaml needs at least \"version: 1\" and a name")
	}
	if !utf8.Valid(data) {
		line, col := offsetPosition(data, firstInvalidUTF8(data))
		return nil, nil, fail(line, col, "file is not valid UTF-8")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = &yaml.Node{}
	if err := safeDecode(dec, doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, fail(1, 1, "file has only comments; a hoist.yaml needs at least \"version: 1\" and a name")
		}
		return nil, nil, syntaxError(name, data, err)
	}
	var next yaml.Node
	switch err := safeDecode(dec, &next); {
	case err == nil:
		return nil, nil, fail(next.Line, next.Column, "file holds more than one YAML document; a hoist.yaml is exactly one")
	case !errors.Is(err, io.EOF):
		return nil, nil, syntaxError(name, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil, fail(1, 1, "file has only comments; a hoist.yaml needs at least \"version: 1\" and a name")
	}
	root = doc.Content[0]
	if isNull(root) {
		return nil, nil, fail(root.Line, root.Column, "file is empty; a hoist.yaml needs at least \"version: 1\" and a name")
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, fail(root.Line, root.Column, "the top level must be a mapping of keys such as version, name and services; got %s", describe(root))
	}
	return doc, root, nil
}

// safeDecode runs the YAML parser and turns a panic inside it into an error:
// no input may crash the caller.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: cannot parse: %v", r)
		}
	}()
	return dec.Decode(n)
}

// syntaxError turns a YAML parser error ("yaml: line 3: mapping values are
// not allowed in this context") into a located Error.
func syntaxError(name string, data []byte, err error) Errors {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			line = n
		}
		msg = m[2]
	}
	if bytes.Contains(data, []byte("\t")) && strings.Contains(msg, "cannot start any token") {
		msg += " (YAML does not allow tabs for indentation; use spaces)"
	}
	return Errors{{File: name, Line: line, Column: 1, Message: "invalid YAML: " + msg}}
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// offsetPosition converts a byte offset into a 1-based line and column.
func offsetPosition(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node holds, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	if n.ShortTag() == "!!str" {
		return strconv.Quote(n.Value)
	}
	return n.Value
}

// field is one yaml-tagged field of a Spec struct.
type field struct {
	name      string
	index     int
	omitempty bool
}

var fieldCache sync.Map // reflect.Type -> []field

// fieldsOf lists the yaml keys of a struct type in declaration order.
func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		fs = append(fs, field{name: name, index: i, omitempty: strings.Contains(opts, "omitempty")})
	}
	fieldCache.Store(t, fs)
	return fs
}

func fieldNames(fs []field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

// decoder fills a Spec from a node tree, strictly, collecting every error
// with its path and position instead of stopping at the first.
type decoder struct {
	file   string
	errs   Errors
	pos    map[string]position
	budget int
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	if len(d.errs) > maxErrors {
		return
	}
	if len(d.errs) == maxErrors {
		format, args = "too many errors; stopping after %d", []any{maxErrors}
		d.budget = 0 // decode nothing more
	}
	d.errs = append(d.errs, Error{File: d.file, Line: n.Line, Column: n.Column, Path: path, Message: fmt.Sprintf(format, args...)})
}

// decode fills v from n. A null leaves v at its zero value ("unset").
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if d.budget--; d.budget < 0 {
		if d.budget == -1 {
			d.errorf(n, path, "document is too large (more than %d values once aliases are expanded)", maxNodes)
		}
		return
	}
	at := n
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			d.errorf(n, path, "alias refers to nothing")
			return
		}
		n = n.Alias
	}
	if isNull(n) {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(at, n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(at, path, "must be a string, got %s", describe(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			d.errorf(at, path, "must be an integer, got %s", describe(n))
			return
		}
		var i int64
		if err := n.Decode(&i); err != nil || int64(int(i)) != i {
			d.errorf(at, path, "must be an integer that fits in 64 bits, got %s", n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			d.errorf(at, path, "must be true or false, got %s", describe(n))
			return
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			d.errorf(at, path, "must be true or false, got %s", describe(n))
			return
		}
		v.SetBool(b)
	default:
		// Spec holds only the kinds above; a new kind is a programming error
		// caught by the tests, reported rather than panicking.
		d.errorf(at, path, "cannot decode into %s", v.Type())
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "must be a mapping of keys, got %s", describe(n))
		return
	}
	fs := fieldsOf(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, got %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			d.errorf(k, path, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			d.errorf(k, joinPath(path, name), "duplicate key %q; first set at line %d", name, first.Line)
			continue
		}
		seen[name] = k
		var f *field
		for j := range fs {
			if fs[j].name == name {
				f = &fs[j]
				break
			}
		}
		if f == nil {
			if s := suggest(name, fieldNames(fs)); s != "" {
				d.errorf(k, path, "unknown key %q; did you mean %q?", name, s)
			} else {
				d.errorf(k, path, "unknown key %q; known keys: %s", name, strings.Join(fieldNames(fs), ", "))
			}
			continue
		}
		child := joinPath(path, name)
		if val.Kind == yaml.ScalarNode || val.Kind == yaml.AliasNode {
			d.pos[child] = position{val.Line, val.Column}
		} else {
			d.pos[child] = position{k.Line, k.Column}
		}
		d.decode(val, v.Field(f.index), child)
	}
}

func (d *decoder) decodeSlice(at, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String {
			d.errorf(at, path, "must be a list, got %s; write [%s]", describe(n), n.Value)
		} else {
			d.errorf(at, path, "must be a list, got %s", describe(n))
		}
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.pos[p] = position{item.Line, item.Column}
		if isNull(item) {
			d.errorf(item, p, "empty list item; remove the lone \"-\" or give it a value")
			continue
		}
		d.decode(item, out.Index(i), p)
	}
	v.Set(out)
}
