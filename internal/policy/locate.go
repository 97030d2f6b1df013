package policy

import (
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// locate turns a violation's property path into a position: the deepest
// entry (or list item) along path that exists and has a position, else the
// resource's own position.
func locate(r *ir.Resource, path string) ir.Location {
	loc := r.Loc
	if path == "" || r.Properties == nil {
		return loc
	}
	var cur ir.Value = r.Properties
	for part := range strings.SplitSeq(path, ".") {
		switch x := cur.(type) {
		case *ir.Map:
			e, ok := x.Entry(part)
			if !ok {
				return loc
			}
			loc = better(loc, e.Loc)
			cur = e.Value
		case *ir.List:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x.Items) {
				return loc
			}
			cur = x.Items[i]
			switch item := cur.(type) {
			case *ir.Map:
				loc = better(loc, item.Loc)
			case *ir.List:
				loc = better(loc, item.Loc)
			}
		default:
			return loc
		}
	}
	return loc
}

// better returns next when it has a line, else cur; a position without a
// file inherits cur's file.
func better(cur, next ir.Location) ir.Location {
	if next.Line <= 0 {
		return cur
	}
	if next.File == "" {
		next.File = cur.File
	}
	return next
}

// resourceName is what findings call a resource: its Terraform address (or
// other origin source) when known, else its logical ID.
func resourceName(r *ir.Resource) string {
	if r.Origin.Source != "" {
		return r.Origin.Source
	}
	return r.ID
}

// span is the range of lines a resource is written on, as far as the IR
// knows: from its own line to the last line any of its properties or
// metadata entries starts on.
type span struct {
	file        string
	first, last int
}

func resourceSpan(r *ir.Resource) span {
	s := span{file: r.Loc.File, first: r.Loc.Line, last: r.Loc.Line}
	grow := func(l ir.Location) {
		if l.Line <= 0 || (l.File != "" && l.File != s.file) {
			return
		}
		if s.first == 0 || l.Line < s.first {
			s.first = l.Line
		}
		if l.Line > s.last {
			s.last = l.Line
		}
	}
	visit := func(v ir.Value) bool {
		switch x := v.(type) {
		case *ir.Map:
			grow(x.Loc)
			for _, e := range x.Entries {
				grow(e.Loc)
			}
		case *ir.List:
			grow(x.Loc)
		}
		return true
	}
	if r.Properties != nil {
		ir.Walk(r.Properties, visit)
	}
	if r.Metadata != nil {
		ir.Walk(r.Metadata, visit)
	}
	return s
}
