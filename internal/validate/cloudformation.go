package validate

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	importer "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// Rules of CloudFormation findings, besides those the importer reports
// (cfn-parse, cfn-template, cfn-unknown-key, cfn-duplicate-key,
// cfn-malformed-intrinsic, cfn-unsupported).
const (
	RuleUnknownType      = "cfn-unknown-type"
	RuleUnknownProperty  = "cfn-unknown-property"
	RuleMissingRequired  = "cfn-missing-required"
	RuleWrongType        = "cfn-wrong-type"
	RuleDanglingRef      = "cfn-dangling-ref"
	RuleBadAttribute     = "cfn-bad-attribute"
	RuleUnusedParameter  = "cfn-unused-parameter"
	RuleConditionRefs    = "cfn-condition-ref"
	RuleCircularDepends  = "cfn-circular-dependency"
	serverlessTypePrefix = "AWS::Serverless::"
)

var problemRules = map[string]string{
	cfn.ProblemUnknownType:     RuleUnknownType,
	cfn.ProblemUnknownProperty: RuleUnknownProperty,
	cfn.ProblemMissingRequired: RuleMissingRequired,
	cfn.ProblemWrongType:       RuleWrongType,
}

type cloudFormation struct{}

func (cloudFormation) Name() string { return "cloudformation" }

// Detect is Sure of a file importer.Sniff finds a template by its content and
// Maybe of one it finds by its name.
func (cloudFormation) Detect(name string, data []byte) Match {
	switch importer.Sniff(name, data) {
	case importer.ByContent:
		return Sure
	case importer.ByName:
		return Maybe
	}
	return No
}

func (cloudFormation) Validate(files []File, opts Options) []Finding {
	var out []Finding
	for _, f := range files {
		out = append(out, CloudFormation(f.Path, f.Data, opts)...)
	}
	return out
}

// CloudFormation validates one template: syntax and structure, resource
// types and properties against the embedded AWS schema, references to
// resources, parameters, conditions and mappings, GetAtt attributes, and
// the shape of intrinsic functions. Every Fn::If branch and every
// conditional resource is checked. Findings are sorted.
func CloudFormation(file string, data []byte, opts Options) []Finding {
	t, err := importer.Parse(file, data, importer.Options{KeepConditions: true})
	if err != nil {
		f := Finding{Severity: SeverityError, File: file, Rule: importer.RuleParse, Message: err.Error()}
		var ie *importer.Error
		if errors.As(err, &ie) {
			f.Message, f.Line, f.Column = ie.Message, ie.Loc.Line, ie.Loc.Column
		}
		return []Finding{f}
	}
	v := &cfnValidator{t: t, file: file}
	for _, p := range t.Problems {
		v.add(p.Severity, p.Rule, p.Loc, "%s", qualify(p.Path, p.Message))
	}
	v.resources()
	v.references()
	Sort(v.findings)
	return v.findings
}

type cfnValidator struct {
	t        *importer.Template
	file     string
	findings []Finding
}

func (v *cfnValidator) add(sev, rule string, loc ir.Location, format string, args ...any) {
	v.findings = append(v.findings, Finding{Severity: sev, Rule: rule, File: v.file, Line: loc.Line, Column: loc.Column, Message: fmt.Sprintf(format, args...)})
}

// qualify prefixes a message with a template path, shortened for people:
// "Bucket.Properties.Port" for "Resources.Bucket.Properties.Port".
func qualify(path, msg string) string {
	path = strings.TrimPrefix(path, "Resources.")
	if path == "" {
		return msg
	}
	return path + ": " + msg
}

// serverless reports whether the template uses the SAM transform, whose
// AWS::Serverless::* types exist only before the transform runs.
func (v *cfnValidator) serverless() bool {
	for _, t := range v.t.Transforms {
		if strings.HasPrefix(t, "AWS::Serverless") {
			return true
		}
	}
	return false
}

// resources checks each resource's properties against the schema. The
// resources are independent, so they are checked concurrently, each into
// its own slot, and the findings are added in resource order.
func (v *cfnValidator) resources() {
	sam := v.serverless()
	rs := v.t.Graph.Resources
	slots := make([][]Finding, len(rs))
	workers := min(runtime.GOMAXPROCS(0), (len(rs)+63)/64)
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Value
	for range max(workers, 1) {
		wg.Go(func() {
			// A panic goes on in the caller's goroutine, as before.
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, recovered{r})
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(rs) {
					return
				}
				r := rs[i]
				if r.Type == "" || (sam && strings.HasPrefix(r.Type, serverlessTypePrefix)) {
					continue
				}
				rv := &cfnValidator{t: v.t, file: v.file}
				rv.resource(r)
				slots[i] = rv.findings
			}
		})
	}
	wg.Wait()
	if r := panicked.Load(); r != nil {
		panic(r.(recovered).value)
	}
	for _, f := range slots {
		v.findings = append(v.findings, f...)
	}
}

// resource checks one resource's properties against the schema.
func (v *cfnValidator) resource(r *ir.Resource) {
	info := v.t.Resources[r.ID]
	props := map[string]any{}
	if r.Properties != nil {
		props = ir.Plain(r.Properties).(map[string]any)
	}
	for _, p := range cfn.CheckProperties(r.Type, props) {
		rule := problemRules[p.Kind]
		if rule == "" {
			rule = RuleWrongType
		}
		loc, at := locate(r, info, p.Path)
		switch p.Kind {
		case cfn.ProblemUnknownType:
			v.add(SeverityError, rule, info.TypeLoc, "%s", qualify(r.ID, p.Message))
		case cfn.ProblemUnknownProperty, cfn.ProblemMissingRequired:
			v.add(SeverityError, rule, loc, "%s", qualify(r.ID+"."+parent(p.Path), p.Message))
		default:
			v.add(SeverityError, rule, loc, "%s", qualify(r.ID+"."+at, p.Message))
		}
	}
}

// parent drops the last step of a property path.
func parent(path string) string {
	segs := splitPath(path)
	if len(segs) <= 1 {
		return path
	}
	return joinPath(segs[:len(segs)-1])
}

// locate finds where a schema problem's path ("Properties.A.B[0]") is
// written: the deepest key that exists along it, or the Properties key,
// or the resource. It also returns the path it found.
func locate(r *ir.Resource, info importer.ResourceInfo, path string) (ir.Location, string) {
	segs := splitPath(path)
	loc := info.PropertiesLoc
	if loc.Line == 0 {
		loc = r.Loc
	}
	if len(segs) == 0 || segs[0] != "Properties" {
		return loc, path
	}
	var cur ir.Value = r.Properties
	for _, s := range segs[1:] {
		switch x := cur.(type) {
		case *ir.Map:
			e, ok := x.Entry(s)
			if !ok {
				return loc, path
			}
			loc, cur = e.Loc, e.Value
		case *ir.List:
			i, ok := listIndex(s)
			if !ok || i >= len(x.Items) {
				return loc, path
			}
			cur = x.Items[i]
			switch y := cur.(type) {
			case *ir.Map:
				if y.Loc.Line > 0 {
					loc = y.Loc
				}
			case *ir.List:
				if y.Loc.Line > 0 {
					loc = y.Loc
				}
			}
		default:
			return loc, path
		}
	}
	return loc, path
}

// splitPath splits a checker path into keys and "[N]" indexes:
// Properties.Tags[0].Key, Properties.Variables["a.b"].
func splitPath(path string) []string {
	var out []string
	for path != "" {
		switch path[0] {
		case '.':
			path = path[1:]
		case '[':
			end := strings.IndexByte(path, ']')
			if strings.HasPrefix(path, `["`) {
				// A quoted key: find the closing quote, skipping escapes.
				i := 2
				for i < len(path) && path[i] != '"' {
					if path[i] == '\\' {
						i++
					}
					i++
				}
				end = min(i+1, len(path))
				key := path[1:end]
				if s, err := unquote(key); err == nil {
					key = s
				}
				out = append(out, key)
				path = strings.TrimPrefix(path[end:], "]")
				continue
			}
			if end < 0 {
				return append(out, path)
			}
			out = append(out, path[:end+1])
			path = path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			out = append(out, path[:end])
			path = path[end:]
		}
	}
	return out
}

func joinPath(segs []string) string {
	var b strings.Builder
	for i, s := range segs {
		if strings.HasPrefix(s, "[") {
			b.WriteString(s)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

func listIndex(seg string) (int, bool) {
	if !strings.HasPrefix(seg, "[") || !strings.HasSuffix(seg, "]") {
		return 0, false
	}
	n := 0
	for _, c := range seg[1 : len(seg)-1] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(seg) > 2
}

// recovered wraps a worker goroutine's panic value, so that values of any
// type fit one atomic.Value.
type recovered struct{ value any }
