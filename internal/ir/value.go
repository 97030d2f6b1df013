package ir

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Value is a property value: a scalar, a list, a map, or a reference or
// intrinsic that resolves at deploy time. Concrete types: String, Number,
// Bool, Null, *List, *Map, Ref, GetAtt, Sub, Join and Call.
type Value interface{ isValue() }

// String is a string value.
type String string

// Number is a number, kept as its decimal text so that nothing is lost.
type Number string

// Bool is a boolean.
type Bool bool

// Null is an explicit null.
type Null struct{}

// List is an ordered list of values.
type List struct {
	Items []Value
	Loc   Location
}

// Entry is one key of a Map, with where it was written.
type Entry struct {
	Key   string
	Value Value
	Loc   Location
}

// Map is an ordered mapping. Order is kept as written (or as built by
// expansion), so renderers are deterministic and readable.
type Map struct {
	Entries []Entry
	Loc     Location
}

// Ref refers to a resource, a parameter or a pseudo parameter
// ("AWS::Region"). For a resource, it is the resource's primary identifier.
type Ref struct{ Target string }

// GetAtt reads an attribute of a resource.
type GetAtt struct{ Target, Attr string }

// Sub is string interpolation: ${Name} and ${Name.Attr} refer to resources,
// parameters or pseudo parameters; Vars binds extra names.
type Sub struct {
	Format string
	Vars   *Map
}

// Join joins values with a separator.
type Join struct {
	Sep   string
	Items []Value
}

// Call is any other intrinsic function (Fn::Select, Fn::GetAZs, Fn::If,
// Fn::Base64, Fn::Cidr, Fn::ImportValue, Fn::FindInMap, Fn::Split,
// Fn::Equals, ...) or, for imported Terraform, an expression Hoist could not
// resolve (Fn "Expr", Args a String with its source text).
type Call struct {
	Fn   string
	Args Value
}

func (String) isValue() {}
func (Number) isValue() {}
func (Bool) isValue()   {}
func (Null) isValue()   {}
func (*List) isValue()  {}
func (*Map) isValue()   {}
func (Ref) isValue()    {}
func (GetAtt) isValue() {}
func (Sub) isValue()    {}
func (Join) isValue()   {}
func (Call) isValue()   {}

// Int makes a Number from an int.
func Int(i int) Number { return Number(strconv.Itoa(i)) }

// Strings makes a List of String values.
func Strings(ss ...string) *List {
	l := &List{}
	for _, s := range ss {
		l.Items = append(l.Items, String(s))
	}
	return l
}

// Values makes a List.
func Values(vs ...Value) *List { return &List{Items: vs} }

// M builds a Map from alternating keys and values; it panics on a
// programming error (odd count, non-string key).
func M(kv ...any) *Map {
	if len(kv)%2 != 0 {
		panic("ir.M: odd number of arguments")
	}
	m := &Map{}
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			panic(fmt.Sprintf("ir.M: key %v is not a string", kv[i]))
		}
		m.Set(k, FromGo(kv[i+1]))
	}
	return m
}

// FromGo converts Go scalars, slices and Values into a Value. A nil Value,
// nil *Map or nil *List becomes nil, which Map.Set drops.
func FromGo(v any) Value {
	switch x := v.(type) {
	case nil:
		return nil
	case Value:
		switch y := x.(type) {
		case *Map:
			if y == nil {
				return nil
			}
		case *List:
			if y == nil {
				return nil
			}
		}
		return x
	case string:
		return String(x)
	case int:
		return Int(x)
	case int64:
		return Number(strconv.FormatInt(x, 10))
	case float64:
		return Number(strconv.FormatFloat(x, 'f', -1, 64))
	case bool:
		return Bool(x)
	case []string:
		return Strings(x...)
	case []Value:
		return Values(x...)
	}
	panic(fmt.Sprintf("ir.FromGo: unsupported %T", v))
}

// Get returns the value at key, or nil.
func (m *Map) Get(key string) Value {
	if m == nil {
		return nil
	}
	for _, e := range m.Entries {
		if e.Key == key {
			return e.Value
		}
	}
	return nil
}

// Entry returns the entry at key.
func (m *Map) Entry(key string) (Entry, bool) {
	if m == nil {
		return Entry{}, false
	}
	for _, e := range m.Entries {
		if e.Key == key {
			return e, true
		}
	}
	return Entry{}, false
}

// Set replaces or appends key; a nil value removes it.
func (m *Map) Set(key string, v Value) *Map {
	for i, e := range m.Entries {
		if e.Key == key {
			if v == nil {
				m.Entries = append(m.Entries[:i], m.Entries[i+1:]...)
			} else {
				m.Entries[i].Value = v
			}
			return m
		}
	}
	if v != nil {
		m.Entries = append(m.Entries, Entry{Key: key, Value: v})
	}
	return m
}

// Keys returns the keys in order.
func (m *Map) Keys() []string {
	if m == nil {
		return nil
	}
	out := make([]string, len(m.Entries))
	for i, e := range m.Entries {
		out[i] = e.Key
	}
	return out
}

// Len is the number of entries.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return len(m.Entries)
}

// Lookup follows a dotted path ("BucketEncryption.ServerSideEncryptionConfiguration",
// "ContainerDefinitions.0.Image") through maps and lists.
func Lookup(v Value, path string) Value {
	if path == "" {
		return v
	}
	for _, part := range strings.Split(path, ".") {
		switch x := v.(type) {
		case *Map:
			v = x.Get(part)
		case *List:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x.Items) {
				return nil
			}
			v = x.Items[i]
		default:
			return nil
		}
		if v == nil {
			return nil
		}
	}
	return v
}

// AsString returns a literal string value.
func AsString(v Value) (string, bool) {
	s, ok := v.(String)
	return string(s), ok
}

// AsBool returns a literal boolean, accepting the strings "true" and "false"
// as CloudFormation does.
func AsBool(v Value) (bool, bool) {
	switch x := v.(type) {
	case Bool:
		return bool(x), true
	case String:
		switch strings.ToLower(string(x)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// numberText returns the text of a literal number or string.
func numberText(v Value) (string, bool) {
	switch x := v.(type) {
	case Number:
		return string(x), true
	case String:
		return string(x), true
	}
	return "", false
}

// AsInt returns a literal integer, accepting numeric strings ("80") and
// whole floats ("80.0").
func AsInt(v Value) (int, bool) {
	if s, ok := numberText(v); ok {
		if i, err := strconv.Atoi(s); err == nil {
			return i, true
		}
	}
	f, ok := AsFloat(v)
	if !ok || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}

// AsFloat returns a literal number, accepting numeric strings.
func AsFloat(v Value) (float64, bool) {
	s, ok := numberText(v)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// AsList returns the items of a literal list.
func AsList(v Value) ([]Value, bool) {
	l, ok := v.(*List)
	if !ok || l == nil {
		return nil, false
	}
	return l.Items, true
}

// IsLiteral reports whether v contains no reference or intrinsic anywhere.
func IsLiteral(v Value) bool {
	lit := true
	Walk(v, func(x Value) bool {
		switch x.(type) {
		case Ref, GetAtt, Sub, Join, Call:
			lit = false
		}
		return lit
	})
	return lit
}

// Walk visits v and everything inside it, depth first, in order, while fn
// returns true.
func Walk(v Value, fn func(Value) bool) bool {
	if isNil(v) {
		return true
	}
	if !fn(v) {
		return false
	}
	switch x := v.(type) {
	case *List:
		for _, it := range x.Items {
			if !Walk(it, fn) {
				return false
			}
		}
	case *Map:
		for _, e := range x.Entries {
			if !Walk(e.Value, fn) {
				return false
			}
		}
	case Sub:
		if x.Vars != nil {
			return Walk(x.Vars, fn)
		}
	case Join:
		for _, it := range x.Items {
			if !Walk(it, fn) {
				return false
			}
		}
	case Call:
		return Walk(x.Args, fn)
	}
	return true
}

// Reference is an edge from a value to a resource, parameter or pseudo
// parameter.
type Reference struct {
	Target string
	Attr   string // empty for Ref
}

// References lists every Ref, GetAtt and ${...} in v, in order of
// appearance, without duplicates.
func References(v Value) []Reference {
	var out []Reference
	seen := map[Reference]bool{}
	add := func(r Reference) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	Walk(v, func(x Value) bool {
		switch y := x.(type) {
		case Ref:
			add(Reference{Target: y.Target})
		case GetAtt:
			add(Reference{Target: y.Target, Attr: y.Attr})
		case Sub:
			bound := map[string]bool{}
			if y.Vars != nil {
				for _, k := range y.Vars.Keys() {
					bound[k] = true
				}
			}
			for _, name := range SubNames(y.Format) {
				target, attr, _ := strings.Cut(name, ".")
				if !bound[target] {
					add(Reference{Target: target, Attr: attr})
				}
			}
		}
		return true
	})
	return out
}

// SubNames returns the ${...} names in a Sub format string, skipping the
// ${!Literal} escape.
func SubNames(format string) []string {
	var out []string
	for {
		i := strings.Index(format, "${")
		if i < 0 {
			return out
		}
		j := strings.Index(format[i:], "}")
		if j < 0 {
			return out
		}
		name := format[i+2 : i+j]
		if !strings.HasPrefix(name, "!") && name != "" {
			out = append(out, name)
		}
		format = format[i+j+1:]
	}
}

// SortedKeys returns a map's keys sorted, for callers that want stable
// order over a Go map.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// isNil reports a nil Value, including a typed nil *Map or *List.
func isNil(v Value) bool {
	switch x := v.(type) {
	case nil:
		return true
	case *Map:
		return x == nil
	case *List:
		return x == nil
	}
	return false
}
