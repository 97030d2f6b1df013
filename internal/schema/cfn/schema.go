// Package cfn is Hoist's offline model of CloudFormation resource types: for
// every resource type its properties (type, required, update behaviour), its
// GetAtt attributes, and the fields of its property types, plus a checker for
// a resource's Properties block.
//
// The data is derived from the npm package @aws-cdk/aws-service-spec by the
// generator in ./gen (`go generate ./internal/schema/cfn`) and embedded in
// the binary as resources.txt.gz. On first use the file is decompressed and
// indexed once; each resource type is parsed the first time it is looked up.
// Everything is read-only once built, so every function here is safe for
// concurrent use.
//
// The package knows CloudFormation's type system and nothing of Hoist's spec,
// IR, renderers or files: callers hand it decoded values and get data back
// (problems carry a property path, not a file position). It never prints,
// touches the network or reads the file system.
package cfn

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

//go:embed resources.txt.gz
var embedded []byte

// Kind is the shape of a CloudFormation value.
type Kind uint8

// The kinds of value a property can hold.
const (
	KindString Kind = iota + 1
	KindInteger
	KindNumber
	KindBoolean
	KindJSON      // any JSON value (a policy document, a free-form object)
	KindTimestamp // an ISO 8601 date-time string
	KindList      // a list of Type.Elem
	KindMap       // an object with string keys and Type.Elem values
	KindStruct    // a named property type; see Type.Name and PropertyType
	KindUnion     // any one of Type.Union
)

var kindNames = map[Kind]string{
	KindString: "string", KindInteger: "integer", KindNumber: "number", KindBoolean: "boolean",
	KindJSON: "json", KindTimestamp: "timestamp", KindList: "list", KindMap: "map",
	KindStruct: "struct", KindUnion: "union",
}

func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Type is the type of a property or attribute.
type Type struct {
	Kind  Kind
	Elem  *Type  // element type of a list or map
	Name  string // qualified property type name of a struct: "AWS::S3::Bucket.BucketEncryption", or "Tag"
	Union []Type // members of a union

	def *Definition // resolved struct definition
}

// String renders the type in the notation of the embedded data, with struct names
// qualified: "list<AWS::S3::Bucket.Rule>", "string|json".
func (t Type) String() string {
	switch t.Kind {
	case KindList:
		return "list<" + t.Elem.String() + ">"
	case KindMap:
		return "map<" + t.Elem.String() + ">"
	case KindStruct:
		return t.Name
	case KindUnion:
		parts := make([]string, len(t.Union))
		for i, m := range t.Union {
			parts[i] = m.String()
		}
		return strings.Join(parts, "|")
	default:
		return t.Kind.String()
	}
}

// Replacement says what happens to a resource when a property changes.
type Replacement uint8

// Update behaviours.
const (
	ReplaceNever       Replacement = iota // updated in place (possibly with interruption)
	ReplaceAlways                         // changing the property replaces the resource
	ReplaceConditional                    // replacement depends on the old and new values
)

func (r Replacement) String() string {
	switch r {
	case ReplaceAlways:
		return "replace"
	case ReplaceConditional:
		return "conditional"
	default:
		return "in-place"
	}
}

// Property is one property of a resource or one field of a property type.
type Property struct {
	Name        string
	Type        Type
	Required    bool
	Replacement Replacement
	Deprecated  bool
}

// Attribute is one Fn::GetAtt attribute. Names of nested attributes contain
// dots ("Endpoint.Address").
type Attribute struct {
	Name string
	Type Type
}

// Resource is one resource type.
type Resource struct {
	Type       string
	Properties []Property  // sorted by name
	Attributes []Attribute // sorted by name

	props     map[string]int
	required  []string // sorted
	propNames []string // sorted
	attrs     map[string]int
	defs      map[string]*Definition // property types by short name
}

// Property returns the named property.
func (r *Resource) Property(name string) (*Property, bool) {
	i, ok := r.props[name]
	if !ok {
		return nil, false
	}
	return &r.Properties[i], true
}

// Attribute returns the named GetAtt attribute.
func (r *Resource) Attribute(name string) (*Attribute, bool) {
	i, ok := r.attrs[name]
	if !ok {
		return nil, false
	}
	return &r.Attributes[i], true
}

// Definition is a property type: a named object shape used by properties.
type Definition struct {
	Name       string     // qualified: "AWS::S3::Bucket.BucketEncryption", or "Tag"
	Properties []Property // sorted by name

	props     map[string]int
	required  []string
	propNames []string
}

// Property returns the named field.
func (d *Definition) Property(name string) (*Property, bool) {
	i, ok := d.props[name]
	if !ok {
		return nil, false
	}
	return &d.Properties[i], true
}

// Info describes where the embedded data came from.
type Info struct {
	Source    string // npm package name
	Version   string // its version
	Generated string // generation date, YYYY-MM-DD
}

type catalog struct {
	info    Info
	tag     *Definition
	entries map[string]*entry
	types   []string // sorted resource type names
}

// entry is one resource type: its lines of the data file until first use,
// then the parsed Resource.
type entry struct {
	once sync.Once
	text string
	res  *Resource
	err  error
}

var (
	loadOnce sync.Once
	loaded   *catalog
)

// The data is produced by the generator and checked by this package's tests
// (every resource is parsed), so a decoding failure is a build defect: the
// accessors panic rather than make every caller handle an impossible error.
func mustOK(err error) {
	if err != nil {
		panic("cfn: embedded schema is corrupt: " + err.Error())
	}
}

func db() *catalog {
	loadOnce.Do(func() {
		c, err := decode(embedded)
		mustOK(err)
		loaded = c
	})
	return loaded
}

// resource returns the parsed resource type, parsing it on first use.
func (c *catalog) resource(rt string) (*Resource, bool, error) {
	e, ok := c.entries[rt]
	if !ok {
		return nil, false, nil
	}
	e.once.Do(func() {
		e.res, e.err = parseResource(rt, e.text, c.tag)
		if e.err != nil {
			e.err = fmt.Errorf("%s: %w", rt, e.err)
		}
		e.text = ""
	})
	return e.res, true, e.err
}

// SchemaInfo reports the source and version of the embedded data.
func SchemaInfo() Info { return db().info }

// Lookup returns the resource type, e.g. "AWS::S3::Bucket".
func Lookup(resourceType string) (*Resource, bool) {
	r, ok, err := db().resource(resourceType)
	mustOK(err)
	return r, ok
}

// PropertyType returns a property type by qualified name, e.g.
// "AWS::S3::Bucket.BucketEncryption" or "Tag".
func PropertyType(name string) (*Definition, bool) {
	if name == tagName {
		return db().tag, true
	}
	rt, short, ok := strings.Cut(name, ".")
	if !ok {
		return nil, false
	}
	r, ok := Lookup(rt)
	if !ok {
		return nil, false
	}
	d, ok := r.defs[short]
	return d, ok
}

// Types returns every resource type name, sorted. The slice is a copy.
func Types() []string { return slices.Clone(db().types) }

// HasAttribute reports whether resourceType has the GetAtt attribute attr.
// A custom resource (Custom::Name) returns whatever its handler puts in
// Data, so any non-empty attribute is accepted for it.
func HasAttribute(resourceType, attr string) bool {
	if isCustom(resourceType) || resourceType == customResource {
		return attr != ""
	}
	r, ok := Lookup(resourceType)
	if !ok {
		return false
	}
	_, ok = r.attrs[attr]
	return ok
}

// Attributes returns the GetAtt attribute names of resourceType, sorted, or
// nil for an unknown type. For a custom resource it lists only the declared
// ones (see HasAttribute).
func Attributes(resourceType string) []string {
	r, ok := Lookup(resourceType)
	if !ok {
		return nil
	}
	names := make([]string, len(r.Attributes))
	for i, a := range r.Attributes {
		names[i] = a.Name
	}
	return names
}

const (
	tagName = "Tag"
	magic   = "hoist-cfn-schema 2"
)

// decode decompresses the data file, reads its header and global types, and
// indexes the resources without parsing them. The format is described in
// gen/main.go.
func decode(gz []byte) (*catalog, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	text := string(raw)
	first, text, _ := strings.Cut(text, "\n")
	if first != magic {
		return nil, fmt.Errorf("line 1: got %.40q, want %q", first, magic)
	}
	c := &catalog{entries: make(map[string]*entry, 2048)}
	header := map[string]*string{"source": &c.info.Source, "version": &c.info.Version, "generated": &c.info.Generated}
	lineNo := 1
	// Header lines, then the global types, up to the first resource.
	for text != "" && !strings.HasPrefix(text, "resource ") {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		lineNo++
		key, val, _ := strings.Cut(line, " ")
		if dst, ok := header[key]; ok {
			*dst = val
			continue
		}
		if line != "type Tag" {
			return nil, fmt.Errorf("line %d: unexpected %.60q before the first resource", lineNo, line)
		}
		var block string
		block, text = cutBlock(text)
		c.tag = &Definition{Name: tagName}
		if c.tag.Properties, err = parseProps(block, "    field ", func(s string) (Type, error) { return parseType(s, nil, nil) }); err != nil {
			return nil, fmt.Errorf("type Tag: %w", err)
		}
		c.tag.index()
		lineNo += strings.Count(block, "\n")
	}
	if c.tag == nil {
		return nil, fmt.Errorf("no global Tag type before the first resource")
	}
	for text != "" {
		var line, block string
		line, text, _ = strings.Cut(text, "\n")
		lineNo++
		rt, ok := strings.CutPrefix(line, "resource ")
		if !ok || rt == "" {
			return nil, fmt.Errorf("line %d: got %.60q, want a resource line", lineNo, line)
		}
		if _, dup := c.entries[rt]; dup {
			return nil, fmt.Errorf("line %d: resource %s appears twice", lineNo, rt)
		}
		block, text = cutBlock(text)
		lineNo += strings.Count(block, "\n")
		c.entries[rt] = &entry{text: block}
		c.types = append(c.types, rt)
	}
	if !slices.IsSorted(c.types) {
		return nil, fmt.Errorf("resources are not sorted")
	}
	return c, nil
}

// cutBlock splits off the indented lines at the start of text.
func cutBlock(text string) (block, rest string) {
	i := 0
	for i < len(text) && text[i] == ' ' {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return text, ""
		}
		i += nl + 1
	}
	return text[:i], text[i:]
}

// parseResource parses the lines of one resource: props, attrs, then its
// property types with their fields.
func parseResource(rt, block string, tag *Definition) (*Resource, error) {
	r := &Resource{Type: rt, defs: map[string]*Definition{}}
	// First pass: create the property types so references can resolve.
	for rest := block; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if name, ok := strings.CutPrefix(line, "  type "); ok {
			if _, dup := r.defs[name]; dup || name == "" {
				return nil, fmt.Errorf("property type %q is empty or defined twice", name)
			}
			r.defs[name] = &Definition{Name: rt + "." + name}
		}
	}
	resolve := func(s string) (Type, error) { return parseType(s, r.defs, tag) }
	head, defsText, _ := strings.Cut(block, "  type ")
	if defsText != "" {
		defsText = "  type " + defsText
	}
	propsText, attrsText := head, ""
	if i := strings.Index(head, "  attr "); i >= 0 {
		propsText, attrsText = head[:i], head[i:]
	}
	var err error
	if r.Properties, err = parseProps(propsText, "  prop ", resolve); err != nil {
		return nil, err
	}
	r.props, r.propNames, r.required = indexProps(r.Properties)
	for rest := attrsText; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		f := strings.Fields(strings.TrimPrefix(line, "  attr "))
		if !strings.HasPrefix(line, "  attr ") || len(f) != 2 {
			return nil, fmt.Errorf("got %.60q, want an attr line", line)
		}
		t, err := resolve(f[1])
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", f[0], err)
		}
		r.Attributes = append(r.Attributes, Attribute{Name: f[0], Type: t})
	}
	if !slices.IsSortedFunc(r.Attributes, func(a, b Attribute) int { return strings.Compare(a.Name, b.Name) }) {
		return nil, fmt.Errorf("attributes are not sorted")
	}
	r.attrs = make(map[string]int, len(r.Attributes))
	for i, a := range r.Attributes {
		r.attrs[a.Name] = i
	}
	for rest := defsText; rest != ""; {
		var line, fields string
		line, rest, _ = strings.Cut(rest, "\n")
		name, _ := strings.CutPrefix(line, "  type ")
		fields, rest = cutFields(rest)
		d := r.defs[name]
		if d.Properties, err = parseProps(fields, "    field ", resolve); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		d.index()
	}
	return r, nil
}

// cutFields splits off the "    field" lines at the start of text.
func cutFields(text string) (fields, rest string) {
	i := 0
	for strings.HasPrefix(text[i:], "    ") {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return text, ""
		}
		i += nl + 1
	}
	return text[:i], text[i:]
}

func (d *Definition) index() { d.props, d.propNames, d.required = indexProps(d.Properties) }

func indexProps(props []Property) (idx map[string]int, names, required []string) {
	idx = make(map[string]int, len(props))
	names = make([]string, len(props))
	for i, p := range props {
		idx[p.Name] = i
		names[i] = p.Name
		if p.Required {
			required = append(required, p.Name)
		}
	}
	return idx, names, required
}

// parseProps parses "<prefix><name> <type> [flags]" lines, sorted by name.
func parseProps(text, prefix string, resolve func(string) (Type, error)) ([]Property, error) {
	out := make([]Property, 0, strings.Count(text, "\n")+1)
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		body, ok := strings.CutPrefix(line, prefix)
		f := strings.Fields(body)
		if !ok || len(f) < 2 {
			return nil, fmt.Errorf("got %.60q, want %q lines", line, strings.TrimSpace(prefix))
		}
		t, err := resolve(f[1])
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", f[0], err)
		}
		p := Property{Name: f[0], Type: t}
		for _, flag := range f[2:] {
			switch flag {
			case "required":
				p.Required = true
			case "replace":
				p.Replacement = ReplaceAlways
			case "conditional":
				p.Replacement = ReplaceConditional
			case "deprecated":
				p.Deprecated = true
			default:
				return nil, fmt.Errorf("property %s: unknown flag %q", f[0], flag)
			}
		}
		if n := len(out); n > 0 && out[n-1].Name >= p.Name {
			return nil, fmt.Errorf("property %s: not sorted or defined twice", p.Name)
		}
		out = append(out, p)
	}
	return out, nil
}

var primitives = map[string]Kind{
	"string": KindString, "integer": KindInteger, "number": KindNumber, "boolean": KindBoolean,
	"json": KindJSON, "timestamp": KindTimestamp,
}

// parseType reads one encoded type; struct names resolve in defs, "tag" to
// the global Tag type.
func parseType(s string, defs map[string]*Definition, tag *Definition) (Type, error) {
	p := typeParser{defs: defs, tag: tag}
	t, rest, err := p.union(s)
	if err != nil {
		return Type{}, err
	}
	if rest != "" {
		return Type{}, fmt.Errorf("type %q: unexpected %q", s, rest)
	}
	return t, nil
}

type typeParser struct {
	defs map[string]*Definition
	tag  *Definition
}

func (p *typeParser) union(s string) (Type, string, error) {
	first, rest, err := p.single(s)
	if err != nil || !strings.HasPrefix(rest, "|") {
		return first, rest, err
	}
	u := Type{Kind: KindUnion, Union: []Type{first}}
	for strings.HasPrefix(rest, "|") {
		var m Type
		if m, rest, err = p.single(rest[1:]); err != nil {
			return Type{}, "", err
		}
		u.Union = append(u.Union, m)
	}
	return u, rest, nil
}

func (p *typeParser) single(s string) (Type, string, error) {
	end := strings.IndexAny(s, "<>|")
	if end < 0 {
		end = len(s)
	}
	word, rest := s[:end], s[end:]
	if word == "" {
		return Type{}, "", fmt.Errorf("missing type name in %q", s)
	}
	if word == "list" || word == "map" {
		if !strings.HasPrefix(rest, "<") {
			return Type{}, "", fmt.Errorf("%s without <element>", word)
		}
		elem, after, err := p.union(rest[1:])
		if err != nil {
			return Type{}, "", err
		}
		if !strings.HasPrefix(after, ">") {
			return Type{}, "", fmt.Errorf("unclosed %s<", word)
		}
		k := KindList
		if word == "map" {
			k = KindMap
		}
		return Type{Kind: k, Elem: &elem}, after[1:], nil
	}
	if k, ok := primitives[word]; ok {
		return Type{Kind: k}, rest, nil
	}
	if word == "tag" && p.tag != nil {
		return Type{Kind: KindStruct, Name: tagName, def: p.tag}, rest, nil
	}
	d, ok := p.defs[word]
	if !ok {
		return Type{}, "", fmt.Errorf("unknown property type %s", word)
	}
	return Type{Kind: KindStruct, Name: d.Name, def: d}, rest, nil
}
