package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// Policies are compiled Rego policies, ready to evaluate many times. They
// are safe for concurrent use.
type Policies struct {
	rules []*regoRule
	// needRaw and needIR say whether any policy reads input.raw or
	// input.ir (or input as a whole): the input document is only built
	// with what is read.
	needRaw, needIR bool
}

// ReadsRaw reports whether any policy reads input.raw (or the whole
// input), so that a caller parses files into raw form only when needed.
func (p *Policies) ReadsRaw() bool { return p != nil && p.needRaw }

// regoRule is one deny or warn rule of one package: every body of that
// name is one query.
type regoRule struct {
	meta    rule.Meta
	file    string
	line    int
	query   rego.PreparedEvalQuery
	ruleRef string // data.pkg.deny
	// doc is the first related_resources URL of its METADATA.
	doc string
}

// Rules returns the metadata of the policies' deny and warn rules, in ID
// order.
func (p *Policies) Rules() []rule.Meta {
	if p == nil {
		return nil
	}
	out := make([]rule.Meta, len(p.rules))
	for i, r := range p.rules {
		out[i] = r.meta
	}
	return out
}

// LoadPolicies reads every .rego file under the given folders (or the
// files themselves), skipping OPA test files (*_test.rego), parses them as
// Rego v1 with METADATA annotations and compiles them together. A file that
// fails to parse or compile is an error naming file:line:col.
func LoadPolicies(paths []string) (*Policies, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".rego") && !strings.HasSuffix(path, "_test.rego") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
	}
	sort.Strings(files)
	files = slices.Compact(files)
	srcs := make(map[string][]byte, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		srcs[filepath.ToSlash(f)] = b
	}
	return CompilePolicies(srcs)
}

// CompilePolicies compiles Rego sources given as file name -> text.
func CompilePolicies(srcs map[string][]byte) (*Policies, error) {
	modules := make(map[string]*ast.Module, len(srcs))
	for _, name := range ir.SortedKeys(srcs) {
		m, err := ast.ParseModuleWithOpts(name, string(srcs[name]), ast.ParserOptions{
			ProcessAnnotation: true,
			RegoVersion:       ast.RegoV1,
		})
		if err != nil {
			return nil, regoError(name, err)
		}
		modules[name] = m
	}
	p := &Policies{}
	if len(modules) == 0 {
		return p, nil
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	if c.Failed() {
		return nil, regoError("", c.Errors)
	}
	annots := c.GetAnnotationSet()
	for _, m := range c.Modules {
		p.needRaw, p.needIR = inputUse(m, p.needRaw, p.needIR)
	}

	type key struct{ pkg, name string }
	seen := map[key]*regoRule{}
	var order []key
	for _, name := range ir.SortedKeys(modules) {
		m := c.Modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		for _, r := range m.Rules {
			ref := r.Head.Ref()
			if len(ref) != 1 {
				continue
			}
			rn := strings.Trim(ref[0].String(), `"`)
			if rn != "deny" && rn != "warn" {
				continue
			}
			k := key{pkg, rn}
			if seen[k] == nil {
				rr := &regoRule{
					file:    name,
					line:    r.Location.Row,
					ruleRef: m.Package.Path.String() + "." + rn,
				}
				rr.meta = rule.Meta{ID: pkg + "." + rn, Title: pkg + " " + rn, Severity: rule.High}
				if rn == "warn" {
					rr.meta.Severity = rule.Low
				}
				seen[k] = rr
				order = append(order, k)
			}
			if err := applyAnnotations(seen[k], annots.Chain(r)); err != nil {
				return nil, err
			}
		}
	}
	ctx := context.Background()
	ids := map[string]string{}
	for _, k := range order {
		rr := seen[k]
		if prev, ok := ids[rr.meta.ID]; ok {
			return nil, fmt.Errorf("%s:%d: rule ID %s is also used by %s", rr.file, rr.line, rr.meta.ID, prev)
		}
		ids[rr.meta.ID] = fmt.Sprintf("%s:%d", rr.file, rr.line)
		q, err := rego.New(rego.Compiler(c), rego.Query(rr.ruleRef)).PrepareForEval(ctx)
		if err != nil {
			return nil, regoError(rr.file, err)
		}
		rr.query = q
		p.rules = append(p.rules, rr)
	}
	sort.Slice(p.rules, func(i, j int) bool { return p.rules[i].meta.ID < p.rules[j].meta.ID })
	return p, nil
}

// inputUse reports whether a module reads input.raw and input.ir; a
// reference to input as a whole, or to input[x], reads both.
func inputUse(m *ast.Module, raw, irUsed bool) (bool, bool) {
	ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case ast.Ref:
			if !v[0].Equal(ast.InputRootDocument) {
				return false
			}
			if len(v) < 2 {
				raw, irUsed = true, true
				return true
			}
			switch k := v[1].Value.(type) {
			case ast.String:
				raw = raw || k == "raw"
				irUsed = irUsed || k == "ir"
			default:
				raw, irUsed = true, true
			}
			return true
		case ast.Var:
			if v.Equal(ast.InputRootDocument.Value) {
				raw, irUsed = true, true
			}
		}
		return false
	}).Walk(m)
	return raw, irUsed
}

// applyAnnotations fills a rule's metadata from the nearest METADATA
// block (rule, then document, package and subpackages scope) that says
// anything: title, description, custom.id, custom.severity,
// custom.controls, custom.fedramp, custom.cis, custom.remediation.
func applyAnnotations(rr *regoRule, chain ast.AnnotationsRefSet) error {
	set := map[string]bool{}
	for _, ar := range chain {
		a := ar.Annotations
		if a == nil {
			continue
		}
		loc := rr.file
		if a.Location != nil {
			loc = fmt.Sprintf("%s:%d", a.Location.File, a.Location.Row)
		}
		if a.Title != "" && !set["title"] {
			rr.meta.Title, set["title"] = a.Title, true
		}
		if a.Description != "" && !set["description"] {
			rr.meta.Rationale, set["description"] = a.Description, true
		}
		if len(a.RelatedResources) > 0 && !set["related_resources"] {
			rr.doc, set["related_resources"] = a.RelatedResources[0].Ref.String(), true
		}
		for _, k := range ir.SortedKeys(a.Custom) {
			if set[k] {
				continue
			}
			v := a.Custom[k]
			switch k {
			case "id":
				s, ok := v.(string)
				if !ok || s == "" {
					return fmt.Errorf("%s: custom.id must be a string", loc)
				}
				rr.meta.ID = s
			case "severity":
				s, _ := v.(string)
				sev, err := rule.ParseSeverity(s)
				if err != nil {
					return fmt.Errorf("%s: custom.severity: %v", loc, err)
				}
				rr.meta.Severity = sev
			case "controls", "fedramp", "cis":
				list, err := stringList(v)
				if err != nil {
					return fmt.Errorf("%s: custom.%s: %v", loc, k, err)
				}
				switch k {
				case "controls":
					rr.meta.NIST = list
				case "fedramp":
					rr.meta.FedRAMP = list
				case "cis":
					rr.meta.CIS = list
				}
			case "remediation":
				s, _ := v.(string)
				rr.meta.Remediation = s
			case "config_rule":
				s, _ := v.(string)
				rr.meta.ConfigRule = s
			}
			set[k] = true
		}
	}
	return nil
}

func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, got %v", e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of strings, got %T", v)
}

// regoError formats parse and compile errors as file:line:col: message,
// one per line.
func regoError(file string, err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		var e *ast.Error
		if errors.As(err, &e) {
			errs = ast.Errors{e}
		}
	}
	if len(errs) == 0 {
		if file != "" {
			return fmt.Errorf("%s: %v", file, err)
		}
		return err
	}
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		pos := file
		if e.Location != nil {
			f := e.Location.File
			if f == "" {
				f = file
			}
			pos = fmt.Sprintf("%s:%d", f, e.Location.Row)
			if e.Location.Col > 0 {
				pos += fmt.Sprintf(":%d", e.Location.Col)
			}
		}
		lines = append(lines, fmt.Sprintf("%s: %s", pos, e.Message))
	}
	return errors.New(strings.Join(lines, "\n"))
}

// regoInput builds the input document of a target:
//
//	{"kind": ..., "path": ..., "raw": ..., "ir": {"resources": [{"id", "type",
//	 "properties", "file", "line", "address"}]}}
//
// raw and ir are left empty (null, no resources) when no policy reads them.
func regoInput(t *Target, withRaw, withIR bool) (ast.Value, error) {
	res := make([]*ast.Term, 0)
	if t.Graph != nil && withIR {
		res = make([]*ast.Term, 0, len(t.Graph.Resources))
		for _, r := range t.Graph.Resources {
			var props ast.Value = ast.NewObject()
			if r.Properties != nil {
				props = irValue(r.Properties)
			}
			res = append(res, ast.ObjectTerm(
				ast.Item(ast.StringTerm("id"), ast.StringTerm(r.ID)),
				ast.Item(ast.StringTerm("type"), ast.StringTerm(r.Type)),
				ast.Item(ast.StringTerm("properties"), ast.NewTerm(props)),
				ast.Item(ast.StringTerm("file"), ast.StringTerm(r.Loc.File)),
				ast.Item(ast.StringTerm("line"), ast.IntNumberTerm(r.Loc.Line)),
				ast.Item(ast.StringTerm("address"), ast.StringTerm(resourceName(r))),
			))
		}
	}
	raw := ast.NullTerm()
	if withRaw && t.Raw != nil {
		v, err := ast.InterfaceToValue(t.Raw)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot build Rego input: %v", t.Path, err)
		}
		raw = ast.NewTerm(v)
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm(t.Kind)),
		ast.Item(ast.StringTerm("path"), ast.StringTerm(t.Path)),
		ast.Item(ast.StringTerm("raw"), raw),
		ast.Item(ast.StringTerm("ir"), ast.ObjectTerm(ast.Item(ast.StringTerm("resources"), ast.ArrayTerm(res...)))),
	), nil
}

// irValue converts an IR value to a Rego value directly, in the shape
// ir.Plain gives: intrinsics as their CloudFormation JSON form.
func irValue(v ir.Value) ast.Value {
	switch x := v.(type) {
	case nil:
		return ast.Null{}
	case ir.String:
		return ast.String(x)
	case ir.Number:
		return ast.Number(x)
	case ir.Bool:
		return ast.Boolean(x)
	case ir.Null:
		return ast.Null{}
	case *ir.List:
		terms := make([]*ast.Term, len(x.Items))
		for i, it := range x.Items {
			terms[i] = ast.NewTerm(irValue(it))
		}
		return ast.NewArray(terms...)
	case *ir.Map:
		items := make([][2]*ast.Term, len(x.Entries))
		for i, e := range x.Entries {
			items[i] = ast.Item(ast.StringTerm(e.Key), ast.NewTerm(irValue(e.Value)))
		}
		return ast.NewObject(items...)
	}
	out, err := ast.InterfaceToValue(ir.Plain(v))
	if err != nil {
		return ast.Null{}
	}
	return out
}

// regoResult is one element of a deny or warn set.
type regoResult struct {
	msg      string
	resource string
	file     string
	line     int
	column   int
	severity string
}

// eval runs one rule over an input.
func (rr *regoRule) eval(ctx context.Context, in ast.Value) ([]regoResult, error) {
	rs, err := rr.query.Eval(ctx, rego.EvalParsedInput(in))
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %v", rr.file, rr.ruleRef, err)
	}
	var out []regoResult
	for _, r := range rs {
		for _, e := range r.Expressions {
			switch v := e.Value.(type) {
			case []any:
				for _, item := range v {
					out = append(out, toResult(item))
				}
			case map[string]any: // a complete rule holding an object
				out = append(out, toResult(v))
			case string:
				out = append(out, regoResult{msg: v})
			case bool, nil:
				// deny := false and similar: nothing found.
			default:
				out = append(out, toResult(v))
			}
		}
	}
	return out, nil
}

func toResult(v any) regoResult {
	switch x := v.(type) {
	case string:
		return regoResult{msg: x}
	case map[string]any:
		r := regoResult{}
		r.msg, _ = x["msg"].(string)
		if r.msg == "" {
			r.msg, _ = x["message"].(string)
		}
		r.resource, _ = x["resource"].(string)
		r.file, _ = x["file"].(string)
		r.severity, _ = x["severity"].(string)
		r.line = toInt(x["line"])
		r.column = toInt(x["column"])
		if r.msg == "" {
			b, _ := json.Marshal(x)
			r.msg = string(b)
		}
		return r
	}
	b, _ := json.Marshal(v)
	return regoResult{msg: string(b)}
}

func toInt(v any) int {
	switch x := v.(type) {
	case json.Number:
		i, err := strconv.Atoi(string(x))
		if err != nil {
			f, _ := x.Float64()
			return int(f)
		}
		return i
	case float64:
		return int(x)
	case int:
		return x
	}
	return 0
}
