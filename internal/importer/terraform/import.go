package terraform

import (
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/zclconf/go-cty/cty"
)

// Options tune an import.
type Options struct {
	// Vars override variables, as -var does.
	Vars map[string]string
	// VarFiles are read after terraform.tfvars and *.auto.tfvars, as
	// -var-file does, in order.
	VarFiles []string
}

// source is where the files come from: a folder on disk, or a map.
type source interface {
	// list returns the names of the files directly in dir ("." is the
	// root), sorted.
	list(dir string) ([]string, error)
	read(name string) ([]byte, error)
	// display is how a file is named in locations.
	display(name string) string
}

type diskSource struct{ root string }

func (d diskSource) list(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(d.root, filepath.FromSlash(dir)))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

func (d diskSource) read(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(d.root, filepath.FromSlash(name)))
}

func (d diskSource) display(name string) string {
	return filepath.ToSlash(filepath.Join(d.root, filepath.FromSlash(name)))
}

// mapSource holds files by clean slash-separated name, with the names
// they were given for locations.
type mapSource struct {
	files map[string][]byte
	given map[string]string
}

func (s mapSource) list(dir string) ([]string, error) {
	var out []string
	for k := range s.files {
		if path.Dir(k) == dir {
			out = append(out, path.Base(k))
		}
	}
	sort.Strings(out)
	return out, nil
}

func (s mapSource) read(name string) ([]byte, error) {
	if v, ok := s.files[name]; ok {
		return v, nil
	}
	return nil, fs.ErrNotExist
}

func (s mapSource) display(name string) string {
	if g, ok := s.given[name]; ok {
		return g
	}
	return name
}

// folders lists the folders that hold .tf files, sorted.
func (s mapSource) folders() []string {
	seen := map[string]bool{}
	var out []string
	for k := range s.files {
		if d := path.Dir(k); strings.HasSuffix(k, ".tf") && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

// importer carries one import.
type importer struct {
	src    source
	opts   Options
	mk     markers
	probs  []Problem
	tfvars map[string]cty.Value
	dirs   map[string][]*parsed
	insts  []Instance
}

// ImportDir imports the Terraform configuration in dir: its *.tf files
// (not sub-folders, except local modules it calls), terraform.tfvars,
// *.auto.tfvars and opts. The error is for a folder that cannot be read;
// everything else wrong is a Problem.
func ImportDir(dir string, opts Options) (*ir.Graph, []Problem, error) {
	if _, err := os.ReadDir(dir); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", dir, err)
	}
	imp := &importer{src: diskSource{root: dir}, opts: opts}
	g, probs := imp.run()
	g.Source = dir
	return g, probs, nil
}

// ImportFiles imports a configuration given as file name -> content. Names
// are slash-separated paths and are kept as given in locations. The files
// are one root module whatever their folders, except those in a folder
// that a given file calls as a local module; a module source is relative
// to the folder of the file that calls it.
func ImportFiles(files map[string][]byte, opts Options) (*ir.Graph, []Problem, error) {
	src := mapSource{files: make(map[string][]byte, len(files)), given: make(map[string]string, len(files))}
	for k, v := range files {
		c := path.Clean(filepath.ToSlash(k))
		if old, dup := src.given[c]; dup && old < k {
			continue
		}
		src.files[c], src.given[c] = v, k
	}
	imp := &importer{src: src, opts: opts}
	g, probs := imp.run()
	g.Source = "."
	if len(files) == 1 {
		for k := range files {
			g.Source = k
		}
	}
	return g, probs, nil
}

func (imp *importer) problem(sev, rule string, loc ir.Location, format string, args ...any) {
	imp.probs = append(imp.probs, Problem{Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...), Loc: loc})
}

func (imp *importer) run() (*ir.Graph, []Problem) {
	imp.dirs = map[string][]*parsed{}
	dirs := imp.rootDirs()
	var root []*parsed
	for _, d := range dirs {
		root = append(root, imp.parseDir(d)...)
	}
	imp.readVarFiles(dirs)
	rootDir := "."
	if len(dirs) == 1 {
		rootDir = dirs[0]
	}
	m := imp.newModule(rootDir, "", 0, root)
	imp.emit(m)
	g, probs := Build("", ir.FromTerraform, imp.insts)
	sortResources(g.Resources)
	all := append(imp.probs, probs...)
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].Loc, all[j].Loc
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return g, all
}

// rootDirs returns the folders of the root module: "." for a folder on
// disk; for files given by name, every folder holding .tf files that no
// file in another folder calls as a local module (all of them when each
// is called, which only a cycle of modules does).
func (imp *importer) rootDirs() []string {
	ms, ok := imp.src.(mapSource)
	if !ok {
		return []string{"."}
	}
	all := ms.folders()
	if len(all) <= 1 {
		if len(all) == 0 {
			return []string{"."}
		}
		return all
	}
	called := map[string]bool{}
	for _, d := range all {
		for _, f := range imp.parseDir(d) {
			for _, b := range f.body.Blocks {
				if b.Type != "module" {
					continue
				}
				if src, ok := literalSource(b); ok && isLocalSource(src) {
					if to := joinDir(d, src); to != d {
						called[to] = true
					}
				}
			}
		}
	}
	var out []string
	for _, d := range all {
		if !called[d] {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// parseDir parses the .tf files of a folder, concurrently; nil when it has
// none.
func (imp *importer) parseDir(dir string) []*parsed {
	if fs, ok := imp.dirs[dir]; ok {
		return fs
	}
	names, err := imp.src.list(dir)
	if err != nil {
		imp.dirs[dir] = nil
		return nil
	}
	var tf []string
	for _, n := range names {
		switch {
		case strings.HasSuffix(n, ".tf"):
			tf = append(tf, n)
		case strings.HasSuffix(n, ".tf.json"):
			imp.problem(SeverityInfo, RuleParse, ir.Location{File: imp.src.display(path.Join(dir, n))},
				"JSON configuration files are not imported")
		}
	}
	if len(tf) == 0 {
		imp.dirs[dir] = nil
		return nil
	}
	files := make([]*parsed, len(tf))
	diags := make([]hcl.Diagnostics, len(tf))
	errs := make([]error, len(tf))
	// A few long-lived workers (their stacks grow once, not once a
	// file). Opening a file is a blocking system call that is slow on
	// some file systems: read from disk with more workers than cores.
	workers := runtime.GOMAXPROCS(0)
	if _, disk := imp.src.(diskSource); disk {
		workers *= 4
	}
	workers = min(workers, len(tf))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(tf) {
					return
				}
				name := path.Join(dir, tf[i])
				data, err := imp.src.read(name)
				if err != nil {
					errs[i] = err
					continue
				}
				display := imp.src.display(name)
				f, d := hclsyntax.ParseConfig(data, display, hcl.InitialPos)
				diags[i] = d
				body, _ := f.Body.(*hclsyntax.Body)
				if body == nil {
					body = &hclsyntax.Body{}
				}
				files[i] = &parsed{name: display, dir: dir, src: data, body: body}
			}
		}()
	}
	wg.Wait()
	var out []*parsed
	for i := range tf {
		if errs[i] != nil {
			imp.problem(SeverityError, RuleParse, ir.Location{File: imp.src.display(path.Join(dir, tf[i]))}, "%v", errs[i])
			continue
		}
		imp.diagnostics(diags[i])
		out = append(out, files[i])
	}
	imp.dirs[dir] = out
	return out
}

// diagnostics records parse errors as problems, at most ten per file.
func (imp *importer) diagnostics(diags hcl.Diagnostics) {
	n := 0
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		if n++; n > 10 {
			break
		}
		loc := ir.Location{}
		if d.Subject != nil {
			loc = ir.Location{File: d.Subject.Filename, Line: d.Subject.Start.Line, Column: d.Subject.Start.Column}
		}
		msg := strings.ToLower(d.Summary[:1]) + d.Summary[1:]
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		imp.problem(SeverityError, RuleParse, loc, "%s", msg)
	}
}

// readVarFiles reads terraform.tfvars, *.auto.tfvars (sorted) of the root
// module's folders and opts.VarFiles, later ones overriding earlier ones.
func (imp *importer) readVarFiles(dirs []string) {
	imp.tfvars = map[string]cty.Value{}
	var files, auto []string
	for _, d := range dirs {
		names, _ := imp.src.list(d)
		for _, n := range names {
			if n == "terraform.tfvars" {
				files = append(files, path.Join(d, n))
			} else if strings.HasSuffix(n, ".auto.tfvars") {
				auto = append(auto, path.Join(d, n))
			}
		}
	}
	files = append(files, auto...)
	for _, n := range files {
		data, err := imp.src.read(n)
		if err == nil {
			imp.readVarFile(imp.src.display(n), data)
		}
	}
	for _, n := range imp.opts.VarFiles {
		data, err := imp.src.read(path.Clean(filepath.ToSlash(n)))
		if errors.Is(err, fs.ErrNotExist) {
			data, err = os.ReadFile(n)
		}
		if err != nil {
			imp.problem(SeverityError, RuleParse, ir.Location{File: n}, "var file: %v", err)
			continue
		}
		imp.readVarFile(n, data)
	}
}

func (imp *importer) readVarFile(name string, data []byte) {
	f, diags := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	imp.diagnostics(diags)
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	for n, a := range body.Attributes {
		v, d := a.Expr.Value(&hcl.EvalContext{Functions: functions()})
		if d.HasErrors() {
			imp.problem(SeverityWarning, RuleEval, ir.Location{File: name, Line: a.SrcRange.Start.Line, Column: a.SrcRange.Start.Column},
				"variable %s: value cannot be evaluated", n)
			continue
		}
		imp.tfvars[n] = v
	}
}

// cliVar reads a -var value: as is for string variables (and those with
// no type), as an HCL expression for the others.
func (imp *importer) cliVar(raw string, v *variable) cty.Value {
	if !v.typed || v.typ == cty.String {
		return cty.StringVal(raw)
	}
	e, diags := hclsyntax.ParseExpression([]byte(raw), "-var", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.StringVal(raw)
	}
	val, d := e.Value(&hcl.EvalContext{Functions: functions()})
	if d.HasErrors() {
		return cty.StringVal(raw)
	}
	return val
}

// joinDir resolves a module source relative to a folder.
func joinDir(dir, src string) string { return path.Clean(path.Join(dir, src)) }

// emit turns every resource instance of m, then of its modules, into
// Instances.
func (imp *importer) emit(m *module) {
	for _, r := range m.resources {
		loc := r.file.loc(r.block.DefRange())
		if !strings.HasPrefix(r.typ, "aws_") {
			imp.problem(SeverityInfo, RuleProvider, loc, "%s: provider %q is not AWS; skipped", m.address(r.typ, r.name), provider(r.typ))
			continue
		}
		m.shape(r)
		for i := range r.insts {
			inst := r.insts[i]
			attrs := m.body(r.block.Body, r.file, &inst, nil, true)
			in := Instance{Address: inst.addr, Type: r.typ, Attrs: attrs, Loc: loc}
			in.DependsOn = m.dependsOn(r.block.Body)
			for _, lb := range r.block.Body.Blocks {
				if lb.Type != "lifecycle" {
					continue
				}
				if a, ok := lb.Body.Attributes["prevent_destroy"]; ok {
					if v, ok := m.eval(a.Expr, &inst, nil); ok && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() && v.True() {
						in.Retain = true
					}
				}
			}
			if b, ok := ir.AsBool(attrs.Get("skip_destroy")); ok && b {
				in.Retain = true
			}
			imp.insts = append(imp.insts, in)
		}
	}
	for _, c := range m.calls {
		m.expandCall(c)
		if !c.local {
			imp.problem(SeverityInfo, RuleModule, c.file.loc(c.block.DefRange()), "module.%s: remote module source %q is not imported", c.name, c.source)
			continue
		}
		for _, child := range c.children {
			imp.emit(child)
		}
	}
}

// provider is the provider part of a resource type.
func provider(typ string) string {
	p, _, _ := strings.Cut(typ, "_")
	return p
}

// dependsOn resolves depends_on to the logical IDs of resources.
func (m *module) dependsOn(body *hclsyntax.Body) []string {
	a, ok := body.Attributes["depends_on"]
	if !ok {
		return nil
	}
	var out []string
	for _, tr := range a.Expr.Variables() {
		name, ok := attrAt(tr, 1)
		if !ok {
			continue
		}
		r := m.byAddr[tr.RootName()+"."+name]
		if r == nil {
			continue
		}
		m.shape(r)
		for _, inst := range r.insts {
			out = append(out, LogicalID(inst.addr))
		}
	}
	return out
}

// metaArgs are the arguments and blocks of a resource that are
// Terraform's, not the provider's.
var metaArgs = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true,
}

// body converts a block body to a map of attributes, nested blocks as
// lists of maps, each entry at the position it was written.
func (m *module) body(b *hclsyntax.Body, f *parsed, inst *instance, extra map[string]cty.Value, top bool) *ir.Map {
	out := &ir.Map{Loc: f.loc(b.SrcRange)}
	attrs := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		if !(top && metaArgs[a.Name]) {
			attrs = append(attrs, a)
		}
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	for _, a := range attrs {
		if v := m.attrValue(a.Expr, f, inst, extra); v != nil {
			out.Entries = append(out.Entries, ir.Entry{Key: a.Name, Value: v, Loc: f.loc(a.NameRange)})
		}
	}
	lists := map[string]*ir.List{}
	add := func(typ string, loc ir.Location, v *ir.Map) {
		l := lists[typ]
		if l == nil {
			l = &ir.List{Loc: loc}
			lists[typ] = l
			out.Entries = append(out.Entries, ir.Entry{Key: typ, Value: l, Loc: loc})
		}
		l.Items = append(l.Items, v)
	}
	for _, blk := range b.Blocks {
		if top && metaArgs[blk.Type] {
			continue
		}
		loc := f.loc(blk.TypeRange)
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			m.dynamic(blk, f, inst, extra, func(v *ir.Map) { add(blk.Labels[0], loc, v) })
			continue
		}
		bm := m.body(blk.Body, f, inst, extra, false)
		bm.Loc = loc
		add(blk.Type, loc, bm)
	}
	return out
}

// dynamic expands a dynamic block.
func (m *module) dynamic(blk *hclsyntax.Block, f *parsed, inst *instance, extra map[string]cty.Value, add func(*ir.Map)) {
	iter := blk.Labels[0]
	if a, ok := blk.Body.Attributes["iterator"]; ok {
		if tr, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
			iter = tr.RootName()
		}
	}
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	a, ok := blk.Body.Attributes["for_each"]
	if !ok || content == nil {
		return
	}
	v, ok := m.eval(a.Expr, inst, extra)
	if !ok || !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() || v.Type() == cty.String {
		m.imp.problem(SeverityWarning, RuleEval, f.loc(a.SrcRange), "dynamic %q: for_each cannot be evaluated; block skipped", iter)
		return
	}
	n := 0
	for it := v.ElementIterator(); it.Next() && n < maxInstances; n++ {
		k, el := it.Element()
		vars := map[string]cty.Value{}
		for kk, vv := range extra {
			vars[kk] = vv
		}
		vars[iter] = cty.ObjectVal(map[string]cty.Value{"key": k, "value": el})
		bm := m.body(content.Body, f, inst, vars, false)
		bm.Loc = f.loc(blk.TypeRange)
		add(bm)
	}
}

// attrValue evaluates an attribute; jsonencode(x) keeps x as a document
// (with positions and key order); what cannot be evaluated is kept as its
// source text. Null is nil: not set.
func (m *module) attrValue(e hclsyntax.Expression, f *parsed, inst *instance, extra map[string]cty.Value) ir.Value {
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !call.ExpandFinal {
		if v, ok := m.eval(call.Args[0], inst, extra); ok && v.IsWhollyKnown() && !v.IsNull() {
			return m.toIR(v, call.Args[0], f, f.loc(e.Range()))
		}
	}
	v, ok := m.eval(e, inst, extra)
	if !ok {
		return expr(strings.TrimSpace(f.text(e.Range())))
	}
	if v.IsNull() {
		return nil
	}
	return m.toIR(v, e, f, f.loc(e.Range()))
}

// toIR converts a value, following the expression that wrote it for the
// positions and order of object keys.
func (m *module) toIR(v cty.Value, e hclsyntax.Expression, f *parsed, loc ir.Location) ir.Value {
	if !v.IsKnown() {
		if e != nil {
			return expr(strings.TrimSpace(f.text(e.Range())))
		}
		return expr("(unknown)")
	}
	if v.IsNull() {
		return ir.Null{}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return m.imp.mk.expand(v.AsString())
	case ty == cty.Number:
		bf := v.AsBigFloat()
		if bf.IsInt() {
			if i, acc := bf.Int64(); acc == big.Exact {
				return ir.Number(strconv.FormatInt(i, 10))
			}
		}
		return ir.Number(numberText(bf))
	case ty == cty.Bool:
		return ir.Bool(v.True())
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		var items []hclsyntax.Expression
		if t, ok := e.(*hclsyntax.TupleConsExpr); ok && !ty.IsSetType() {
			items = t.Exprs
		}
		l := &ir.List{Loc: loc}
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, el := it.Element()
			var sub hclsyntax.Expression
			subLoc := loc
			if i < len(items) && len(items) == v.LengthInt() {
				sub = items[i]
				subLoc = f.loc(sub.Range())
			}
			l.Items = append(l.Items, m.toIR(el, sub, f, subLoc))
		}
		return l
	case ty.IsMapType() || ty.IsObjectType():
		mp := &ir.Map{Loc: loc}
		seen := map[string]bool{}
		if o, ok := e.(*hclsyntax.ObjectConsExpr); ok {
			for _, item := range o.Items {
				k, ok := objectKey(m, item.KeyExpr)
				if !ok {
					continue
				}
				if seen[k] || !v.Type().IsObjectType() && !v.Type().IsMapType() {
					continue
				}
				el, ok := ctyIndex(v, k)
				if !ok {
					continue
				}
				seen[k] = true
				if el.IsNull() {
					continue
				}
				mp.Entries = append(mp.Entries, ir.Entry{Key: k, Value: m.toIR(el, item.ValueExpr, f, f.loc(item.ValueExpr.Range())), Loc: f.loc(item.KeyExpr.Range())})
			}
		}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			ks := k.AsString()
			if seen[ks] || el.IsNull() {
				continue
			}
			mp.Entries = append(mp.Entries, ir.Entry{Key: ks, Value: m.toIR(el, nil, f, loc), Loc: loc})
		}
		return mp
	}
	return expr(strings.TrimSpace(f.text(e.Range())))
}

// objectKey evaluates the key of an object constructor item: a bare name
// or a literal string directly, anything else in the module.
func objectKey(m *module, e hclsyntax.Expression) (string, bool) {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok && !k.ForceNonLiteral {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
			return name, true
		}
	}
	kv, d := e.Value(m.evalCtx(e, nil, nil))
	if d.HasErrors() || kv.Type() != cty.String || !kv.IsKnown() || kv.IsNull() {
		return "", false
	}
	return kv.AsString(), true
}

// ctyIndex reads one key of a map or object.
func ctyIndex(v cty.Value, k string) (cty.Value, bool) {
	if v.Type().IsObjectType() {
		if !v.Type().HasAttribute(k) {
			return cty.NilVal, false
		}
		return v.GetAttr(k), true
	}
	kv := cty.StringVal(k)
	if !v.HasIndex(kv).True() {
		return cty.NilVal, false
	}
	return v.Index(kv), true
}

// numberText writes a number without exponent or trailing zeros.
func numberText(f interface{ Text(byte, int) string }) string {
	s := f.Text('f', -1)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "" || s == "-" {
		return "0"
	}
	return s
}
