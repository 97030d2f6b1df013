// Command gen derives Hoist's embedded CloudFormation resource schema from the
// npm package @aws-cdk/aws-service-spec installed under test-tools/.
//
// It is run by `go generate ./internal/schema/cfn` and is never imported by
// the hoist binary. The output (resources.txt.gz) is deterministic for a
// given spec package and -date: gzipped, line-oriented text, sorted, so
// `diff <(zcat old) <(zcat new)` shows what a spec upgrade changed, and the
// reader can index it with one pass over the lines and parse a resource only
// when it is first used:
//
//	hoist-cfn-schema 2
//	source @aws-cdk/aws-service-spec
//	version 0.1.216
//	generated 2026-11-26
//	type Tag                             property types before any resource are global
//	  field Key string required
//	resource AWS::S3::Bucket
//	  prop BucketName string replace     name, type, then flags
//	  attr Arn string                    a GetAtt attribute and its type
//	  type VersioningConfiguration       a property type of this resource
//	    field Status string required
//
// Flags: required; replace or conditional (a change replaces the resource
// always, or depending on the values); deprecated.
//
// Types:
//
//	string integer number boolean json timestamp   primitives
//	tag                                            the standard {Key, Value} tag (global type Tag)
//	list<T>  map<T>                                collections (map keys are strings)
//	A|B                                            a union: any member is accepted
//	Name                                           a property type of the same resource
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// specPackage is the npm package the schema is derived from.
const specPackage = "@aws-cdk/aws-service-spec"

// formatVersion changes whenever the layout of the output file changes.
const formatVersion = 2

func main() {
	specDir := flag.String("spec", "", "folder of the installed "+specPackage+" package (default: <module root>/test-tools/node_modules/"+specPackage+")")
	out := flag.String("out", "resources.txt.gz", "output file")
	date := flag.String("date", time.Now().UTC().Format(time.DateOnly), "generation date recorded in the output (YYYY-MM-DD)")
	flag.Parse()

	if err := run(*specDir, *out, *date); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(specDir, out, date string) error {
	if specDir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		specDir = DefaultSpecDir(root)
	}
	data, err := Generate(specDir, date)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// DefaultSpecDir is where test-tools installs the spec package, given the
// module root.
func DefaultSpecDir(root string) string {
	return filepath.Join(root, "test-tools", "node_modules", filepath.FromSlash(specPackage))
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the working directory")
		}
		dir = parent
	}
}

// Generate reads the spec package in specDir and returns the uncompressed
// schema document.
func Generate(specDir, date string) ([]byte, error) {
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return nil, fmt.Errorf("bad -date %q: want YYYY-MM-DD", date)
	}
	version, err := packageVersion(filepath.Join(specDir, "package.json"))
	if err != nil {
		return nil, err
	}
	dbPath := filepath.Join(specDir, "db.json.gz")
	db, err := readDB(dbPath)
	if err != nil {
		return nil, err
	}
	resources, err := convert(db)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dbPath, err)
	}
	return encode(header{
		Source:    specPackage,
		Version:   version,
		Generated: date,
		Tag: map[string]outProp{
			"Key":   {T: "string", R: true},
			"Value": {T: "string", R: true},
		},
	}, resources)
}

func packageVersion(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if pkg.Name != specPackage || pkg.Version == "" {
		return "", fmt.Errorf("%s: got package %q version %q, want %s with a version", path, pkg.Name, pkg.Version, specPackage)
	}
	return pkg.Version, nil
}

// The parts of the service spec database the generator reads. The database
// is a dump of an entity store: each table holds entities with a string $id,
// relations map an entity id to the ids it points at, and a type reference
// ({"type":"ref","reference":{"$ref":id}}) points at a typeDefinition entity.
type specDB struct {
	Schema struct {
		Resource struct {
			Entities []specResource `json:"entities"`
		} `json:"resource"`
		TypeDefinition struct {
			Entities []specTypeDef `json:"entities"`
		} `json:"typeDefinition"`
		UsesType struct {
			Forward map[string][]struct {
				ID string `json:"$id"`
			} `json:"forward"`
		} `json:"usesType"`
	} `json:"schema"`
}

type specResource struct {
	ID         string                  `json:"$id"`
	Type       string                  `json:"cloudFormationType"`
	Properties map[string]specProperty `json:"properties"`
	Attributes map[string]specProperty `json:"attributes"`
}

type specTypeDef struct {
	ID         string                  `json:"$id"`
	Name       string                  `json:"name"`
	Properties map[string]specProperty `json:"properties"`
}

type specProperty struct {
	Type              specType `json:"type"`
	Required          bool     `json:"required"`
	CausesReplacement string   `json:"causesReplacement"`
	Deprecated        string   `json:"deprecated"`
}

type specType struct {
	Type      string     `json:"type"`
	Element   *specType  `json:"element"`
	Types     []specType `json:"types"`
	Reference *struct {
		Ref string `json:"$ref"`
	} `json:"reference"`
}

func readDB(path string) (*specDB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var db specDB
	if err := json.Unmarshal(raw, &db); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(db.Schema.Resource.Entities) == 0 {
		return nil, fmt.Errorf("%s: no resources in the database", path)
	}
	return &db, nil
}

// Output shapes.
type header struct {
	Source    string
	Version   string
	Generated string
	Tag       map[string]outProp // fields of the global Tag type
}

type outResource struct {
	Properties map[string]outProp
	Attributes map[string]string
	Defs       map[string]map[string]outProp // property types by short name
}

type outProp struct {
	T string // encoded type
	R bool   // required
	U string // "replace", "conditional", or "" when it updates in place
	X bool   // deprecated
}

var reserved = []string{"string", "integer", "number", "boolean", "json", "timestamp", "tag", "list", "map"}

func convert(db *specDB) (map[string]outResource, error) {
	defs := make(map[string]*specTypeDef, len(db.Schema.TypeDefinition.Entities))
	for i := range db.Schema.TypeDefinition.Entities {
		d := &db.Schema.TypeDefinition.Entities[i]
		defs[d.ID] = d
	}
	out := make(map[string]outResource, len(db.Schema.Resource.Entities))
	for _, r := range db.Schema.Resource.Entities {
		if r.Type == "" {
			return nil, fmt.Errorf("resource entity %s has no cloudFormationType", r.ID)
		}
		if _, dup := out[r.Type]; dup {
			return nil, fmt.Errorf("resource type %s appears twice", r.Type)
		}
		// The property types a resource owns; references must stay inside them.
		owned := make(map[string]*specTypeDef)
		for _, u := range db.Schema.UsesType.Forward[r.ID] {
			d, ok := defs[u.ID]
			if !ok {
				return nil, fmt.Errorf("%s: usesType points at unknown type definition %s", r.Type, u.ID)
			}
			owned[u.ID] = d
		}
		names := make(map[string]string, len(owned)) // name -> id, to catch clashes
		res := outResource{Properties: map[string]outProp{}}
		if len(owned) > 0 {
			res.Defs = make(map[string]map[string]outProp, len(owned))
		}
		for id, d := range owned {
			if slices.Contains(reserved, d.Name) || d.Name == "" || strings.ContainsAny(d.Name, "<>|") {
				return nil, fmt.Errorf("%s: property type name %q clashes with the type encoding", r.Type, d.Name)
			}
			if other, dup := names[d.Name]; dup {
				return nil, fmt.Errorf("%s: two property types named %s (%s and %s)", r.Type, d.Name, other, id)
			}
			names[d.Name] = id
			fields, err := convertProps(r.Type+"."+d.Name, d.Properties, owned)
			if err != nil {
				return nil, err
			}
			res.Defs[d.Name] = fields
		}
		var err error
		if res.Properties, err = convertProps(r.Type, r.Properties, owned); err != nil {
			return nil, err
		}
		if len(r.Attributes) > 0 {
			res.Attributes = make(map[string]string, len(r.Attributes))
			for name, a := range r.Attributes {
				t, err := encodeType(a.Type, owned)
				if err != nil {
					return nil, fmt.Errorf("%s attribute %s: %w", r.Type, name, err)
				}
				res.Attributes[name] = t
			}
		}
		out[r.Type] = res
	}
	return out, nil
}

func convertProps(where string, props map[string]specProperty, owned map[string]*specTypeDef) (map[string]outProp, error) {
	out := make(map[string]outProp, len(props))
	for name, p := range props {
		t, err := encodeType(p.Type, owned)
		if err != nil {
			return nil, fmt.Errorf("%s property %s: %w", where, name, err)
		}
		op := outProp{T: t, R: p.Required, X: p.Deprecated != ""}
		switch p.CausesReplacement {
		case "", "no":
		case "yes":
			op.U = "replace"
		case "maybe":
			op.U = "conditional"
		default:
			return nil, fmt.Errorf("%s property %s: unknown causesReplacement %q", where, name, p.CausesReplacement)
		}
		out[name] = op
	}
	return out, nil
}

func encodeType(t specType, owned map[string]*specTypeDef) (string, error) {
	switch t.Type {
	case "string", "integer", "number", "boolean", "json", "tag":
		return t.Type, nil
	case "date-time":
		return "timestamp", nil
	case "array", "map":
		if t.Element == nil {
			return "", fmt.Errorf("%s without an element type", t.Type)
		}
		elem, err := encodeType(*t.Element, owned)
		if err != nil {
			return "", err
		}
		if t.Type == "array" {
			return "list<" + elem + ">", nil
		}
		return "map<" + elem + ">", nil
	case "ref":
		if t.Reference == nil {
			return "", errors.New("ref without a target")
		}
		d, ok := owned[t.Reference.Ref]
		if !ok {
			return "", fmt.Errorf("ref to type definition %s, which the resource does not own", t.Reference.Ref)
		}
		return d.Name, nil
	case "union":
		if len(t.Types) == 0 {
			return "", errors.New("union without members")
		}
		parts := make([]string, 0, len(t.Types))
		for _, m := range t.Types {
			s, err := encodeType(m, owned)
			if err != nil {
				return "", err
			}
			if !slices.Contains(parts, s) {
				parts = append(parts, s)
			}
		}
		if len(parts) == 1 {
			return parts[0], nil
		}
		return strings.Join(parts, "|"), nil
	default:
		return "", fmt.Errorf("unknown type kind %q", t.Type)
	}
}

// encode writes the text format described in the package comment, every
// list sorted by name.
func encode(h header, resources map[string]outResource) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "hoist-cfn-schema %d\n", formatVersion)
	for _, kv := range [][2]string{{"source", h.Source}, {"version", h.Version}, {"generated", h.Generated}} {
		if err := checkName(kv[0], kv[1]); err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%s %s\n", kv[0], kv[1])
	}
	b.WriteString("type Tag\n")
	if err := writeProps(&b, "    field ", h.Tag); err != nil {
		return nil, err
	}
	for _, rt := range sortedKeys(resources) {
		if err := checkName("resource type", rt); err != nil {
			return nil, err
		}
		r := resources[rt]
		fmt.Fprintf(&b, "resource %s\n", rt)
		if err := writeProps(&b, "  prop ", r.Properties); err != nil {
			return nil, fmt.Errorf("%s: %w", rt, err)
		}
		for _, name := range sortedKeys(r.Attributes) {
			if err := checkName("attribute", name); err != nil {
				return nil, fmt.Errorf("%s: %w", rt, err)
			}
			fmt.Fprintf(&b, "  attr %s %s\n", name, r.Attributes[name])
		}
		for _, name := range sortedKeys(r.Defs) {
			if err := checkName("property type", name); err != nil {
				return nil, fmt.Errorf("%s: %w", rt, err)
			}
			fmt.Fprintf(&b, "  type %s\n", name)
			if err := writeProps(&b, "    field ", r.Defs[name]); err != nil {
				return nil, fmt.Errorf("%s.%s: %w", rt, name, err)
			}
		}
	}
	return b.Bytes(), nil
}

func writeProps(b *bytes.Buffer, prefix string, props map[string]outProp) error {
	for _, name := range sortedKeys(props) {
		if err := checkName("property", name); err != nil {
			return err
		}
		p := props[name]
		b.WriteString(prefix)
		b.WriteString(name)
		b.WriteByte(' ')
		b.WriteString(p.T)
		if p.R {
			b.WriteString(" required")
		}
		if p.U != "" {
			b.WriteString(" " + p.U)
		}
		if p.X {
			b.WriteString(" deprecated")
		}
		b.WriteByte('\n')
	}
	return nil
}

// checkName rejects values that would break the line format.
func checkName(what, s string) error {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return fmt.Errorf("%s %q is empty or contains white space", what, s)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
