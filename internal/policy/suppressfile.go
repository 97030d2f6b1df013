package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Suppression is one entry of the central suppressions file
// (.hoist/suppressions.yaml):
//
//	version: 1
//	suppressions:
//	  - rule: HOIST-S3-003          # a rule ID, or a glob over rule IDs
//	    resource: aws_s3_bucket.logs # glob over the Terraform address or logical ID (optional)
//	    file: infra/**               # glob over the finding's file (optional)
//	    reason: the access log bucket cannot log to itself
//	    expires: 2026-12-31          # optional, last day it applies
type Suppression struct {
	Rule     string
	Resource string
	File     string
	Reason   string
	Expires  string
	// Where the entry is written.
	SourceFile   string
	Line, Column int
	// Invalid says why the entry does not apply ("" when it does).
	Invalid string
}

// ParseSuppressions reads a central suppressions file. A file that is not
// YAML, has no or an unknown version, or has keys Hoist does not know is an
// error naming file:line:col. An entry that lacks a rule or a reason, or
// has a bad date, is returned with Invalid set: it does not apply and
// becomes a HOIST-SUP-001 finding.
func ParseSuppressions(file string, data []byte) ([]Suppression, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, m, ok := strings.Cut(rest, ": "); ok {
				return nil, fmt.Errorf("%s:%s: %s", file, n, m)
			}
		}
		return nil, fmt.Errorf("%s: %s", file, msg)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, posErr(file, root, "want a mapping with version and suppressions")
	}
	var out []Suppression
	version := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			if v.Kind != yaml.ScalarNode || v.Value != "1" {
				return nil, posErr(file, v, fmt.Sprintf("unsupported version %q (want 1)", v.Value))
			}
			version = true
		case "suppressions":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				return nil, posErr(file, v, "suppressions must be a list")
			}
			for _, item := range v.Content {
				s, err := parseEntry(file, item)
				if err != nil {
					return nil, err
				}
				out = append(out, s)
			}
		default:
			return nil, posErr(file, k, fmt.Sprintf("unknown key %q (want version, suppressions)", k.Value))
		}
	}
	if !version {
		return nil, posErr(file, root, "missing version: 1")
	}
	return out, nil
}

func parseEntry(file string, n *yaml.Node) (Suppression, error) {
	s := Suppression{SourceFile: file, Line: n.Line, Column: n.Column}
	if n.Kind != yaml.MappingNode {
		return s, posErr(file, n, "a suppression must be a mapping with rule and reason")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return s, posErr(file, v, fmt.Sprintf("%s must be a string", k.Value))
		}
		val := strings.TrimSpace(v.Value)
		switch k.Value {
		case "rule":
			s.Rule = val
		case "resource":
			s.Resource = val
		case "file":
			s.File = val
		case "reason":
			s.Reason = val
		case "expires":
			s.Expires = val
		default:
			return s, posErr(file, k, fmt.Sprintf("unknown key %q (want rule, resource, file, reason, expires)", k.Value))
		}
	}
	switch {
	case s.Rule == "":
		s.Invalid = "suppression has no rule"
	case s.Reason == "":
		s.Invalid = fmt.Sprintf("suppression of %s has no reason", s.Rule)
	case s.Expires != "":
		if _, err := time.Parse(time.DateOnly, s.Expires); err != nil {
			s.Invalid = fmt.Sprintf("suppression of %s: expires %q is not a date (YYYY-MM-DD)", s.Rule, s.Expires)
		}
	}
	return s, nil
}

func posErr(file string, n *yaml.Node, msg string) error {
	return fmt.Errorf("%s:%s:%s: %s", file, strconv.Itoa(n.Line), strconv.Itoa(n.Column), msg)
}

// expired reports whether a YYYY-MM-DD date is before now's day: a
// suppression applies through the whole day it names (UTC).
func expired(date string, now time.Time) bool {
	if date == "" {
		return false
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return false
	}
	return !now.UTC().Before(t.Add(24 * time.Hour))
}
