// Package cdk renders the IR as an AWS CDK app in TypeScript: bin/app.ts,
// one stack class in lib/<name>-stack.ts, and the package.json, cdk.json,
// tsconfig.json and .gitignore that let `npm ci && npx cdk synth` run.
//
// A resource becomes an L2 construct where one synthesizes exactly the
// IR's resource, and an L1 (s3.CfnBucket for AWS::S3::Bucket) elsewhere.
// Either way its logical ID is overridden to the IR's (on an L2, through
// node.defaultChild), so the synthesized template matches Hoist's
// CloudFormation output resource for resource, property for property;
// the package's synthesis test proves it with a real `cdk synth` of every
// example spec.
//
// L2s (registry l2Kinds, one props mapping per type in l2.go): logs.LogGroup,
// sqs.Queue (with deadLetterQueue), sns.Topic, ecr.Repository, kms.Key
// (policy through iam.PolicyDocument.fromJson), secretsmanager.Secret,
// s3.Bucket and dynamodb.Table (Table, not TableV2, which writes
// AWS::DynamoDB::GlobalTable). The choice is made per resource in Go: a
// resource with any property the mapping cannot express exactly stays L1
// (tags, a FIFO topic named by an intrinsic, an ECR AES256 configuration
// the L2 would drop, a key policy PolicyStatement would normalise, a
// secret without a generated string, a bucket with access logging whose
// L2 would grant on the target bucket, a provisioned table, a stateful
// resource without a DeletionPolicy, which aws-cdk-lib refuses under an
// L2). DeletionPolicy and UpdateReplacePolicy become removalPolicy when a
// RemovalPolicy sets exactly that pair, and are set on the CfnResource
// otherwise. KMS keys are passed as construct references; Secrets
// Manager's L2 grants on its key, so it gets the key imported by ARN,
// which adds no resource and leaves the key policy alone. ECR lifecycle
// policy text is kept byte for byte on the CfnRepository: the L2's
// lifecycleRules write the JSON keys in another order.
//
// The other types stay L1. iam.Role normalises policy documents (a
// one-element Action list becomes a string) and builds the trust policy
// from principals; ec2.Vpc, ecs.FargateService, elbv2.ApplicationLoadBalancer,
// rds.DatabaseInstance, cloudfront.Distribution and lambda.Function add
// resources (subnets, security groups, roles, secrets) and defaults of
// their own that Hoist's expansion already writes as separate resources.
// Property names on L1s are camel-cased as CDK's code generator does;
// properties the schema types as JSON (policy documents) and map keys keep
// their keys as written. A property whose value does not fit the schema,
// and a resource type without an L1 class, are written raw
// (addPropertyOverride, CfnResource) so nothing is dropped silently.
// Intrinsics become the CDK equivalents: x.ref (or the L2's getter, such
// as queue.queueArn), Aws.REGION, Fn.sub, Fn.join, Fn.select, Fn.getAzs,
// Fn.conditionIf.
//
// The app is environment-agnostic (no account or region), so synthesis
// needs no credentials and makes no lookups. Output is deterministic.
// The package reads only the IR and the embedded CloudFormation schema.
package cdk

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// Versions of the npm packages the generated app pins. They are the ones
// Hoist's tests synthesize with (test-tools/package.json).
const (
	AWSCDKLibVersion  = "2.276.0"
	AWSCDKVersion     = "2.1148.1"
	ConstructsVersion = "10.7.2"
	TSXVersion        = "4.23.15"
	TypeScriptVersion = "7.0.2"
)

// File is one generated file, its path relative to the app's folder.
type File struct {
	Path    string
	Content []byte
}

// Options name the app.
type Options struct {
	// Name is the app's name ("vault"): the stack is named after it, its
	// class is VaultStack in lib/vault-stack.ts. Empty means "app".
	Name string
}

// Render returns the files of a CDK app for g, sorted by path. g is not
// modified.
func Render(g *ir.Graph, opts Options) ([]File, error) {
	n := newNames(opts.Name)
	stack, err := RenderStack(g, n.class)
	if err != nil {
		return nil, err
	}
	files := []File{
		{".gitignore", []byte("cdk.out/\nnode_modules/\n")},
		{"bin/app.ts", AppFile([]StackRef{{Class: n.class, File: n.file, StackName: n.stack}})},
		{"cdk.json", cdkJSON()},
		{"lib/" + n.file + ".ts", stack},
		{"package.json", packageJSON(n.pkg)},
		{"tsconfig.json", tsconfig()},
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

type names struct{ class, file, stack, pkg string }

// newNames derives the stack class, file and stack names from an app name.
func newNames(name string) names {
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
	}) {
		words = append(words, strings.ToLower(w))
	}
	if len(words) == 0 || !unicode.IsLetter(rune(words[0][0])) {
		words = append([]string{"app"}, words...)
	}
	class := ""
	for _, w := range words {
		class += strings.ToUpper(w[:1]) + w[1:]
	}
	kebab := strings.Join(words, "-")
	return names{class: class + "Stack", file: kebab + "-stack", stack: kebab, pkg: kebab + "-infra"}
}

// StackRef is one stack an app instantiates.
type StackRef struct {
	Class     string // VaultStack
	File      string // vault-stack, under lib/
	StackName string // vault
}

// AppFile writes bin/app.ts instantiating the stacks, with no env: the
// stacks are environment-agnostic.
func AppFile(stacks []StackRef) []byte {
	var b strings.Builder
	b.WriteString("#!/usr/bin/env node\n")
	b.WriteString("// The CDK app: environment-agnostic (no account or region), so `cdk synth`\n")
	b.WriteString("// needs no credentials and makes no lookups. Generated by Hoist.\n")
	b.WriteString("import { App } from 'aws-cdk-lib';\n")
	sorted := append([]StackRef(nil), stacks...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].File < sorted[j].File })
	for _, s := range sorted {
		fmt.Fprintf(&b, "import { %s } from '../lib/%s';\n", s.Class, s.File)
	}
	b.WriteString("\nconst app = new App();\n")
	for _, s := range stacks {
		fmt.Fprintf(&b, "new %s(app, %s);\n", s.Class, quote(s.StackName))
	}
	return []byte(b.String())
}

func cdkJSON() []byte {
	// Path and version metadata off: the synthesized template then
	// matches Hoist's CloudFormation output.
	return []byte(`{
  "app": "npx tsx bin/app.ts",
  "versionReporting": false,
  "pathMetadata": false,
  "assetMetadata": false
}
`)
}

func packageJSON(name string) []byte {
	type pkg struct {
		Name            string            `json:"name"`
		Version         string            `json:"version"`
		Private         bool              `json:"private"`
		Scripts         map[string]string `json:"scripts"`
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	p := pkg{
		Name: name, Version: "0.1.0", Private: true,
		Scripts: map[string]string{"build": "tsc", "synth": "cdk synth", "diff": "cdk diff", "deploy": "cdk deploy"},
		Dependencies: map[string]string{
			"aws-cdk-lib": AWSCDKLibVersion,
			"constructs":  ConstructsVersion,
		},
		DevDependencies: map[string]string{
			"aws-cdk":    AWSCDKVersion,
			"tsx":        TSXVersion,
			"typescript": TypeScriptVersion,
		},
	}
	out, _ := json.MarshalIndent(p, "", "  ") // maps marshal with sorted keys
	return append(out, '\n')
}

func tsconfig() []byte {
	// tsx runs the TypeScript directly; tsc (npm run build) type-checks.
	return []byte(`{
  "compilerOptions": {
    "target": "ES2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "lib": ["ES2022"],
    "types": [],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true
  },
  "include": ["bin/**/*.ts", "lib/**/*.ts"]
}
`)
}

// dependency is a DependsOn written after every construct is declared.
type dependency struct {
	from   string
	fromL2 bool
	on     string
}

// decl is a construct declared in the stack file.
type decl struct {
	name   string        // TypeScript variable
	schema *cfn.Resource // nil for a raw CfnResource
	l2     *l2Kind       // nil for an L1
}

// writer holds the state of one stack file.
type writer struct {
	g          *ir.Graph
	params     map[string]*ir.Parameter
	paramVar   func(string) string
	conds      map[string]string // condition name -> variable
	declared   map[string]*decl  // resources written so far
	taken      map[string]bool   // variable names in use
	core       map[string]bool   // names imported from aws-cdk-lib
	modules    map[string]bool   // aws-cdk-lib submodules imported
	used       map[string]bool   // parameters referenced
	keyImports map[string]string // KMS key ID -> variable of its import by ARN
	// camels caches camel, which property names call for again and again.
	camels map[string]string
}

// camel is camel(s), remembered.
func (w *writer) camel(s string) string {
	c, ok := w.camels[s]
	if !ok {
		c = camel(s)
		if w.camels == nil {
			w.camels = map[string]string{}
		}
		w.camels[s] = c
	}
	return c
}

func (w *writer) use(name string) { w.core[name] = true }

// variable returns a fresh variable name for a logical ID.
func (w *writer) variable(id string) string {
	base := camel(id)
	if base == "" || !isIdent(base) {
		base = "r" + strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, id)
	}
	name := base
	for i := 2; w.taken[name] || reserved[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	w.taken[name] = true
	return name
}

// RenderStack writes the stack class file for g with the given class name.
func RenderStack(g *ir.Graph, class string) ([]byte, error) {
	w := &writer{
		g: g, params: map[string]*ir.Parameter{}, conds: map[string]string{},
		declared: map[string]*decl{}, taken: map[string]bool{}, core: map[string]bool{"Stack": true, "StackProps": true},
		modules: map[string]bool{}, used: map[string]bool{}, keyImports: map[string]string{},
	}
	// Module aliases and the class name are taken before any variable.
	for _, r := range g.Resources {
		if m, _, ok := l1(r.Type); ok {
			w.taken[alias(m)] = true
		}
	}
	for _, n := range []string{"Aws", "CfnCondition", "CfnDeletionPolicy", "CfnOutput", "CfnParameter", "CfnResource", "Duration", "Fn", "Intrinsic", "RemovalPolicy", "Stack", "StackProps", "Token", "app", "iam", "kms", class} {
		w.taken[n] = true
	}
	paramVars := map[string]string{}
	for i := range g.Parameters {
		p := &g.Parameters[i]
		w.params[p.Name] = p
		paramVars[p.Name] = w.variable(p.Name)
	}
	w.paramVar = func(name string) string { w.used[name] = true; return paramVars[name] }

	var body []string
	add := func(s string) { body = append(body, s) }
	if g.Description != "" {
		add("this.templateOptions.description = " + quote(g.Description) + ";")
	}

	// Resources first into their own buffer: parameters are declared only
	// when something refers to them, which is known once resources are out.
	var res []string
	if conds, err := w.conditions(); err != nil {
		return nil, err
	} else if len(conds) > 0 {
		res = append(res, "")
		res = append(res, conds...)
	}
	var deferred []dependency
	for _, r := range order(g) {
		lines, later, err := w.resource(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.ID, err)
		}
		res = append(res, "")
		res = append(res, lines...)
		deferred = append(deferred, later...)
	}
	if len(deferred) > 0 {
		res = append(res, "", "// Dependencies on resources declared later.")
		for _, d := range deferred {
			t := w.declared[d.on]
			if t == nil {
				return nil, fmt.Errorf("DependsOn undefined resource %q", d.on)
			}
			res = append(res, dependOn(d.from, d.fromL2, t)+";")
		}
	}
	outs, err := w.outputs()
	if err != nil {
		return nil, err
	}
	res = append(res, outs...)

	params, err := w.parameters(paramVars)
	if err != nil {
		return nil, err
	}
	if len(params) > 0 {
		add("")
		body = append(body, params...)
	}
	body = append(body, res...)

	var b strings.Builder
	b.WriteString(w.imports())
	b.WriteString("\n")
	desc := g.Description
	if desc == "" {
		desc = "A stack generated by Hoist."
	}
	b.WriteString("/**\n")
	for _, l := range strings.Split(desc, "\n") {
		b.WriteString(strings.TrimRight(" * "+strings.ReplaceAll(l, "*/", "* /"), " ") + "\n")
	}
	b.WriteString(" *\n * L2 constructs where one synthesizes exactly Hoist's resource, L1\n")
	b.WriteString(" * elsewhere; every logical ID is overridden to Hoist's, so the\n")
	b.WriteString(" * synthesized template matches Hoist's CloudFormation.\n */\n")
	fmt.Fprintf(&b, "export class %s extends Stack {\n", class)
	b.WriteString("  constructor(scope: Construct, id: string, props?: StackProps) {\n")
	b.WriteString("    super(scope, id, props);\n")
	for _, l := range body {
		if l == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString("    " + strings.ReplaceAll(l, "\n", "\n    ") + "\n")
	}
	b.WriteString("  }\n}\n")
	return []byte(b.String()), nil
}

func (w *writer) imports() string {
	var b strings.Builder
	core := ir.SortedKeys(w.core)
	sort.Strings(core)
	fmt.Fprintf(&b, "import { %s } from 'aws-cdk-lib';\n", strings.Join(core, ", "))
	for _, m := range ir.SortedKeys(w.modules) {
		fmt.Fprintf(&b, "import * as %s from 'aws-cdk-lib/%s';\n", alias(m), m)
	}
	b.WriteString("import { Construct } from 'constructs';\n")
	return b.String()
}

// parameters writes the referenced-or-not parameters in graph order; only
// referenced ones get a variable.
func (w *writer) parameters(vars map[string]string) ([]string, error) {
	var out []string
	for _, p := range w.g.Parameters {
		w.use("CfnParameter")
		var fields []field
		fields = append(fields, field{"type", quote(p.Type)})
		if p.Description != "" {
			fields = append(fields, field{"description", quote(p.Description)})
		}
		if p.Default != nil {
			var t *cfn.Type
			if p.Type == "Number" {
				t = tNumber
			} else if _, ok := p.Default.(*ir.List); !ok {
				t = tString
			}
			s, err := w.val(p.Default, t, 1)
			if err != nil {
				return nil, fmt.Errorf("parameter %s: default: %w", p.Name, err)
			}
			fields = append(fields, field{"default", s})
		}
		if len(p.AllowedValues) > 0 {
			var items []string
			for _, a := range p.AllowedValues {
				items = append(items, quote(a))
			}
			fields = append(fields, field{"allowedValues", array(items, 1)})
		}
		if p.NoEcho {
			fields = append(fields, field{"noEcho", "true"})
		}
		stmt := "new CfnParameter(this, " + quote(p.Name) + ", " + object(fields, 0) + ");"
		if w.used[p.Name] {
			stmt = "const " + vars[p.Name] + " = " + stmt
		}
		out = append(out, stmt)
	}
	return out, nil
}

// conditions writes the Conditions section as CfnCondition constructs, in
// an order where a condition follows the conditions it names.
func (w *writer) conditions() ([]string, error) {
	if w.g.Conditions.Len() == 0 {
		return nil, nil
	}
	entries := w.g.Conditions.Entries
	deps := map[string][]string{}
	for _, e := range entries {
		ir.Walk(e.Value, func(v ir.Value) bool {
			if c, ok := v.(ir.Call); ok && c.Fn == "Condition" {
				if s, ok := ir.AsString(c.Args); ok {
					deps[e.Key] = append(deps[e.Key], s)
				}
			}
			return true
		})
	}
	var out []string
	done := map[string]bool{}
	for len(done) < len(entries) {
		progress := false
		for _, e := range entries {
			if done[e.Key] {
				continue
			}
			ready := true
			for _, d := range deps[e.Key] {
				if !done[d] && w.g.Conditions.Get(d) != nil {
					ready = false
				}
			}
			if !ready {
				continue
			}
			s, err := w.val(e.Value, nil, 1)
			if err != nil {
				return nil, fmt.Errorf("condition %s: %w", e.Key, err)
			}
			w.use("CfnCondition")
			name := w.variable(e.Key)
			out = append(out, "const "+name+" = new CfnCondition(this, "+quote(e.Key)+", {\n  expression: "+s+",\n});")
			w.conds[e.Key] = name
			done[e.Key] = true
			progress = true
		}
		if !progress {
			return nil, fmt.Errorf("conditions refer to each other in a cycle")
		}
	}
	return out, nil
}

// resource writes one construct; later holds statements that must wait
// until every construct is declared.
func (w *writer) resource(r *ir.Resource) (lines []string, later []dependency, err error) {
	name := w.variable(r.ID)
	if r.Comment != "" {
		for _, l := range strings.Split(strings.TrimSpace(r.Comment), "\n") {
			lines = append(lines, strings.TrimRight("// "+l, " "))
		}
	}
	var stmt string
	schema, known := cfn.Lookup(r.Type)
	module, class, ok := l1(r.Type)
	if k := l2For(r.Type); k != nil && known && ok {
		if l2lines, isL2 := w.l2Resource(r, k, name); isL2 {
			w.declared[r.ID] = &decl{name: name, schema: schema, l2: k}
			return w.dependsOn(r, name, true, append(lines, l2lines...))
		}
	}
	var overrides []string
	if known && ok {
		w.modules[module] = true
		var fields []field
		var entries []ir.Entry
		if r.Properties != nil {
			entries = r.Properties.Entries
		}
		for _, e := range entries {
			var t *cfn.Type
			p, has := schema.Property(e.Key)
			if has {
				t = &p.Type
			}
			var s string
			if has {
				s, err = w.val(e.Value, t, 1)
			}
			if !has || err != nil {
				if err != nil && !isShape(err) {
					return nil, nil, fmt.Errorf("%s: %w", e.Key, err)
				}
				// Not in the schema or not of its shape: written raw so
				// that CloudFormation, not the L1 class, judges it.
				raw, rerr := w.val(e.Value, nil, 0)
				if rerr != nil {
					return nil, nil, fmt.Errorf("%s: %w", e.Key, rerr)
				}
				overrides = append(overrides, name+".addPropertyOverride("+quote(e.Key)+", "+raw+");")
				err = nil
				continue
			}
			fields = append(fields, field{w.camel(e.Key), s})
		}
		stmt = fmt.Sprintf("const %s = new %s.%s(this, %s, %s);", name, alias(module), class, quote(r.ID), object(fields, 0))
		w.declared[r.ID] = &decl{name: name, schema: schema}
	} else {
		w.use("CfnResource")
		fields := []field{{"type", quote(r.Type)}}
		if r.Properties.Len() > 0 {
			s, err := w.val(r.Properties, nil, 1)
			if err != nil {
				return nil, nil, err
			}
			fields = append(fields, field{"properties", s})
		}
		stmt = fmt.Sprintf("const %s = new CfnResource(this, %s, %s);", name, quote(r.ID), object(fields, 0))
		w.declared[r.ID] = &decl{name: name}
	}
	lines = append(lines, stmt)
	lines = append(lines, name+".overrideLogicalId("+quote(r.ID)+");")
	lines = append(lines, overrides...)
	for _, p := range []struct{ attr, value string }{{"deletionPolicy", r.DeletionPolicy}, {"updateReplacePolicy", r.UpdateReplacePolicy}} {
		if p.value == "" {
			continue
		}
		c, ok := deletionPolicies[p.value]
		if !ok {
			return nil, nil, fmt.Errorf("unknown %s %q", p.attr, p.value)
		}
		w.use("CfnDeletionPolicy")
		lines = append(lines, name+".cfnOptions."+p.attr+" = CfnDeletionPolicy."+c+";")
	}
	if r.Condition != "" {
		v := w.conds[r.Condition]
		if v == "" {
			return nil, nil, fmt.Errorf("condition %q is not defined", r.Condition)
		}
		lines = append(lines, name+".cfnOptions.condition = "+v+";")
	}
	if r.Metadata.Len() > 0 {
		s, err := w.val(r.Metadata, nil, 0)
		if err != nil {
			return nil, nil, fmt.Errorf("metadata: %w", err)
		}
		lines = append(lines, name+".cfnOptions.metadata = "+s+";")
	}
	return w.dependsOn(r, name, false, lines)
}

// dependsOn adds r's DependsOn to lines; those on resources declared
// later are returned to be written at the end.
func (w *writer) dependsOn(r *ir.Resource, name string, isL2 bool, lines []string) ([]string, []dependency, error) {
	var later []dependency
	for _, d := range r.DependsOn {
		if t := w.declared[d]; t != nil {
			lines = append(lines, dependOn(name, isL2, t)+";")
		} else {
			later = append(later, dependency{name, isL2, d})
		}
	}
	return lines, later, nil
}

// dependOn writes a dependency: CfnResource.addDependency between L1s,
// the construct tree's when either side is an L2.
func dependOn(from string, fromL2 bool, on *decl) string {
	if fromL2 || on.l2 != nil {
		return from + ".node.addDependency(" + on.name + ")"
	}
	return from + ".addDependency(" + on.name + ")"
}

func isShape(err error) bool {
	for ; err != nil; err = unwrap(err) {
		if err == errShape {
			return true
		}
	}
	return false
}

func unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

var deletionPolicies = map[string]string{
	"Delete": "DELETE", "Retain": "RETAIN", "Snapshot": "SNAPSHOT", "RetainExceptOnCreate": "RETAIN_EXCEPT_ON_CREATE",
}

// outputs writes CfnOutput constructs in graph order.
func (w *writer) outputs() ([]string, error) {
	var out []string
	for _, o := range w.g.Outputs {
		w.use("CfnOutput")
		v, err := w.val(o.Value, tString, 1)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", o.Name, err)
		}
		fields := []field{{"value", v}}
		if o.Description != "" {
			fields = append(fields, field{"description", quote(o.Description)})
		}
		if o.ExportName != nil {
			e, err := w.val(o.ExportName, tString, 1)
			if err != nil {
				return nil, fmt.Errorf("output %s: export name: %w", o.Name, err)
			}
			fields = append(fields, field{"exportName", e})
		}
		id := o.Name
		clash := w.declared[id] != nil || w.params[id] != nil || w.conds[id] != ""
		if clash {
			id += "Output"
		}
		if len(out) == 0 {
			out = append(out, "", "// Outputs")
		}
		if clash {
			v := w.variable(id)
			out = append(out, "const "+v+" = new CfnOutput(this, "+quote(id)+", "+object(fields, 0)+");")
			out = append(out, v+".overrideLogicalId("+quote(o.Name)+");")
			continue
		}
		out = append(out, "new CfnOutput(this, "+quote(id)+", "+object(fields, 0)+");")
	}
	return out, nil
}

// order is the graph's resource order, moved only where a resource refers
// to (or depends on) one that comes after it: a TypeScript const must be
// declared before use. Cycles keep graph order.
func order(g *ir.Graph) []*ir.Resource {
	index := map[string]int{}
	for i, r := range g.Resources {
		index[r.ID] = i
	}
	deps := make([][]int, len(g.Resources))
	for i, r := range g.Resources {
		seen := map[int]bool{}
		addDep := func(id string) {
			if j, ok := index[id]; ok && j != i && !seen[j] {
				seen[j] = true
				deps[i] = append(deps[i], j)
			}
		}
		for _, ref := range ir.References(r.Properties) {
			addDep(ref.Target)
		}
		for _, d := range r.DependsOn {
			addDep(d)
		}
	}
	done := make([]bool, len(g.Resources))
	var out []*ir.Resource
	for len(out) < len(g.Resources) {
		progress := false
		for i := range g.Resources {
			if done[i] {
				continue
			}
			ready := true
			for _, j := range deps[i] {
				if !done[j] {
					ready = false
					break
				}
			}
			if ready {
				done[i] = true
				out = append(out, g.Resources[i])
				progress = true
				break // restart: the earliest ready resource goes next
			}
		}
		if !progress {
			// A cycle: take the earliest remaining resource as is.
			for i := range g.Resources {
				if !done[i] {
					done[i] = true
					out = append(out, g.Resources[i])
					break
				}
			}
		}
	}
	return out
}
