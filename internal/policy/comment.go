package policy

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Tools whose suppression syntax Hoist reads.
const (
	ToolHoist   = "hoist"
	ToolCheckov = "checkov"
	ToolTfsec   = "tfsec"
	ToolTrivy   = "trivy"
	ToolCfnNag  = "cfn_nag"
	ToolGuard   = "guard"
)

// Directive is one suppression written in a comment.
type Directive struct {
	Tool string
	// IDs are the rule IDs as written: Hoist IDs for hoist:ignore, the
	// tool's own IDs otherwise.
	IDs     []string
	Reason  string
	Expires string // YYYY-MM-DD as written, "" for none
	// Invalid says why the directive cannot apply ("" when it can).
	Invalid string
	// Column is where the directive starts on its line (1-based).
	Column int
}

// markers start a directive inside a comment.
var markers = []struct{ text, tool string }{
	{"hoist:ignore", ToolHoist},
	{"checkov:skip=", ToolCheckov},
	{"tfsec:ignore:", ToolTfsec},
	{"trivy:ignore:", ToolTrivy},
}

// hasMarker is a fast test for a whole file.
func hasMarker(src []byte) bool {
	return bytes.Contains(src, []byte("hoist:ignore")) ||
		bytes.Contains(src, []byte("checkov:skip=")) ||
		bytes.Contains(src, []byte("tfsec:ignore:")) ||
		bytes.Contains(src, []byte("trivy:ignore:"))
}

// ParseComment reads the suppression directives on one source line. A
// directive counts only after a comment opener ('#' or '//') on the line;
// the opener is not checked for being inside a string.
//
//	# hoist:ignore HOIST-S3-001[,HOIST-S3-002] reason="why" [expires=2026-12-31]
//	# checkov:skip=CKV_AWS_18:why
//	#tfsec:ignore:aws-s3-enable-bucket-logging[:exp:2026-12-31] [why]
//	#trivy:ignore:AVD-AWS-0089[:exp:2026-12-31] [why]
func ParseComment(line string) []Directive {
	opener := commentStart(line)
	if opener < 0 {
		return nil
	}
	var out []Directive
	rest := line[opener:]
	base := opener
	for {
		at, m := -1, -1
		for i, mk := range markers {
			if j := strings.Index(rest, mk.text); j >= 0 && (at < 0 || j < at) {
				at, m = j, i
			}
		}
		if at < 0 {
			return out
		}
		body := rest[at+len(markers[m].text):]
		// The directive's text runs to the next marker.
		end := len(body)
		for _, mk := range markers {
			if j := strings.Index(body, mk.text); j >= 0 && j < end {
				end = j
			}
		}
		text := strings.TrimRight(body[:end], " \t")
		// A marker that another one runs into ("# tfsec:ignore:x #trivy:...")
		// leaves the comment opener of the next one behind.
		text = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(text, "#"), "//"), " \t")
		d := parseDirective(markers[m].tool, text)
		d.Column = base + at + 1
		out = append(out, d)
		base += at + len(markers[m].text) + end
		rest = body[end:]
	}
}

// commentStart returns the index of the first comment opener on the line,
// or -1.
func commentStart(line string) int {
	h := strings.IndexByte(line, '#')
	s := strings.Index(line, "//")
	switch {
	case h < 0:
		return s
	case s < 0:
		return h
	default:
		return min(h, s)
	}
}

func parseDirective(tool, text string) Directive {
	d := Directive{Tool: tool}
	switch tool {
	case ToolHoist:
		parseHoist(&d, text)
	case ToolCheckov:
		// CKV_AWS_18:reason
		id, reason, _ := strings.Cut(text, ":")
		id = strings.TrimSpace(id)
		if id == "" || strings.ContainsAny(id, " \t") {
			d.Invalid = "checkov:skip needs a check ID: checkov:skip=CKV_AWS_18:reason"
			return d
		}
		d.IDs = []string{id}
		d.Reason = strings.TrimSpace(reason)
		if d.Reason == "" {
			d.Invalid = fmt.Sprintf("checkov:skip=%s has no reason: write checkov:skip=%s:<why>", id, id)
		}
	case ToolTfsec, ToolTrivy:
		// aws-s3-enable-bucket-logging[:exp:2026-12-31][ free text]
		head, tail, _ := strings.Cut(strings.TrimLeft(text, " \t"), " ")
		id, exp, hasExp := strings.Cut(head, ":exp:")
		if id == "" {
			d.Invalid = fmt.Sprintf("%s:ignore needs a check ID", tool)
			return d
		}
		d.IDs = []string{id}
		if hasExp {
			d.Expires = exp
			if _, err := time.Parse(time.DateOnly, exp); err != nil {
				d.Invalid = fmt.Sprintf("%s:ignore:%s: expiry %q is not a date (YYYY-MM-DD)", tool, id, exp)
			}
		}
		// The syntax has no reason field: free text after the ID is the
		// reason, else the directive itself is.
		d.Reason = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(tail), "-:"))
		if r, ok := strings.CutPrefix(d.Reason, "reason="); ok {
			d.Reason = unquote(r)
		}
		if d.Reason == "" {
			d.Reason = fmt.Sprintf("%s:ignore:%s (no reason given)", tool, id)
		}
	}
	return d
}

// parseHoist reads `RULE[,RULE] reason="..." [expires=YYYY-MM-DD]`.
func parseHoist(d *Directive, text string) {
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		d.Invalid = "hoist:ignore must be followed by a space and a rule ID"
		return
	}
	s := strings.TrimLeft(text, " \t")
	ids, s, _ := strings.Cut(s, " ")
	for id := range strings.SplitSeq(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			d.IDs = append(d.IDs, id)
		}
	}
	if len(d.IDs) == 0 {
		d.Invalid = `hoist:ignore needs a rule ID: # hoist:ignore HOIST-S3-001 reason="..."`
		return
	}
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			break
		}
		key, val, ok := strings.Cut(s, "=")
		if !ok || strings.ContainsAny(key, " \t\"") {
			d.Invalid = fmt.Sprintf("hoist:ignore: unexpected %q (want key=value: reason=\"...\", expires=YYYY-MM-DD)", firstWord(s))
			return
		}
		var v string
		v, s, ok = readValue(val)
		if !ok {
			d.Invalid = fmt.Sprintf("hoist:ignore: %s has an unterminated quoted value", key)
			return
		}
		switch key {
		case "reason":
			d.Reason = strings.TrimSpace(v)
		case "expires":
			d.Expires = v
		default:
			d.Invalid = fmt.Sprintf("hoist:ignore: unknown key %q (want reason or expires)", key)
			return
		}
	}
	if d.Reason == "" {
		d.Invalid = fmt.Sprintf(`hoist:ignore %s has no reason: add reason="<why>"`, strings.Join(d.IDs, ","))
		return
	}
	if d.Expires != "" {
		if _, err := time.Parse(time.DateOnly, d.Expires); err != nil {
			d.Invalid = fmt.Sprintf("hoist:ignore: expires=%q is not a date (YYYY-MM-DD)", d.Expires)
		}
	}
}

// readValue reads a value that is either "double quoted" (with \" and \\
// escapes) or runs to the next blank, and returns the rest.
func readValue(s string) (val, rest string, ok bool) {
	if !strings.HasPrefix(s, `"`) {
		v, r, _ := strings.Cut(s, " ")
		return v, r, true
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if v, _, ok := readValue(s); ok && strings.HasPrefix(s, `"`) {
		return v
	}
	return s
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// isCommentLine reports whether a line holds only a comment.
func isCommentLine(line string) bool {
	t := strings.TrimLeft(line, " \t")
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}
