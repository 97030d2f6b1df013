package llm

import (
	"encoding/json"
	"strings"
)

// ExtractJSON finds the first JSON object in a model's text answer: the
// whole text, a ```json fenced block, or the first balanced {...} that
// parses. It is the weakest structured-output mode.
func ExtractJSON(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if json.Valid([]byte(t)) && strings.HasPrefix(t, "{") {
		return t, true
	}
	// Fenced blocks first: models put the answer there.
	for rest := t; ; {
		i := strings.Index(rest, "```")
		if i < 0 {
			break
		}
		rest = rest[i+3:]
		nl := strings.IndexByte(rest, '\n')
		if nl < 0 {
			break
		}
		body := rest[nl+1:]
		end := strings.Index(body, "```")
		if end < 0 {
			break
		}
		if c := strings.TrimSpace(body[:end]); strings.HasPrefix(c, "{") && json.Valid([]byte(c)) {
			return c, true
		}
		rest = body[end+3:]
	}
	for start := strings.IndexByte(t, '{'); start >= 0; {
		if end := balanced(t[start:]); end > 0 {
			if c := t[start : start+end]; json.Valid([]byte(c)) {
				return c, true
			}
		}
		next := strings.IndexByte(t[start+1:], '{')
		if next < 0 {
			break
		}
		start += 1 + next
	}
	return "", false
}

// balanced returns the length of the balanced {...} at the start of s,
// skipping braces inside strings, or 0.
func balanced(s string) int {
	depth, inStr, esc := 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return 0
}
