package main

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// jsModule is what the generator reads from one compiled lib/<module>/index.js
// of the provider package: its classes (with the per-attribute comments the
// cdktn code generator writes) and the attribute tables of its
// *ToHclTerraform functions and synthesizeHclAttributes methods.
type jsModule struct {
	name    string
	classes map[string]*jsClass
	// hcl maps a struct name (PascalCase, or the resource class name for
	// the top level) to its attributes by Terraform name.
	hcl map[string]map[string]hclAttr
}

type jsClass struct {
	name    string
	base    string // e.g. TerraformResource, ComplexObject
	tfType  string // static tfResourceType, resource and data source classes only
	members []*jsMember
	line    int
}

// jsMember is one attribute as the class comment records it
// ("// default_action - computed: false, optional: false, required: true")
// plus what its getter reveals about the type.
type jsMember struct {
	name                         string
	computed, optional, required bool
	getter                       string // String, Number, Boolean, List, NumberList, StringMap, ..., "interpolation"
	tolist                       bool   // getter wraps the list in Fn.tolist: the attribute is a set
	complex                      string // class constructed for the attribute (XList, XOutputReference, XMap, cdktn.StringMap)
	complexSet                   bool   // third constructor argument of an XList: wraps a set
	line                         int
}

type hclAttr struct {
	isBlock bool
	typ     string // simple, list, set, map, struct
	storage string // string, number, boolean, any, stringList, stringMap, XList, XMap, X
}

var (
	reClass   = regexp.MustCompile(`^class (\w+) extends cdktn\.(\w+) \{$`)
	reHclFunc = regexp.MustCompile(`^function (\w+)ToHclTerraform\(struct\) \{$`)
	reComment = regexp.MustCompile(`^\s+// ([A-Za-z0-9_]+) - computed: (true|false), optional: (true|false), required: (true|false)$`)
	reTfType  = regexp.MustCompile(`^\s+static tfResourceType = "([^"]+)";$`)
	reGetter  = regexp.MustCompile(`this\.get(\w*)Attribute\('([^']+)'\)`)
	reInterp  = regexp.MustCompile(`this\.interpolationForAttribute\('([^']+)'\)`)
	reNew     = regexp.MustCompile(`= new ([\w.]+)\(this, "([^"]+)"(?:, (true|false))?\);`)
	reHclKey  = regexp.MustCompile(`^\s+"?([A-Za-z0-9_]+)"?: \{$`)
	reIsBlock = regexp.MustCompile(`^\s+isBlock: (true|false),$`)
	reHclType = regexp.MustCompile(`^\s+type: "(\w+)",$`)
	reStorage = regexp.MustCompile(`^\s+storageClassType: "(\w+)",$`)
)

func newModule(name string) *jsModule {
	return &jsModule{name: name, classes: map[string]*jsClass{}, hcl: map[string]map[string]hclAttr{}}
}

// parseJS adds one compiled JavaScript file of module m (its index.js or
// one of its index-structs/*.js files) to m. file names the file in errors.
func (m *jsModule) parseJS(file string, src []byte) error {
	var (
		class   *jsClass
		member  *jsMember
		hcl     map[string]hclAttr // attribute table being read
		hclKey  string
		hclCur  hclAttr
		inClass bool
	)
	endHcl := func() { hcl, hclKey = nil, "" }
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if line == "}" { // end of a top-level class or function
			class, member, inClass = nil, nil, false
			endHcl()
			continue
		}
		if g := matchIf(line, "class ", reClass); g != nil {
			class = &jsClass{name: g[1], base: g[2], line: lineNo}
			if _, dup := m.classes[class.name]; dup {
				return fmt.Errorf("%s:%d: class %s defined twice", file, lineNo, class.name)
			}
			m.classes[class.name] = class
			member, inClass = nil, true
			endHcl()
			continue
		}
		if g := matchIf(line, "function ", reHclFunc); g != nil {
			name := upperFirst(g[1])
			hcl = map[string]hclAttr{}
			m.hcl[name] = hcl
			continue
		}
		if inClass && strings.TrimSpace(line) == "synthesizeHclAttributes() {" {
			hcl = map[string]hclAttr{}
			m.hcl[class.name] = hcl
			member = nil
			continue
		}
		if hcl != nil {
			if inClass && line == "    }" { // end of synthesizeHclAttributes
				endHcl()
				continue
			}
			if g := matchIf(line, ": {", reHclKey); g != nil {
				hclKey, hclCur = g[1], hclAttr{}
				continue
			}
			if hclKey == "" {
				continue
			}
			if g := matchIf(line, "isBlock: ", reIsBlock); g != nil {
				hclCur.isBlock = g[1] == "true"
			} else if g := matchIf(line, "type: ", reHclType); g != nil {
				hclCur.typ = g[1]
			} else if g := matchIf(line, "storageClassType: ", reStorage); g != nil {
				hclCur.storage = g[1]
				hcl[hclKey] = hclCur
				hclKey = ""
			}
			continue
		}
		if !inClass {
			continue
		}
		if g := matchIf(line, "static tfResourceType", reTfType); g != nil {
			class.tfType = g[1]
			continue
		}
		if g := matchIf(line, " - computed: ", reComment); g != nil {
			member = &jsMember{name: g[1], computed: g[2] == "true", optional: g[3] == "true", required: g[4] == "true", line: lineNo}
			class.members = append(class.members, member)
			continue
		}
		if member == nil {
			continue
		}
		if g := matchIf(line, "= new ", reNew); g != nil && g[2] == member.name && member.complex == "" {
			member.complex, member.complexSet = stripImport(g[1]), g[3] == "true"
			continue
		}
		if g := matchIf(line, "Attribute('", reGetter); g != nil && g[2] == member.name && member.getter == "" {
			member.getter = g[1]
			member.tolist = strings.Contains(line, "Fn.tolist(")
			continue
		}
		if g := matchIf(line, "interpolationForAttribute(", reInterp); g != nil && g[1] == member.name && member.getter == "" {
			member.getter = "interpolation"
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// stripImport drops the module alias TypeScript adds to a class imported
// from a sibling file ("index_1.FooList", "structs0_1.FooList").
func stripImport(name string) string {
	if strings.HasPrefix(name, "cdktn.") {
		return name
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// matchIf runs re on line only when line contains hint: most lines of
// the package's 300 MB of JavaScript match none of the patterns.
func matchIf(line, hint string, re *regexp.Regexp) []string {
	if !strings.Contains(line, hint) {
		return nil
	}
	return re.FindStringSubmatch(line)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
