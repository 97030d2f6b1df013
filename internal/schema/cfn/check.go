package cfn

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kinds of Problem.
const (
	ProblemUnknownType     = "unknown-type"
	ProblemUnknownProperty = "unknown-property"
	ProblemMissingRequired = "missing-required"
	ProblemWrongType       = "wrong-type"
)

// Problem is one finding about a resource's properties.
type Problem struct {
	Path       string // "Type", or a property path such as "Properties.VpcConfig.SubnetIds[0]"
	Message    string // lowercase sentence, e.g. `unknown property "BucketNam"; did you mean "BucketName"?`
	Kind       string // one of the Problem* constants
	Suggestion string // the closest valid name for unknown-type and unknown-property, or ""
}

// CheckProperties checks the Properties of one resource of resourceType.
// props holds decoded JSON or YAML values (map[string]any, []any, string,
// bool, numbers, nil); an intrinsic function is a single-key map such as
// {"Ref": "X"} or {"Fn::GetAtt": [...]} and is accepted wherever a value is,
// since it resolves at deploy time. Problems come in a stable order: by
// property name within each object, depth first, list items in order.
//
// Custom resources (Custom::Name and AWS::CloudFormation::CustomResource)
// take any properties besides their ServiceToken, so only the known ones are
// checked. AWS::CDK::Metadata, which the CDK adds to every stack and
// CloudFormation accepts without a published schema, is not checked.
func CheckProperties(resourceType string, props map[string]any) []Problem {
	if resourceType == cdkMetadata {
		return nil
	}
	c := db()
	open := false
	if resourceType == customResource || isCustom(resourceType) {
		open = true
		resourceType = customResource
	}
	r, ok, err := c.resource(resourceType)
	mustOK(err)
	if !ok {
		s := Suggest(resourceType, c.types)
		return []Problem{{
			Path:       "Type",
			Kind:       ProblemUnknownType,
			Message:    fmt.Sprintf("unknown resource type %q%s", resourceType, didYouMean(s)),
			Suggestion: s,
		}}
	}
	if isIntrinsic(props) {
		return nil
	}
	ch := checkers.Get().(*checker)
	defer func() {
		ch.problems, ch.path, ch.scratch = nil, ch.path[:0], ch.scratch[:0]
		checkers.Put(ch)
	}()
	ch.push("Properties", -1)
	ch.object(props, r.props, r.Properties, r.propNames, r.required, open)
	return ch.problems
}

// checkers reuses the path and key stacks between calls.
var checkers = sync.Pool{New: func() any { return new(checker) }}

type checker struct {
	problems []Problem
	path     []seg    // where the checker is; rendered only for a problem
	scratch  []string // stack of sorted key lists, one frame per open object
}

// seg is one step of a property path: a key, or a list index when key is "".
type seg struct {
	key   string
	index int
}

func (c *checker) push(key string, index int) { c.path = append(c.path, seg{key, index}) }
func (c *checker) pop()                       { c.path = c.path[:len(c.path)-1] }

func (c *checker) pathString() string {
	var b strings.Builder
	for i, s := range c.path {
		switch {
		case i == 0:
			b.WriteString(s.key)
		case s.key == "" && s.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		default:
			writeKey(&b, s.key)
		}
	}
	return b.String()
}

func (c *checker) add(kind, suggestion, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: c.pathString(), Kind: kind, Suggestion: suggestion, Message: fmt.Sprintf(format, args...)})
}

const (
	customResource = "AWS::CloudFormation::CustomResource"
	cdkMetadata    = "AWS::CDK::Metadata"
)

// isCustom reports whether resourceType names a custom resource: Custom::Name.
func isCustom(resourceType string) bool {
	name, ok := strings.CutPrefix(resourceType, "Custom::")
	return ok && name != ""
}

// object checks a map against a resource's properties or a property type's
// fields. open allows properties the schema does not name.
func (c *checker) object(m map[string]any, idx map[string]int, fields []Property, names, required []string, open bool) {
	start := len(c.scratch)
	defer func() { c.scratch = c.scratch[:start] }()
	_, transform := m["Fn::Transform"] // a macro rewrites this object at deploy time
	for k := range m {
		c.scratch = append(c.scratch, k)
	}
	if !transform {
		for _, req := range required {
			if _, ok := m[req]; !ok {
				c.scratch = append(c.scratch, req)
			}
		}
	}
	// Nested objects push their frames after this one, and a reallocation
	// leaves this frame's view intact, so keys stays valid while we recurse.
	keys := c.scratch[start:]
	slices.Sort(keys)
	for _, k := range keys {
		v, present := m[k]
		i, known := idx[k]
		c.push(k, -1)
		switch {
		case !present:
			c.add(ProblemMissingRequired, "", "missing required property %q", k)
		case !known:
			if !transform && !open {
				s := Suggest(k, names)
				c.add(ProblemUnknownProperty, s, "unknown property %q%s", k, didYouMean(s))
			}
		default:
			c.value(v, &fields[i].Type)
		}
		c.pop()
	}
}

// value checks v against t and reports at path.
func (c *checker) value(v any, t *Type) {
	if v == nil {
		c.add(ProblemWrongType, "", "null is not allowed; want %s", describe(t))
		return
	}
	if isIntrinsic(v) {
		return
	}
	switch t.Kind {
	case KindJSON:
		return
	case KindString:
		if !isScalar(v) {
			c.wrong(v, t)
		}
	case KindInteger:
		if !isInteger(v) {
			c.wrong(v, t)
		}
	case KindNumber:
		if !isNumber(v) {
			c.wrong(v, t)
		}
	case KindBoolean:
		if !isBoolean(v) {
			c.wrong(v, t)
		}
	case KindTimestamp:
		switch v.(type) {
		case string, time.Time:
		default:
			c.wrong(v, t)
		}
	case KindList:
		list, ok := v.([]any)
		if !ok {
			c.wrong(v, t)
			return
		}
		for i, e := range list {
			c.push("", i)
			c.value(e, t.Elem)
			c.pop()
		}
	case KindMap:
		m, ok := asMap(v)
		if !ok {
			c.wrong(v, t)
			return
		}
		start := len(c.scratch)
		for k := range m {
			c.scratch = append(c.scratch, k)
		}
		keys := c.scratch[start:]
		slices.Sort(keys)
		for _, k := range keys {
			c.push(k, -1)
			c.value(m[k], t.Elem)
			c.pop()
		}
		c.scratch = c.scratch[:start]
	case KindStruct:
		m, ok := asMap(v)
		if !ok {
			c.wrong(v, t)
			return
		}
		d := t.def
		c.object(m, d.props, d.Properties, d.propNames, d.required, false)
	case KindUnion:
		c.union(v, t)
	}
}

// union accepts v when any member accepts it. Otherwise it reports the
// problems of the closest member of the right shape, or a wrong-type when no
// member has v's shape.
func (c *checker) union(v any, t *Type) {
	var best []Problem
	shaped := false
	for i := range t.Union {
		m := &t.Union[i]
		if !sameShape(v, m) {
			continue
		}
		shaped = true
		sub := checker{path: c.path}
		sub.value(v, m)
		if len(sub.problems) == 0 {
			return
		}
		if best == nil || len(sub.problems) < len(best) {
			best = sub.problems
		}
	}
	if !shaped {
		c.wrong(v, t)
		return
	}
	c.problems = append(c.problems, best...)
}

// sameShape reports whether v is the broad kind of value t holds: scalar,
// list or object.
func sameShape(v any, t *Type) bool {
	switch t.Kind {
	case KindJSON:
		return true
	case KindList:
		_, ok := v.([]any)
		return ok
	case KindMap, KindStruct:
		_, ok := asMap(v)
		return ok
	case KindUnion:
		for i := range t.Union {
			if sameShape(v, &t.Union[i]) {
				return true
			}
		}
		return false
	default:
		return isScalar(v)
	}
}

func (c *checker) wrong(v any, t *Type) {
	c.add(ProblemWrongType, "", "got %s, want %s", describeValue(v), describe(t))
}

// describe names a type for messages: "integer", "list of string",
// "object AWS::S3::Bucket.Rule".
func describe(t *Type) string {
	switch t.Kind {
	case KindList:
		return "list of " + describe(t.Elem)
	case KindMap:
		return "map of " + describe(t.Elem)
	case KindStruct:
		return "object " + t.Name
	case KindUnion:
		parts := make([]string, len(t.Union))
		for i := range t.Union {
			parts[i] = describe(&t.Union[i])
		}
		return strings.Join(parts, " or ")
	default:
		return t.Kind.String()
	}
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 40 {
			x = x[:37] + "..."
		}
		return fmt.Sprintf("string %q", x)
	case bool:
		return fmt.Sprintf("boolean %t", x)
	case []any:
		return "list"
	case time.Time:
		return "timestamp"
	}
	if _, ok := asMap(v); ok {
		return "object"
	}
	if isNumber(v) {
		return fmt.Sprintf("number %v", v)
	}
	return fmt.Sprintf("%T", v)
}

// isIntrinsic reports whether v is a single-key map naming an intrinsic
// function: Ref, Condition or Fn::*.
func isIntrinsic(v any) bool {
	m, ok := asMap(v)
	if !ok || len(m) != 1 {
		return false
	}
	for k := range m {
		return k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::")
	}
	return false
}

// asMap accepts the object shapes decoders produce: map[string]any from
// encoding/json and yaml.v3, map[any]any from older YAML decoders.
func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, e := range m {
			out[fmt.Sprint(k)] = e
		}
		return out, true
	}
	return nil, false
}

// isScalar: CloudFormation turns numbers and booleans into strings where a
// string is wanted, so any scalar is a valid string.
func isScalar(v any) bool {
	switch v.(type) {
	case string, bool, time.Time:
		return true
	}
	return isNumber(v)
}

// isNumber accepts Go numbers, json.Number and numeric strings ("80").
func isNumber(v any) bool {
	switch x := v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	case float32:
		return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0)
	case float64:
		return !math.IsNaN(x) && !math.IsInf(x, 0)
	case json.Number:
		_, err := x.Float64()
		return err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	return false
}

// isInteger accepts whole numbers and strings holding one ("80").
func isInteger(v any) bool {
	switch x := v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	case float32:
		return float32(math.Trunc(float64(x))) == x && !math.IsInf(float64(x), 0)
	case float64:
		return math.Trunc(x) == x && !math.IsInf(x, 0)
	case json.Number:
		_, err := x.Int64()
		return err == nil
	case string:
		_, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return err == nil
	}
	return false
}

// isBoolean accepts booleans and the strings "true" and "false" in any case.
func isBoolean(v any) bool {
	switch x := v.(type) {
	case bool:
		return true
	case string:
		return strings.EqualFold(x, "true") || strings.EqualFold(x, "false")
	}
	return false
}

func didYouMean(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", s)
}

// writeKey appends a key to a property path, quoting keys that are not
// plain identifiers: Properties.Tags, Properties.Variables["a.b"].
func writeKey(b *strings.Builder, key string) {
	plain := key != ""
	for _, r := range key {
		if !(r == '_' || r == '-' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		b.WriteByte('.')
		b.WriteString(key)
		return
	}
	b.WriteByte('[')
	b.WriteString(strconv.Quote(key))
	b.WriteByte(']')
}
