// Package tf holds an embedded, derived schema of the Terraform AWS provider
// (resources and data sources: arguments, nested blocks, exported
// attributes) and a small checker that compares the shape of a resource
// body against it without any HCL library.
//
// The data is generated from the npm package @cdktn/provider-aws by the
// program in ./gen (run with go generate) and loaded lazily on first use.
// The package knows schemas only: it does not parse HCL, render Terraform
// or read anything outside its embedded file.
package tf

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./gen -pkg ../../../test-tools/node_modules/@cdktn/provider-aws -out provider.json.gz

// FormatVersion is the version of the embedded file's layout.
const FormatVersion = 1

//go:embed provider.json.gz
var embedded []byte

// File is everything the embedded data file holds. The generator builds
// one and writes it with Encode; Decode reads the result.
type File struct {
	Package         string      `json:"package"` // npm package name, @cdktn/provider-aws
	PackageVersion  string      `json:"package_version"`
	Provider        string      `json:"provider"` // registry.terraform.io/hashicorp/aws
	ProviderVersion string      `json:"provider_version"`
	Resources       []*Resource `json:"resources"`
	DataSources     []*Resource `json:"data_sources"`
}

// Resource is one resource or data source type. Its body is a Block
// without a name, embedded so that r.Arguments, r.Argument(name),
// r.Block(name) and the rest read directly.
type Resource struct {
	Type string `json:"type"`
	Body
}

// Body is the top-level Block of a resource. It exists as a name so a
// Resource can embed a Block and keep its Block method.
type Body = Block

// Nesting says how a nested block (or an object-typed attribute) repeats.
type Nesting string

// Nesting modes.
const (
	NestingList   Nesting = "list"
	NestingSet    Nesting = "set"
	NestingSingle Nesting = "single"
	NestingMap    Nesting = "map"
)

// Block is a resource body or a nested block. Arguments and Attributes are
// sorted by name, Blocks by name.
type Block struct {
	Name    string  `json:"name,omitempty"`
	Nesting Nesting `json:"nesting,omitempty"`
	// MinItems is 1 when the block is required; MaxItems is 1 when the
	// provider allows at most one (0 means no recorded limit).
	MinItems int `json:"min_items,omitempty"`
	MaxItems int `json:"max_items,omitempty"`
	// Arguments can be set in configuration (required or optional).
	Arguments []*Argument `json:"arguments,omitempty"`
	// Blocks are nested blocks, written `name { ... }`.
	Blocks []*Block `json:"blocks,omitempty"`
	// Attributes are computed-only: exported, never set.
	Attributes []*Argument `json:"attributes,omitempty"`
	// Opaque marks a block whose contents the source package does not
	// describe (its bindings type it as "any" because it nests too
	// deeply); anything may appear inside it.
	Opaque bool `json:"opaque,omitempty"`
	// SameAs, in the file, marks a recursive block (wafv2 statements nest
	// themselves): its contents are those of the enclosing block at this
	// dotted path from the resource body. Decode resolves it, so the
	// loaded schema is a graph and may contain cycles.
	SameAs string `json:"same_as,omitempty"`
}

// Argument is one attribute of a block: a configurable argument or a
// computed-only exported attribute.
type Argument struct {
	Name string `json:"name"`
	// Type is a Terraform type constraint: string, number, bool, dynamic,
	// list(string), set(number), map(string), list(map(string)), or for
	// object-typed attributes object, list(object), set(object),
	// map(object) with the object's fields in Nested.
	Type     string `json:"type"`
	Required bool   `json:"required,omitempty"`
	// Computed is set on optional arguments the provider may fill in, and
	// on every computed-only attribute.
	Computed bool   `json:"computed,omitempty"`
	Nested   *Block `json:"nested,omitempty"`
}

// Optional reports whether an argument may be left out.
func (a *Argument) Optional() bool { return !a.Required }

// Argument returns the configurable argument called name.
func (b *Block) Argument(name string) (*Argument, bool) { return findArg(b.Arguments, name) }

// Attribute returns the computed-only attribute called name.
func (b *Block) Attribute(name string) (*Argument, bool) { return findArg(b.Attributes, name) }

// Block returns the nested block called name.
func (b *Block) Block(name string) (*Block, bool) {
	i := sort.Search(len(b.Blocks), func(i int) bool { return b.Blocks[i].Name >= name })
	if i < len(b.Blocks) && b.Blocks[i].Name == name {
		return b.Blocks[i], true
	}
	return nil, false
}

func findArg(args []*Argument, name string) (*Argument, bool) {
	i := sort.Search(len(args), func(i int) bool { return args[i].Name >= name })
	if i < len(args) && args[i].Name == name {
		return args[i], true
	}
	return nil, false
}

// Names returns the names of everything that may appear in the block's
// body (arguments and nested blocks), sorted.
func (b *Block) Names() []string {
	out := make([]string, 0, len(b.Arguments)+len(b.Blocks))
	for _, a := range b.Arguments {
		out = append(out, a.Name)
	}
	for _, n := range b.Blocks {
		out = append(out, n.Name)
	}
	sort.Strings(out)
	return out
}

// Schema is a loaded provider schema. Each type's body is decoded on its
// first lookup, so loading costs one decompression and an index.
type Schema struct {
	Package         string
	PackageVersion  string
	Provider        string
	ProviderVersion string
	resources       []*entry // sorted by type
	dataSources     []*entry // sorted by type
	resourceTypes   []string
	dataTypes       []string
}

// entry is one type's line in the file, decoded on demand.
type entry struct {
	typ  string
	raw  []byte
	once sync.Once
	res  *Resource
	err  error
}

// header is the first line of the file.
type header struct {
	FormatVersion   int    `json:"format_version"`
	Package         string `json:"package"`
	PackageVersion  string `json:"package_version"`
	Provider        string `json:"provider"`
	ProviderVersion string `json:"provider_version"`
	Resources       int    `json:"resources"`
	DataSources     int    `json:"data_sources"`
}

// line is every later line: one resource or data source.
type line struct {
	Kind string `json:"kind"` // "resource" or "data"
	Type string `json:"type"`
	Body *Block `json:"body"`
}

// Encode writes f in the embedded layout: gzip-compressed JSON Lines, a
// header line then one line per resource and per data source, each group
// sorted by type, compressed without a timestamp so the same File always
// gives the same bytes.
func Encode(f *File) ([]byte, error) {
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(header{FormatVersion, f.Package, f.PackageVersion, f.Provider, f.ProviderVersion, len(f.Resources), len(f.DataSources)}); err != nil {
		return nil, err
	}
	for _, group := range []struct {
		kind string
		list []*Resource
	}{{"resource", f.Resources}, {"data", f.DataSources}} {
		list := append([]*Resource(nil), group.list...)
		sort.Slice(list, func(i, j int) bool { return list[i].Type < list[j].Type })
		for _, r := range list {
			body := r.Body
			if err := enc.Encode(line{Kind: group.kind, Type: r.Type, Body: &body}); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(js.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	loadOnce   sync.Once
	loaded     *Schema
	loadingErr error
)

// Default returns the embedded schema, indexing it on first use.
func Default() (*Schema, error) {
	loadOnce.Do(func() { loaded, loadingErr = Decode(embedded) })
	return loaded, loadingErr
}

func mustDefault() *Schema {
	s, err := Default()
	if err != nil {
		// The embedded file is produced by the generator and fully
		// decoded by this package's tests; failing to read it is a build
		// defect, not bad user input.
		panic(err)
	}
	return s
}

// Decode indexes a schema file written by Encode (gzip-compressed or
// plain). It reads the header and each line's kind and type; bodies are
// decoded on first lookup.
func Decode(data []byte) (*Schema, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("terraform provider schema: %w", err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("terraform provider schema: %w", err)
		}
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	var h header
	if err := json.Unmarshal(first, &h); err != nil {
		return nil, fmt.Errorf("terraform provider schema: line 1: %w", err)
	}
	if h.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("terraform provider schema: line 1: format_version %d, want %d", h.FormatVersion, FormatVersion)
	}
	s := &Schema{Package: h.Package, PackageVersion: h.PackageVersion, Provider: h.Provider, ProviderVersion: h.ProviderVersion}
	for n := 2; len(rest) > 0; n++ {
		var ln []byte
		ln, rest, _ = bytes.Cut(rest, []byte("\n"))
		kind, typ, err := lineKey(ln)
		if err != nil {
			return nil, fmt.Errorf("terraform provider schema: line %d: %w", n, err)
		}
		e := &entry{typ: typ, raw: ln}
		switch kind {
		case "resource":
			s.resources = append(s.resources, e)
		case "data":
			s.dataSources = append(s.dataSources, e)
		default:
			return nil, fmt.Errorf("terraform provider schema: line %d: unknown kind %q", n, kind)
		}
	}
	if len(s.resources) != h.Resources || len(s.dataSources) != h.DataSources {
		return nil, fmt.Errorf("terraform provider schema: %d resources and %d data sources, header says %d and %d",
			len(s.resources), len(s.dataSources), h.Resources, h.DataSources)
	}
	for _, list := range [][]*entry{s.resources, s.dataSources} {
		sort.SliceStable(list, func(i, j int) bool { return list[i].typ < list[j].typ })
		for i := 1; i < len(list); i++ {
			if list[i].typ == list[i-1].typ {
				return nil, fmt.Errorf("terraform provider schema: type %q listed twice", list[i].typ)
			}
		}
	}
	s.resourceTypes = typeNames(s.resources)
	s.dataTypes = typeNames(s.dataSources)
	return s, nil
}

// lineKey reads the leading "kind" and "type" members of a line without
// decoding the body. Encode always writes them first.
func lineKey(ln []byte) (kind, typ string, err error) {
	dec := json.NewDecoder(bytes.NewReader(ln))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", "", fmt.Errorf("want a JSON object")
	}
	for _, want := range []string{"kind", "type"} {
		key, err := dec.Token()
		if err != nil || key != want {
			return "", "", fmt.Errorf("want member %q first", want)
		}
		val, err := dec.Token()
		str, ok := val.(string)
		if err != nil || !ok || str == "" {
			return "", "", fmt.Errorf("member %q: want a non-empty string", want)
		}
		if want == "kind" {
			kind = str
		} else {
			typ = str
		}
	}
	return kind, typ, nil
}

// load decodes the entry's body once.
func (e *entry) load() (*Resource, error) {
	e.once.Do(func() {
		var l line
		if err := json.Unmarshal(e.raw, &l); err != nil {
			e.err = fmt.Errorf("terraform provider schema: %s: %w", e.typ, err)
			return
		}
		if l.Body == nil {
			l.Body = &Block{}
		}
		r := &Resource{Type: l.Type, Body: *l.Body}
		normalize(&r.Body)
		if err := resolve(r, &r.Body); err != nil {
			e.err = err
			return
		}
		e.res, e.raw = r, nil
	})
	return e.res, e.err
}

// normalize sorts a block's members so lookups can binary-search, and
// drops null entries a hand-edited file might hold.
func normalize(b *Block) {
	b.Arguments = normArgs(b.Arguments)
	b.Attributes = normArgs(b.Attributes)
	blocks := b.Blocks[:0]
	for _, n := range b.Blocks {
		if n != nil {
			normalize(n)
			blocks = append(blocks, n)
		}
	}
	b.Blocks = blocks
	sort.Slice(b.Blocks, func(i, j int) bool { return b.Blocks[i].Name < b.Blocks[j].Name })
}

// resolve fills in the contents of every SameAs block below b from the
// block it names.
func resolve(r *Resource, b *Block) error {
	if b.SameAs != "" {
		target, ok := r.walk(b.SameAs)
		if !ok || target.SameAs != "" {
			return fmt.Errorf("terraform provider schema: %s: same_as %q names no block", r.Type, b.SameAs)
		}
		b.Arguments, b.Blocks, b.Attributes, b.Opaque = target.Arguments, target.Blocks, target.Attributes, target.Opaque
		b.SameAs = ""
		return nil
	}
	for _, n := range b.Blocks {
		if err := resolve(r, n); err != nil {
			return err
		}
	}
	for _, list := range [][]*Argument{b.Arguments, b.Attributes} {
		for _, a := range list {
			if a.Nested != nil {
				if err := resolve(r, a.Nested); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// walk follows a dotted path of block and argument names from the
// resource body.
func (r *Resource) walk(path string) (*Block, bool) {
	b := &r.Body
	for _, name := range strings.Split(path, ".") {
		if n, ok := b.Block(name); ok {
			b = n
		} else if a, ok := b.Argument(name); ok && a.Nested != nil {
			b = a.Nested
		} else if a, ok := b.Attribute(name); ok && a.Nested != nil {
			b = a.Nested
		} else {
			return nil, false
		}
	}
	return b, true
}

func normArgs(args []*Argument) []*Argument {
	out := args[:0]
	for _, a := range args {
		if a == nil {
			continue
		}
		if a.Nested != nil {
			normalize(a.Nested)
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func typeNames(es []*entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.typ
	}
	return out
}

func find(es []*entry, typ string) (*Resource, error) {
	i := sort.Search(len(es), func(i int) bool { return es[i].typ >= typ })
	if i < len(es) && es[i].typ == typ {
		return es[i].load()
	}
	return nil, nil
}

// Resource returns the resource type called resourceType, nil if there
// is none, or an error if its entry in the file is corrupt.
func (s *Schema) Resource(resourceType string) (*Resource, error) {
	return find(s.resources, resourceType)
}

// DataSource returns the data source type called dataType, like Resource.
func (s *Schema) DataSource(dataType string) (*Resource, error) { return find(s.dataSources, dataType) }

// Lookup returns the resource type called resourceType (e.g.
// "aws_s3_bucket"). A corrupt entry counts as missing; Resource reports it.
func (s *Schema) Lookup(resourceType string) (*Resource, bool) {
	r, err := s.Resource(resourceType)
	return r, err == nil && r != nil
}

// LookupData returns the data source type called dataType (e.g. "aws_ami").
func (s *Schema) LookupData(dataType string) (*Resource, bool) {
	r, err := s.DataSource(dataType)
	return r, err == nil && r != nil
}

// Types returns every resource type name, sorted. The caller may not modify it.
func (s *Schema) Types() []string { return s.resourceTypes }

// DataTypes returns every data source type name, sorted. The caller may not modify it.
func (s *Schema) DataTypes() []string { return s.dataTypes }

// Lookup returns a resource type from the embedded schema.
func Lookup(resourceType string) (*Resource, bool) { return mustDefault().Lookup(resourceType) }

// LookupData returns a data source type from the embedded schema.
func LookupData(dataType string) (*Resource, bool) { return mustDefault().LookupData(dataType) }

// Types returns every resource type in the embedded schema, sorted.
func Types() []string { return append([]string(nil), mustDefault().Types()...) }

// DataTypes returns every data source type in the embedded schema, sorted.
func DataTypes() []string { return append([]string(nil), mustDefault().DataTypes()...) }

// Versions returns the npm package version and the AWS provider version
// the embedded schema was derived from.
func Versions() (pkg, provider string) {
	s := mustDefault()
	return s.PackageVersion, s.ProviderVersion
}
