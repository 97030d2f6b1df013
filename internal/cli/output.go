package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"slices"
)

// FormatVersion is the format_version of every JSON output.
const FormatVersion = "1"

// writeJSON writes v, which must marshal to a JSON object, as indented JSON
// with format_version as its first key.
func writeJSON(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return err
	}
	delete(fields, "format_version")
	var obj bytes.Buffer
	obj.WriteString(`{"format_version":"` + FormatVersion + `"`)
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		kb, _ := json.Marshal(k)
		obj.WriteByte(',')
		obj.Write(kb)
		obj.WriteByte(':')
		obj.Write(fields[k])
	}
	obj.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, obj.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
