package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// Markers stand for IR values (references, unresolved expressions) inside
// strings while HCL evaluates: each is a private-use rune, a number and
// another private-use rune, so it survives string functions, templates and
// jsonencode, and expands back to the value afterwards.
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

// markers is the table of values markers stand for.
type markers struct {
	vals []ir.Value
}

// mark returns the marker string of v.
func (mk *markers) mark(v ir.Value) string {
	mk.vals = append(mk.vals, v)
	return string(markOpen) + strconv.Itoa(len(mk.vals)-1) + string(markClose)
}

// expand turns a string that may hold markers into an IR value: the value
// itself when the string is one marker, an ir.Sub when the markers are all
// references, an ir.Join otherwise.
func (mk *markers) expand(s string) ir.Value {
	if !strings.ContainsRune(s, markOpen) {
		return ir.String(s)
	}
	parts := splitMarkers(s, mk.vals)
	if len(parts) == 1 {
		return parts[0]
	}
	return joinParts(parts)
}

// splitMarkers cuts s into literal strings and the values of its markers.
func splitMarkers(s string, vals []ir.Value) []ir.Value {
	var parts []ir.Value
	for s != "" {
		i := strings.IndexRune(s, markOpen)
		if i < 0 {
			parts = append(parts, ir.String(s))
			break
		}
		j := strings.IndexRune(s[i:], markClose)
		if j < 0 {
			parts = append(parts, ir.String(s))
			break
		}
		n, err := strconv.Atoi(s[i+len(string(markOpen)) : i+j])
		if err != nil || n < 0 || n >= len(vals) {
			parts = append(parts, ir.String(s[:i+j+len(string(markClose))]))
			s = s[i+j+len(string(markClose)):]
			continue
		}
		if i > 0 {
			parts = append(parts, ir.String(s[:i]))
		}
		parts = append(parts, vals[n])
		s = s[i+j+len(string(markClose)):]
	}
	return parts
}

// joinParts makes an ir.Sub of literal strings and references, or an
// ir.Join when some part is neither.
func joinParts(parts []ir.Value) ir.Value {
	var sb strings.Builder
	sub := true
	for _, p := range parts {
		switch x := p.(type) {
		case ir.String:
			sb.WriteString(strings.ReplaceAll(string(x), "${", "${!"))
		case ir.Ref:
			sb.WriteString("${" + x.Target + "}")
		case ir.GetAtt:
			sb.WriteString("${" + x.Target + "." + x.Attr + "}")
		default:
			sub = false
		}
	}
	if sub {
		return ir.Sub{Format: sb.String()}
	}
	return ir.Join{Sep: "", Items: parts}
}

// jsonDoc reads a JSON document (an IAM policy, a container definition
// list): a literal string, or a string with references in it, becomes the
// decoded document with the references in place. Maps and lists are kept;
// anything that is not JSON is kept as written.
func jsonDoc(v ir.Value) ir.Value {
	var text string
	var vals []ir.Value
	switch x := v.(type) {
	case ir.String:
		text = string(x)
	case ir.Sub:
		if x.Vars != nil && x.Vars.Len() > 0 {
			return v
		}
		text, vals = subMarked(x.Format)
	case ir.Join:
		if x.Sep != "" {
			return v
		}
		var sb strings.Builder
		for _, it := range x.Items {
			if s, ok := it.(ir.String); ok {
				sb.WriteString(string(s))
				continue
			}
			vals = append(vals, it)
			sb.WriteString(string(markOpen) + strconv.Itoa(len(vals)-1) + string(markClose))
		}
		text = sb.String()
	default:
		return v
	}
	trimmed := strings.TrimSpace(text)
	if trimmed == "" || (trimmed[0] != '{' && trimmed[0] != '[') {
		return v
	}
	doc, err := decodeJSON([]byte(trimmed), vals)
	if err != nil {
		return v
	}
	return doc
}

// subMarked turns a Sub format into text with markers for its names.
func subMarked(format string) (string, []ir.Value) {
	var sb strings.Builder
	var vals []ir.Value
	for format != "" {
		i := strings.Index(format, "${")
		if i < 0 {
			sb.WriteString(format)
			break
		}
		j := strings.Index(format[i:], "}")
		if j < 0 {
			sb.WriteString(format)
			break
		}
		sb.WriteString(format[:i])
		name := format[i+2 : i+j]
		format = format[i+j+1:]
		if strings.HasPrefix(name, "!") {
			sb.WriteString("${" + name[1:] + "}")
			continue
		}
		var v ir.Value = ir.Ref{Target: name}
		if t, a, ok := strings.Cut(name, "."); ok && !ir.IsPseudo(name) {
			v = ir.GetAtt{Target: t, Attr: a}
		}
		vals = append(vals, v)
		sb.WriteString(string(markOpen) + strconv.Itoa(len(vals)-1) + string(markClose))
	}
	return sb.String(), vals
}

// decodeJSON decodes JSON keeping object keys in document order; strings
// with markers expand against vals.
func decodeJSON(data []byte, vals []ir.Value) (ir.Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, vals, 0)
	if err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, vals []ir.Value, depth int) (ir.Value, error) {
	if depth > 100 {
		return nil, fmt.Errorf("JSON nested too deep")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := &ir.Map{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				v, err := decodeValue(dec, vals, depth+1)
				if err != nil {
					return nil, err
				}
				setEntry(m, k, v, ir.Location{})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return m, nil
		case '[':
			l := &ir.List{}
			for dec.More() {
				v, err := decodeValue(dec, vals, depth+1)
				if err != nil {
					return nil, err
				}
				l.Items = append(l.Items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return l, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		if vals != nil && strings.ContainsRune(t, markOpen) {
			parts := splitMarkers(t, vals)
			if len(parts) == 1 {
				return parts[0], nil
			}
			return joinParts(parts), nil
		}
		return ir.String(t), nil
	case json.Number:
		return ir.Number(t.String()), nil
	case bool:
		return ir.Bool(t), nil
	case nil:
		return ir.Null{}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// FromJSON converts a decoded JSON value (as encoding/json gives it, with
// UseNumber) to an IR value: objects with sorted keys, all at loc. The plan
// importer reads attribute values with it.
func FromJSON(v any, loc ir.Location) ir.Value {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return ir.String(x)
	case json.Number:
		return ir.Number(x.String())
	case float64:
		return ir.Number(strconv.FormatFloat(x, 'f', -1, 64))
	case bool:
		return ir.Bool(x)
	case []any:
		l := &ir.List{Loc: loc, Items: make([]ir.Value, 0, len(x))}
		for _, it := range x {
			if iv := FromJSON(it, loc); iv != nil {
				l.Items = append(l.Items, iv)
			} else {
				l.Items = append(l.Items, ir.Null{})
			}
		}
		return l
	case map[string]any:
		m := &ir.Map{Loc: loc}
		for _, k := range ir.SortedKeys(x) {
			if iv := FromJSON(x[k], loc); iv != nil {
				m.Entries = append(m.Entries, ir.Entry{Key: k, Value: iv, Loc: loc})
			}
		}
		return m
	}
	return nil
}

// Small value conversions the mappings use.

// str turns a number or bool into a string.
func str(v ir.Value) ir.Value {
	switch x := v.(type) {
	case ir.Number:
		return ir.String(x)
	case ir.Bool:
		return ir.String(strconv.FormatBool(bool(x)))
	}
	return v
}

// enabled maps a bool to ENABLED or DISABLED.
func enabled(v ir.Value) ir.Value {
	if b, ok := ir.AsBool(v); ok {
		if b {
			return ir.String("ENABLED")
		}
		return ir.String("DISABLED")
	}
	return v
}

// upper upper-cases a literal string.
func upper(v ir.Value) ir.Value {
	if s, ok := v.(ir.String); ok {
		return ir.String(strings.ToUpper(string(s)))
	}
	return v
}

// nonEmpty drops empty strings and lists, which Terraform uses for unset.
func nonEmpty(v ir.Value) ir.Value {
	switch x := v.(type) {
	case ir.String:
		if x == "" {
			return nil
		}
	case *ir.List:
		if len(x.Items) == 0 {
			return nil
		}
	}
	return v
}

// listOf wraps a single value in a list.
func listOf(v ir.Value) ir.Value {
	if _, ok := v.(*ir.List); ok {
		return v
	}
	return &ir.List{Items: []ir.Value{v}}
}

// entryLoc returns where key was written in m, or m's location.
func entryLoc(m *ir.Map, key string) ir.Location {
	if e, ok := m.Entry(key); ok && e.Loc.File != "" {
		return e.Loc
	}
	return m.Loc
}
