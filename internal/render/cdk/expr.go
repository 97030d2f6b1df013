package cdk

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// kind is the TypeScript type an expression has, as far as the L1 props
// care: a string, a number, a list of strings, or anything else (an
// IResolvable token, an object, a boolean).
type kind int

const (
	kString kind = iota
	kNumber
	kList
	kAny
)

// want is the kind a schema type asks for; nil (raw JSON) asks for nothing.
func want(t *cfn.Type) kind {
	if t == nil {
		return kAny
	}
	switch t.Kind {
	case cfn.KindString, cfn.KindTimestamp:
		return kString
	case cfn.KindInteger, cfn.KindNumber:
		return kNumber
	case cfn.KindList:
		return kList
	case cfn.KindUnion:
		for _, m := range t.Union {
			if m.Kind == cfn.KindString {
				return kString
			}
		}
	}
	return kAny
}

// errShape says a value does not fit the schema type at its position; the
// caller falls back to writing the property raw.
var errShape = errors.New("value does not fit the schema")

// val writes v as a TypeScript expression for a position of schema type t
// (nil: raw JSON, keys kept as written). ind is the indentation level of
// the line the expression starts on.
func (w *writer) val(v ir.Value, t *cfn.Type, ind int) (string, error) {
	if t != nil && t.Kind == cfn.KindJSON {
		t = nil
	}
	if t != nil && t.Kind == cfn.KindUnion {
		t = pick(v, t)
	}
	switch x := v.(type) {
	case ir.Ref, ir.GetAtt, ir.Sub, ir.Join, ir.Call:
		e, err := w.intrinsic(v, t, ind)
		if err != nil {
			return "", err
		}
		return w.coerce(e, want(t)), nil
	case *ir.Map:
		if x == nil {
			return "{}", nil
		}
		if t == nil || t.Kind == cfn.KindMap {
			var elem *cfn.Type
			if t != nil {
				elem = t.Elem
			}
			var fields []field
			for _, e := range x.Entries {
				s, err := w.val(e.Value, elem, ind+1)
				if err != nil {
					return "", fmt.Errorf("%s: %w", e.Key, err)
				}
				fields = append(fields, field{rawKey(e.Key), s})
			}
			return object(fields, ind), nil
		}
		if t.Kind != cfn.KindStruct {
			return "", errShape
		}
		def, ok := cfn.PropertyType(t.Name)
		if !ok {
			return "", errShape
		}
		var fields []field
		for _, e := range x.Entries {
			p, ok := def.Property(e.Key)
			if !ok {
				return "", fmt.Errorf("%s: %w", e.Key, errShape)
			}
			s, err := w.val(e.Value, &p.Type, ind+1)
			if err != nil {
				return "", fmt.Errorf("%s: %w", e.Key, err)
			}
			key := w.camel(e.Key)
			if r, ok := fieldRenames[t.Name+"."+e.Key]; ok {
				key = r
			}
			fields = append(fields, field{key, s})
		}
		return object(fields, ind), nil
	case *ir.List:
		var elem *cfn.Type
		if t != nil {
			if t.Kind != cfn.KindList {
				return "", errShape
			}
			elem = t.Elem
		}
		var items []string
		if x != nil {
			for i, it := range x.Items {
				s, err := w.val(it, elem, ind+1)
				if err != nil {
					return "", fmt.Errorf("%d: %w", i, err)
				}
				items = append(items, s)
			}
		}
		return array(items, ind), nil
	case ir.String:
		if t == nil {
			return quote(string(x)), nil
		}
		switch t.Kind {
		case cfn.KindString, cfn.KindTimestamp:
			return quote(string(x)), nil
		case cfn.KindInteger, cfn.KindNumber:
			if n, ok := number(string(x)); ok {
				return n, nil
			}
		case cfn.KindBoolean:
			if b, ok := ir.AsBool(x); ok {
				return strconv.FormatBool(b), nil
			}
		}
		return "", errShape
	case ir.Number:
		n, ok := number(string(x))
		if !ok {
			return "", fmt.Errorf("%q is not a number", string(x))
		}
		if t == nil || t.Kind == cfn.KindInteger || t.Kind == cfn.KindNumber {
			return n, nil
		}
		if t.Kind == cfn.KindString {
			return quote(string(x)), nil
		}
		return "", errShape
	case ir.Bool:
		if t == nil || t.Kind == cfn.KindBoolean {
			return strconv.FormatBool(bool(x)), nil
		}
		if t.Kind == cfn.KindString {
			return quote(strconv.FormatBool(bool(x))), nil
		}
		return "", errShape
	case ir.Null:
		if t == nil {
			return "null", nil
		}
		return "", errShape
	case nil:
		return "", errors.New("nil value")
	}
	return "", fmt.Errorf("unsupported value %T", v)
}

// pick chooses the member of a union type that fits v's shape.
func pick(v ir.Value, t *cfn.Type) *cfn.Type {
	var prefer []cfn.Kind
	switch v.(type) {
	case *ir.Map:
		prefer = []cfn.Kind{cfn.KindStruct, cfn.KindMap, cfn.KindJSON}
	case *ir.List:
		prefer = []cfn.Kind{cfn.KindList, cfn.KindJSON}
	case ir.Number:
		prefer = []cfn.Kind{cfn.KindNumber, cfn.KindInteger, cfn.KindString, cfn.KindJSON}
	case ir.Bool:
		prefer = []cfn.Kind{cfn.KindBoolean, cfn.KindString, cfn.KindJSON}
	default:
		prefer = []cfn.Kind{cfn.KindString, cfn.KindTimestamp, cfn.KindJSON}
	}
	for _, k := range prefer {
		for i := range t.Union {
			if t.Union[i].Kind == k {
				if k == cfn.KindJSON {
					return nil
				}
				return &t.Union[i]
			}
		}
	}
	return nil
}

// coerce wraps an intrinsic so its TypeScript type is the one the position
// wants; CloudFormation sees the same intrinsic either way.
func (w *writer) coerce(e expr, k kind) string {
	if e.kind == k || k == kAny {
		return e.text
	}
	w.use("Token")
	switch k {
	case kString:
		return "Token.asString(" + e.text + ")"
	case kNumber:
		return "Token.asNumber(" + e.text + ")"
	case kList:
		return "Token.asList(" + e.text + ")"
	}
	return e.text
}

// expr is an intrinsic written as TypeScript, with its type.
type expr struct {
	text string
	kind kind
}

var pseudo = map[string]expr{
	"AWS::AccountId":        {"Aws.ACCOUNT_ID", kString},
	"AWS::NotificationARNs": {"Aws.NOTIFICATION_ARNS", kList},
	"AWS::NoValue":          {"Aws.NO_VALUE", kString},
	"AWS::Partition":        {"Aws.PARTITION", kString},
	"AWS::Region":           {"Aws.REGION", kString},
	"AWS::StackId":          {"Aws.STACK_ID", kString},
	"AWS::StackName":        {"Aws.STACK_NAME", kString},
	"AWS::URLSuffix":        {"Aws.URL_SUFFIX", kString},
}

// intrinsic writes a reference or intrinsic function; t is the schema type
// of its position (for Fn::If branches and parameter accessors).
func (w *writer) intrinsic(v ir.Value, t *cfn.Type, ind int) (expr, error) {
	switch x := v.(type) {
	case ir.Ref:
		if e, ok := pseudo[x.Target]; ok {
			w.use("Aws")
			return e, nil
		}
		if p := w.params[x.Target]; p != nil {
			name := w.paramVar(x.Target)
			switch {
			case want(t) == kNumber || (t == nil && p.Type == "Number"):
				return expr{name + ".valueAsNumber", kNumber}, nil
			case want(t) == kList || (t == nil && isListParam(p.Type)):
				return expr{name + ".valueAsList", kList}, nil
			}
			return expr{name + ".valueAsString", kString}, nil
		}
		if d := w.declared[x.Target]; d != nil {
			if d.l2 != nil {
				return expr{d.name + "." + d.l2.ref, kString}, nil
			}
			return expr{d.name + ".ref", kString}, nil
		}
		w.use("Fn")
		return expr{"Fn.ref(" + quote(x.Target) + ")", kString}, nil
	case ir.GetAtt:
		if d := w.declared[x.Target]; d != nil {
			if d.schema != nil {
				if a, ok := d.schema.Attribute(x.Attr); ok {
					owner := d.name
					if d.l2 != nil {
						for _, g := range d.l2.attrs {
							if g.attr == x.Attr {
								return expr{d.name + "." + g.getter, attrKind(a.Type)}, nil
							}
						}
						owner = d.l2.child(d.name)
					}
					return expr{owner + "." + attrGetter(d.schema.Type, x.Attr), attrKind(a.Type)}, nil
				}
			}
			if d.l2 != nil {
				return expr{d.l2.child(d.name) + ".getAtt(" + quote(x.Attr) + ")", kAny}, nil
			}
			return expr{d.name + ".getAtt(" + quote(x.Attr) + ")", kAny}, nil
		}
		w.use("Fn")
		return expr{"Fn.getAtt(" + quote(x.Target) + ", " + quote(x.Attr) + ")", kAny}, nil
	case ir.Sub:
		w.use("Fn")
		if x.Vars.Len() == 0 {
			return expr{"Fn.sub(" + quote(x.Format) + ")", kString}, nil
		}
		str := &cfn.Type{Kind: cfn.KindString}
		var fields []field
		for _, e := range x.Vars.Entries {
			s, err := w.val(e.Value, str, ind+1)
			if err != nil {
				return expr{}, fmt.Errorf("Fn::Sub variable %s: %w", e.Key, err)
			}
			fields = append(fields, field{rawKey(e.Key), s})
		}
		return expr{"Fn.sub(" + quote(x.Format) + ", " + object(fields, ind) + ")", kString}, nil
	case ir.Join:
		w.use("Fn")
		str := &cfn.Type{Kind: cfn.KindString}
		var items []string
		for i, it := range x.Items {
			s, err := w.val(it, str, ind+1)
			if err != nil {
				return expr{}, fmt.Errorf("Fn::Join item %d: %w", i, err)
			}
			items = append(items, s)
		}
		return expr{"Fn.join(" + quote(x.Sep) + ", " + array(items, ind) + ")", kString}, nil
	case ir.Call:
		return w.call(x, t, ind)
	}
	return expr{}, fmt.Errorf("unsupported intrinsic %T", v)
}

func isListParam(typ string) bool {
	return typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")
}

func attrKind(t cfn.Type) kind {
	switch t.Kind {
	case cfn.KindString, cfn.KindTimestamp:
		return kString
	case cfn.KindInteger, cfn.KindNumber:
		return kNumber
	case cfn.KindList:
		return kList
	}
	return kAny
}

var (
	tString = &cfn.Type{Kind: cfn.KindString}
	tNumber = &cfn.Type{Kind: cfn.KindNumber}
	tList   = &cfn.Type{Kind: cfn.KindList, Elem: tString}
)

// call writes Fn::* functions with their Fn.* equivalents.
func (w *writer) call(c ir.Call, t *cfn.Type, ind int) (expr, error) {
	args, _ := ir.AsList(c.Args)
	fn := func(name string, k kind, types ...*cfn.Type) (expr, error) {
		if len(args) != len(types) {
			return expr{}, fmt.Errorf("%s takes %d arguments, got %d", c.Fn, len(types), len(args))
		}
		parts := make([]string, len(args))
		for i, a := range args {
			s, err := w.val(a, types[i], ind)
			if err != nil {
				return expr{}, fmt.Errorf("%s: %w", c.Fn, err)
			}
			parts[i] = s
		}
		w.use("Fn")
		return expr{"Fn." + name + "(" + strings.Join(parts, ", ") + ")", k}, nil
	}
	one := func(name string, k kind, typ *cfn.Type) (expr, error) {
		args = []ir.Value{c.Args}
		return fn(name, k, typ)
	}
	switch c.Fn {
	case "Fn::Select":
		return fn("select", kString, tNumber, tList)
	case "Fn::GetAZs":
		w.use("Fn")
		if s, ok := ir.AsString(c.Args); ok && s == "" {
			return expr{"Fn.getAzs()", kList}, nil
		}
		return one("getAzs", kList, tString)
	case "Fn::Base64":
		return one("base64", kString, tString)
	case "Fn::ImportValue":
		return one("importValue", kString, tString)
	case "Fn::Split":
		return fn("split", kList, tString, tString)
	case "Fn::Cidr":
		if len(args) == 2 {
			return fn("cidr", kList, tString, tNumber)
		}
		return fn("cidr", kList, tString, tNumber, tString)
	case "Fn::FindInMap":
		return fn("findInMap", kString, tString, tString, tString)
	case "Fn::Length":
		return one("len", kNumber, nil)
	case "Fn::ToJsonString":
		return one("toJsonString", kString, nil)
	case "Fn::If":
		if len(args) == 3 {
			if name, ok := ir.AsString(args[0]); ok {
				a, err := w.val(args[1], t, ind)
				if err != nil {
					return expr{}, err
				}
				b, err := w.val(args[2], t, ind)
				if err != nil {
					return expr{}, err
				}
				w.use("Fn")
				return expr{"Fn.conditionIf(" + quote(name) + ", " + a + ", " + b + ")", kAny}, nil
			}
		}
		return expr{}, errors.New("Fn::If takes a condition name and two values")
	case "Fn::Equals":
		return fn("conditionEquals", kAny, nil, nil)
	case "Fn::Not":
		return fn("conditionNot", kAny, nil)
	case "Fn::And", "Fn::Or":
		types := make([]*cfn.Type, len(args))
		return fn("condition"+strings.TrimPrefix(c.Fn, "Fn::"), kAny, types...)
	case "Condition":
		if name, ok := ir.AsString(c.Args); ok {
			if v := w.conds[name]; v != "" {
				return expr{v, kAny}, nil
			}
		}
	}
	if strings.HasPrefix(c.Fn, "Fn::") || c.Fn == "Condition" {
		// A function CDK has no helper for: the raw intrinsic, as a token.
		inner, err := w.val(c.Args, nil, ind+1)
		if err != nil {
			return expr{}, fmt.Errorf("%s: %w", c.Fn, err)
		}
		w.use("Intrinsic")
		return expr{"new Intrinsic(" + object([]field{{quote(c.Fn), inner}}, ind) + ")", kAny}, nil
	}
	return expr{}, fmt.Errorf("%s cannot be written in CDK (an expression Hoist could not resolve)", c.Fn)
}

// field is one key of an object literal.
type field struct{ key, value string }

func indent(n int) string { return strings.Repeat("  ", n) }

// object writes an object literal whose first line sits at level ind.
func object(fields []field, ind int) string {
	if len(fields) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteString("{\n")
	for _, f := range fields {
		b.WriteString(indent(ind+1) + f.key + ": " + f.value + ",\n")
	}
	b.WriteString(indent(ind) + "}")
	return b.String()
}

// array writes a list literal, on one line when it is short and flat.
func array(items []string, ind int) string {
	if len(items) == 0 {
		return "[]"
	}
	flat := true
	n := 0
	for _, it := range items {
		n += len(it) + 2
		if strings.Contains(it, "\n") {
			flat = false
		}
	}
	if flat && n+ind*2 <= 80 {
		return "[" + strings.Join(items, ", ") + "]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for _, it := range items {
		b.WriteString(indent(ind+1) + it + ",\n")
	}
	b.WriteString(indent(ind) + "]")
	return b.String()
}

// rawKey writes a key kept as written: bare when it is an identifier.
func rawKey(k string) string {
	if isIdent(k) {
		return k
	}
	return quote(k)
}

// quote writes a single-quoted TypeScript string literal.
func quote(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\\' || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

var jsNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// number writes a decimal as a TypeScript number literal.
func number(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if jsNumber.MatchString(s) {
		return s, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return strconv.FormatFloat(f, 'g', -1, 64), true
}
