package policy

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hoist-dev/hoist/internal/ir"
)

// Where a suppression applies.
const (
	scopeComment = iota
	scopeMetadata
	scopeCentral
)

// SARIF's suppression kinds.
const (
	KindInSource = "inSource"
	KindExternal = "external"
)

// supp is a suppression of any syntax, resolved to Hoist rule IDs.
type supp struct {
	scope int
	tool  string
	// written is the suppression as the user wrote it, for messages.
	written string
	// ids are the Hoist rule IDs covered (comment and metadata scope).
	ids []string
	// rule, resource and file match central entries.
	rule, resource, file glob
	reason               string
	expires              string
	// Where it is written.
	at Problem
	// next is the code line a whole-line comment sits directly above (its
	// comment block's next line), 0 for a trailing comment.
	next int
	// resID is the resource a Metadata suppression belongs to.
	resID string
	// invalid says why it does not apply; expired that its date passed.
	invalid string
	expired bool
}

func (s *supp) kind() string {
	if s.scope == scopeCentral {
		return KindExternal
	}
	return KindInSource
}

// matches reports whether s covers the finding h.
func (s *supp) matches(h *hit) bool {
	if s.invalid != "" || s.expired {
		return false
	}
	if s.scope == scopeCentral {
		if !s.rule.match(h.f.RuleID) || !s.file.match(h.f.File) {
			return false
		}
		return s.resource.any || s.resource.match(h.f.Resource) || (h.resID != "" && s.resource.match(h.resID))
	}
	if !slices.Contains(s.ids, h.f.RuleID) {
		return false
	}
	switch s.scope {
	case scopeMetadata:
		return h.resID != "" && h.resID == s.resID
	case scopeComment:
		if h.f.File == s.at.File {
			if h.f.Line == s.at.Line || (s.next != 0 && h.f.Line == s.next) {
				return true
			}
		}
		if h.hasSpan && h.sp.file == s.at.File {
			if s.next != 0 && s.next == h.sp.first {
				return true
			}
			return s.at.Line >= h.sp.first && s.at.Line <= h.sp.last
		}
	}
	return false
}

// commentSuppressions reads the suppression comments of one file.
func commentSuppressions(file string, src []byte, res *resolver) []*supp {
	if !hasMarker(src) {
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var out []*supp
	for i, l := range lines {
		ds := ParseComment(l)
		if len(ds) == 0 {
			continue
		}
		next := 0
		if isCommentLine(l) {
			j := i + 1
			for j < len(lines) && isCommentLine(lines[j]) {
				j++
			}
			if j < len(lines) && strings.TrimSpace(lines[j]) != "" {
				next = j + 1
			}
		}
		for _, d := range ds {
			s := &supp{
				scope:   scopeComment,
				tool:    d.Tool,
				written: writtenDirective(d),
				reason:  d.Reason,
				expires: d.Expires,
				at:      Problem{File: file, Line: i + 1, Column: d.Column},
				next:    next,
				invalid: d.Invalid,
			}
			if s.invalid == "" {
				s.ids, s.invalid = res.resolve(d.Tool, d.IDs)
			}
			if s.ids == nil && s.invalid == "" {
				continue // a foreign ID Hoist has no rule for
			}
			out = append(out, s)
		}
	}
	return out
}

func writtenDirective(d Directive) string {
	switch d.Tool {
	case ToolHoist:
		return "hoist:ignore " + strings.Join(d.IDs, ",")
	case ToolCheckov:
		return "checkov:skip=" + strings.Join(d.IDs, ",")
	default:
		return d.Tool + ":ignore:" + strings.Join(d.IDs, ",")
	}
}

// metadataSuppressions reads a CloudFormation resource's Metadata:
//
//	Metadata:
//	  hoist:
//	    ignore: [{rule: HOIST-S3-001, reason: ..., expires: 2026-12-31}]
//	  cfn_nag:
//	    rules_to_suppress: [{id: W51, reason: ...}]
//	  guard:
//	    SuppressedRules: [S3_BUCKET_LOGGING_ENABLED]
func metadataSuppressions(r *ir.Resource, res *resolver) []*supp {
	if r.Metadata == nil {
		return nil
	}
	var out []*supp
	add := func(tool, path string, ids []string, reason, expires, invalid string) {
		loc := locateIn(r.Metadata, r.Loc, path)
		s := &supp{
			scope:   scopeMetadata,
			tool:    tool,
			written: fmt.Sprintf("Metadata.%s %s", strings.SplitN(path, ".", 2)[0], strings.Join(ids, ",")),
			reason:  strings.TrimSpace(reason),
			expires: expires,
			at:      Problem{File: loc.File, Line: loc.Line, Column: loc.Column},
			resID:   r.ID,
			invalid: invalid,
		}
		if s.invalid == "" && s.reason == "" {
			s.invalid = fmt.Sprintf("%s suppression of %s on %s has no reason", tool, strings.Join(ids, ","), r.ID)
		}
		if s.invalid == "" && expires != "" {
			if _, err := time.Parse(time.DateOnly, expires); err != nil {
				s.invalid = fmt.Sprintf("suppression of %s on %s: expires %q is not a date (YYYY-MM-DD)", strings.Join(ids, ","), r.ID, expires)
			}
		}
		if s.invalid == "" {
			s.ids, s.invalid = res.resolve(tool, ids)
		}
		if s.ids == nil && s.invalid == "" {
			return
		}
		out = append(out, s)
	}
	str := func(m map[string]any, k string) string {
		switch v := m[k].(type) {
		case string:
			return v
		case nil:
			return ""
		default:
			return fmt.Sprint(v)
		}
	}
	md, _ := ir.Plain(r.Metadata).(map[string]any)
	if h, ok := md["hoist"].(map[string]any); ok {
		list, _ := h["ignore"].([]any)
		for i, e := range list {
			m, ok := e.(map[string]any)
			path := fmt.Sprintf("hoist.ignore.%d", i)
			if !ok {
				add(ToolHoist, path, nil, "", "", "Metadata.hoist.ignore entries must be mappings with rule and reason")
				continue
			}
			id := str(m, "rule")
			if id == "" {
				add(ToolHoist, path, nil, "", "", "Metadata.hoist.ignore entry has no rule")
				continue
			}
			add(ToolHoist, path, []string{id}, str(m, "reason"), str(m, "expires"), "")
		}
	}
	if n, ok := md["cfn_nag"].(map[string]any); ok {
		list, _ := n["rules_to_suppress"].([]any)
		for i, e := range list {
			m, _ := e.(map[string]any)
			id := str(m, "id")
			if id == "" {
				continue
			}
			add(ToolCfnNag, fmt.Sprintf("cfn_nag.rules_to_suppress.%d", i), []string{id}, str(m, "reason"), "", "")
		}
	}
	if g, ok := md["guard"].(map[string]any); ok {
		list, _ := g["SuppressedRules"].([]any)
		for i, e := range list {
			id, _ := e.(string)
			if id == "" {
				continue
			}
			// cfn-guard's syntax has no place for a reason.
			add(ToolGuard, fmt.Sprintf("guard.SuppressedRules.%d", i), []string{id}, "guard SuppressedRules "+id+" (no reason given)", "", "")
		}
	}
	return out
}

// centralSuppressions turns the entries of the central file into supps.
func centralSuppressions(entries []Suppression) []*supp {
	out := make([]*supp, 0, len(entries))
	for _, e := range entries {
		written := "rule " + e.Rule
		if e.Resource != "" {
			written += " resource " + e.Resource
		}
		if e.File != "" {
			written += " file " + e.File
		}
		out = append(out, &supp{
			scope:    scopeCentral,
			tool:     ToolHoist,
			written:  written,
			rule:     compileGlob(e.Rule),
			resource: compileGlob(e.Resource),
			file:     compileGlob(e.File),
			reason:   e.Reason,
			expires:  e.Expires,
			at:       Problem{File: e.SourceFile, Line: e.Line, Column: e.Column},
			invalid:  e.Invalid,
		})
	}
	return out
}

// resolver maps suppression IDs of any tool to Hoist rule IDs.
type resolver struct {
	known   map[string]bool
	foreign map[string][]string // tool + "\x00" + id -> Hoist IDs
}

func newResolver(known []string, foreign []ForeignID, configRules map[string][]string) *resolver {
	r := &resolver{known: map[string]bool{}, foreign: map[string][]string{}}
	for _, id := range known {
		r.known[id] = true
	}
	for _, f := range foreign {
		k := f.Tool + "\x00" + strings.ToUpper(f.ID)
		r.foreign[k] = append(r.foreign[k], f.Hoist)
		if f.Tool == ToolTfsec {
			// Trivy reads tfsec's long IDs as well.
			k = ToolTrivy + "\x00" + strings.ToUpper(f.ID)
			r.foreign[k] = append(r.foreign[k], f.Hoist)
		}
	}
	for cr, ids := range configRules {
		k := ToolGuard + "\x00" + strings.ToUpper(cr)
		r.foreign[k] = append(r.foreign[k], ids...)
	}
	return r
}

// resolve returns the Hoist IDs a suppression covers. An unknown Hoist ID
// is invalid (a typo would otherwise silently suppress nothing); a foreign
// ID with no Hoist counterpart covers nothing (nil, "").
func (r *resolver) resolve(tool string, ids []string) ([]string, string) {
	var out []string
	for _, id := range ids {
		if tool == ToolHoist {
			if !r.known[id] {
				return nil, fmt.Sprintf("unknown rule %s", id)
			}
			out = append(out, id)
			continue
		}
		out = append(out, r.foreign[tool+"\x00"+strings.ToUpper(id)]...)
	}
	slices.Sort(out)
	return slices.Compact(out), ""
}

// locateIn is locate over any map (a resource's Metadata).
func locateIn(root *ir.Map, base ir.Location, path string) ir.Location {
	return locate(&ir.Resource{Loc: base, Properties: root}, path)
}
