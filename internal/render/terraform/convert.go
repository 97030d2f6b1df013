package terraform

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/ir"
)

// conv carries one rendering: the graph, the Terraform names chosen for
// each IR resource, the blocks produced so far and the shared data
// sources and variables the expressions used.
type conv struct {
	g *ir.Graph
	// names maps a logical ID to its snake_case Terraform name.
	names map[string]string
	// vars maps an IR parameter to its Terraform variable name.
	vars   map[string]string
	blocks []*block
	// uses records the data sources and locals referenced, by address.
	uses map[string]bool
	// cur is the resource being mapped, for block order and errors.
	cur *ir.Resource
	seq int
}

// resource starts a resource block for the IR resource being mapped, in
// the file its CloudFormation type belongs to.
func (c *conv) resource(tfType, name string) *body {
	b := &block{kind: "resource", labels: []string{tfType, name}, body: &body{}, file: fileFor(c.cur.Type), order: c.cur.ID, seq: c.seq}
	c.seq++
	c.blocks = append(c.blocks, b)
	return b.body
}

// name is the Terraform name of an IR resource.
func (c *conv) name(id string) string { return c.names[id] }

// target returns the mapping of an IR resource that a reference points at.
func (c *conv) target(id string) (*ir.Resource, *typeMap, error) {
	r := c.g.Resource(id)
	if r == nil {
		return nil, nil, fmt.Errorf("reference to undefined %q", id)
	}
	m := lookupResource(r)
	if m == nil {
		return nil, nil, fmt.Errorf("reference to %s (%s), a type the terraform renderer does not map", id, r.Type)
	}
	return r, m, nil
}

// ref is what CloudFormation's Ref returns, as a Terraform expression.
func (c *conv) ref(id string) (expr, error) {
	if ir.IsPseudo(id) {
		return c.pseudo(id)
	}
	if p := c.g.Parameter(id); p != nil {
		return trav("var", c.vars[id]), nil
	}
	_, m, err := c.target(id)
	if err != nil {
		return nil, err
	}
	if m.ref == "" {
		return nil, fmt.Errorf("Ref to %s: the terraform renderer does not know what Ref returns for %s", id, m.cfn)
	}
	return trav(m.tf, c.name(id), m.ref), nil
}

// getAtt is a CloudFormation attribute as a Terraform expression.
func (c *conv) getAtt(id, attr string) (expr, error) {
	_, m, err := c.target(id)
	if err != nil {
		return nil, err
	}
	if why, ok := m.missing[attr]; ok {
		return nil, fmt.Errorf("GetAtt %s.%s: %s", id, attr, why)
	}
	a, ok := m.attrs[attr]
	if !ok {
		return nil, fmt.Errorf("GetAtt %s.%s: the terraform renderer does not map attribute %q of %s", id, attr, attr, m.cfn)
	}
	e := expr(trav(append([]string{m.tf, c.name(id)}, strings.Split(a.name, ".")...)...))
	if a.suffix != "" {
		e = tmpl(e, eStr(a.suffix))
	}
	return e, nil
}

// Shared data sources, declared in main.tf when an expression uses them.
const (
	dataPartition = "data.aws_partition.current"
	dataRegion    = "data.aws_region.current"
	dataCaller    = "data.aws_caller_identity.current"
	dataAZs       = "data.aws_availability_zones.available"
	localName     = "local.name"
)

func (c *conv) use(addr string, attr ...string) eTrav {
	c.uses[addr] = true
	return trav(append(strings.Split(addr, "."), attr...)...)
}

// pseudo maps a CloudFormation pseudo parameter.
func (c *conv) pseudo(name string) (expr, error) {
	switch name {
	case "AWS::Partition":
		return c.use(dataPartition, "partition"), nil
	case "AWS::URLSuffix":
		return c.use(dataPartition, "dns_suffix"), nil
	case "AWS::Region":
		return c.use(dataRegion, "region"), nil
	case "AWS::AccountId":
		return c.use(dataCaller, "account_id"), nil
	case "AWS::StackName":
		return c.use(localName), nil
	}
	return nil, fmt.Errorf("pseudo parameter %s has no terraform equivalent", name)
}

// value converts an IR value. JSON documents (policies) go through json
// instead, which keeps their keys as written.
func (c *conv) value(v ir.Value) (expr, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case ir.String:
		return eStr(x), nil
	case ir.Number:
		if _, err := strconv.ParseFloat(string(x), 64); err != nil {
			return nil, fmt.Errorf("bad number %q", string(x))
		}
		return eRaw(x), nil
	case ir.Bool:
		return eRaw(strconv.FormatBool(bool(x))), nil
	case ir.Null:
		return eRaw("null"), nil
	case *ir.List:
		out := eTuple{}
		if x == nil {
			return out, nil
		}
		for i, it := range x.Items {
			if isNoValue(it) {
				continue
			}
			e, err := c.value(it)
			if err != nil {
				return nil, fmt.Errorf("%d: %w", i, err)
			}
			out = append(out, e)
		}
		return out, nil
	case *ir.Map:
		out := eObj{}
		if x == nil {
			return out, nil
		}
		for _, en := range x.Entries {
			if isNoValue(en.Value) {
				continue
			}
			e, err := c.value(en.Value)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", en.Key, err)
			}
			out = append(out, eKV{en.Key, e})
		}
		return out, nil
	case ir.Ref:
		return c.ref(x.Target)
	case ir.GetAtt:
		return c.getAtt(x.Target, x.Attr)
	case ir.Sub:
		return c.sub(x)
	case ir.Join:
		items := eTuple{}
		for _, it := range x.Items {
			e, err := c.value(it)
			if err != nil {
				return nil, err
			}
			items = append(items, e)
		}
		return eCall{"join", []expr{eStr(x.Sep), items}}, nil
	case ir.Call:
		return c.call(x)
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

func isNoValue(v ir.Value) bool {
	r, ok := v.(ir.Ref)
	return ok && r.Target == "AWS::NoValue"
}

// sub turns ${Name} and ${Name.Attr} into interpolations.
func (c *conv) sub(s ir.Sub) (expr, error) {
	if strings.HasPrefix(s.Format, "{{resolve:") {
		return c.resolve(s)
	}
	var parts []expr
	f := s.Format
	for f != "" {
		i := strings.Index(f, "${")
		if i < 0 {
			parts = append(parts, eStr(f))
			break
		}
		j := strings.Index(f[i:], "}")
		if j < 0 {
			parts = append(parts, eStr(f))
			break
		}
		parts = append(parts, eStr(f[:i]))
		name := f[i+2 : i+j]
		f = f[i+j+1:]
		if strings.HasPrefix(name, "!") {
			parts = append(parts, eStr("${"+name[1:]+"}"))
			continue
		}
		var e expr
		var err error
		target, attr, hasAttr := strings.Cut(name, ".")
		switch {
		case s.Vars != nil && s.Vars.Get(name) != nil:
			e, err = c.value(s.Vars.Get(name))
		case hasAttr && !ir.IsPseudo(name):
			e, err = c.getAtt(target, attr)
		default:
			e, err = c.ref(name)
		}
		if err != nil {
			return nil, fmt.Errorf("Fn::Sub ${%s}: %w", name, err)
		}
		parts = append(parts, e)
	}
	return tmpl(parts...), nil
}

// call maps the other intrinsic functions.
func (c *conv) call(x ir.Call) (expr, error) {
	args, _ := ir.AsList(x.Args)
	switch x.Fn {
	case "Fn::GetAZs":
		if s, ok := ir.AsString(x.Args); ok && s == "" {
			return c.use(dataAZs, "names"), nil
		}
		if r, ok := x.Args.(ir.Ref); ok && r.Target == "AWS::Region" {
			return c.use(dataAZs, "names"), nil
		}
		return nil, fmt.Errorf("Fn::GetAZs for another region has no terraform equivalent here")
	case "Fn::Select":
		if len(args) != 2 {
			return nil, fmt.Errorf("Fn::Select: want [index, list]")
		}
		i, ok := ir.AsInt(args[0])
		if !ok || i < 0 {
			return nil, fmt.Errorf("Fn::Select: index must be a literal non-negative integer")
		}
		list, err := c.value(args[1])
		if err != nil {
			return nil, fmt.Errorf("Fn::Select: %w", err)
		}
		if t, ok := list.(eTrav); ok {
			return eTrav{parts: append(append([]string(nil), t.parts...), strconv.Itoa(i))}, nil
		}
		return eCall{"element", []expr{list, eRaw(strconv.Itoa(i))}}, nil
	case "Fn::Base64":
		a, err := c.value(x.Args)
		if err != nil {
			return nil, fmt.Errorf("Fn::Base64: %w", err)
		}
		return eCall{"base64encode", []expr{a}}, nil
	case "Fn::Split":
		if len(args) != 2 {
			return nil, fmt.Errorf("Fn::Split: want [separator, string]")
		}
		sep, err := c.value(args[0])
		if err != nil {
			return nil, err
		}
		s, err := c.value(args[1])
		if err != nil {
			return nil, err
		}
		return eCall{"split", []expr{sep, s}}, nil
	}
	return nil, fmt.Errorf("%s has no terraform mapping", x.Fn)
}

// json renders a JSON document (an IAM policy, a key policy) as
// jsonencode({...}) with its keys as written.
func (c *conv) json(v ir.Value) (expr, error) {
	if s, ok := ir.AsString(v); ok {
		return eStr(s), nil
	}
	e, err := c.value(v)
	if err != nil {
		return nil, err
	}
	return eCall{"jsonencode", []expr{e}}, nil
}

// props reads one resource's properties and remembers which were used,
// so that anything a mapper does not translate is an error, never
// silently dropped.
type props struct {
	c    *conv
	r    *ir.Resource
	used map[string]bool
	errs []string
}

func (c *conv) props(r *ir.Resource) *props {
	return &props{c: c, r: r, used: map[string]bool{}}
}

// raw returns a property and marks it used.
func (p *props) raw(key string) ir.Value {
	p.used[key] = true
	return p.r.Properties.Get(key)
}

// fail records an error about a property.
func (p *props) fail(key string, format string, args ...any) {
	p.errs = append(p.errs, fmt.Sprintf("%s (%s): property %s: %s", p.r.ID, p.r.Type, key, fmt.Sprintf(format, args...)))
}

// val converts a property with conv.value; it returns nil when absent.
func (p *props) val(key string) expr {
	v := p.raw(key)
	if v == nil {
		return nil
	}
	e, err := p.c.value(v)
	if err != nil {
		p.fail(key, "%v", err)
		return nil
	}
	return e
}

// to sets arg on b from property key, when present.
func (p *props) to(b *body, key, arg string) {
	b.set(arg, p.val(key))
}

// json sets arg on b to the JSON document at key.
func (p *props) json(b *body, key, arg string) {
	v := p.raw(key)
	if v == nil {
		return
	}
	e, err := p.c.json(v)
	if err != nil {
		p.fail(key, "%v", err)
		return
	}
	b.set(arg, e)
}

// tags sets tags = { Key = Value } from a CloudFormation Tags list.
func (p *props) tags(b *body, key string) {
	v := p.raw(key)
	if v == nil {
		return
	}
	items, ok := ir.AsList(v)
	if !ok {
		p.fail(key, "want a list of {Key, Value}")
		return
	}
	obj := eObj{}
	for i, it := range items {
		m, ok := it.(*ir.Map)
		k, kok := ir.AsString(m.Get("Key"))
		if !ok || !kok || m.Len() != 2 || m.Get("Value") == nil {
			p.fail(key, "tag %d: want {Key: literal, Value: ...}", i)
			return
		}
		e, err := p.c.value(m.Get("Value"))
		if err != nil {
			p.fail(key, "tag %s: %v", k, err)
			return
		}
		obj = append(obj, eKV{k, e})
	}
	b.set("tags", obj)
}

// sub returns a nested map property for its own cursor.
func (p *props) sub(key string) *props {
	v := p.raw(key)
	if v == nil {
		return nil
	}
	m, ok := v.(*ir.Map)
	if !ok {
		p.fail(key, "want a map")
		return nil
	}
	return &props{c: p.c, r: &ir.Resource{ID: p.r.ID + "." + key, Type: p.r.Type, Properties: m}, used: map[string]bool{}}
}

// list returns a list property's maps, each with its own cursor.
func (p *props) list(key string) []*props {
	v := p.raw(key)
	if v == nil {
		return nil
	}
	items, ok := ir.AsList(v)
	if !ok {
		p.fail(key, "want a list")
		return nil
	}
	var out []*props
	for i, it := range items {
		m, ok := it.(*ir.Map)
		if !ok {
			p.fail(key, "item %d: want a map", i)
			continue
		}
		out = append(out, &props{c: p.c, r: &ir.Resource{ID: fmt.Sprintf("%s.%s.%d", p.r.ID, key, i), Type: p.r.Type, Properties: m}, used: map[string]bool{}})
	}
	return out
}

// str returns a literal string property.
func (p *props) str(key string) (string, bool) {
	v := p.raw(key)
	if v == nil {
		return "", false
	}
	s, ok := ir.AsString(v)
	if !ok {
		p.fail(key, "want a literal string")
	}
	return s, ok
}

// done reports properties no mapper read, and the errors recorded, for
// this cursor and the nested ones it was given.
func (p *props) done(nested ...*props) error {
	var errs []string
	for _, q := range append([]*props{p}, nested...) {
		if q == nil {
			continue
		}
		errs = append(errs, q.errs...)
		for _, k := range q.r.Properties.Keys() {
			if !q.used[k] {
				errs = append(errs, fmt.Sprintf("%s (%s): property %s has no terraform mapping", q.r.ID, q.r.Type, k))
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return fmt.Errorf("%s", strings.Join(errs, "\n"))
}

// snake turns a logical ID into a Terraform name: ApiService ->
// api_service, VPCFlowLog -> vpc_flow_log, S3GatewayEndpoint ->
// s3_gateway_endpoint, PublicSubnet1 -> public_subnet1.
func snake(id string) string {
	rs := []rune(id)
	var sb strings.Builder
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "_") {
				sb.WriteByte('_')
			}
			continue
		}
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				if !strings.HasSuffix(sb.String(), "_") {
					sb.WriteByte('_')
				}
			}
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	s := strings.Trim(sb.String(), "_")
	if s == "" || unicode.IsDigit(rune(s[0])) {
		s = "r_" + s
	}
	return s
}

// num is to, except that a numeric string ("20", as CloudFormation
// writes some sizes) becomes a number.
func (p *props) num(b *body, key, arg string) {
	e := p.val(key)
	if s, ok := e.(eStr); ok {
		if _, err := strconv.ParseFloat(string(s), 64); err == nil {
			e = eRaw(s)
		}
	}
	b.set(arg, e)
}

// data starts a data block for the resource being mapped.
func (c *conv) data(tfType, name string) *body {
	b := &block{kind: "data", labels: []string{tfType, name}, body: &body{}, file: fileFor(c.cur.Type), order: c.cur.ID, seq: c.seq}
	c.seq++
	c.blocks = append(c.blocks, b)
	return b.body
}

// dashed is a Terraform name with dashes, for AWS names: api_service ->
// api-service.
func dashed(name string) string { return strings.ReplaceAll(name, "_", "-") }

// resolve maps a CloudFormation dynamic reference to a Secrets Manager
// secret of the graph, {{resolve:secretsmanager:${Secret}:SecretString:key}},
// to the secret version Terraform stores: the whole string, or one key of
// its JSON. Other dynamic references have no mapping.
func (c *conv) resolve(s ir.Sub) (expr, error) {
	body, ok := strings.CutPrefix(s.Format, "{{resolve:secretsmanager:${")
	if !ok || !strings.HasSuffix(body, "}}") {
		return nil, fmt.Errorf("dynamic reference %q has no terraform mapping", s.Format)
	}
	id, rest, ok := strings.Cut(strings.TrimSuffix(body, "}}"), "}")
	r := c.g.Resource(id)
	if !ok || r == nil || r.Type != "AWS::SecretsManager::Secret" || (s.Vars != nil && s.Vars.Get(id) != nil) {
		return nil, fmt.Errorf("dynamic reference %q: only a Secrets Manager secret of this template has a terraform mapping", s.Format)
	}
	if r.Properties.Get("SecretString") == nil && r.Properties.Get("GenerateSecretString") == nil {
		return nil, fmt.Errorf("dynamic reference %q: secret %s has no value in the template", s.Format, id)
	}
	addr := "aws_secretsmanager_secret_version." + c.name(id) + ".secret_string"
	value := trav(strings.Split(addr, ".")...)
	fields := strings.Split(strings.TrimPrefix(rest, ":"), ":")
	switch {
	case rest == "":
		return value, nil
	case fields[0] != "SecretString" || len(fields) > 4 || (len(fields) > 2 && strings.Join(fields[2:], "") != ""):
		return nil, fmt.Errorf("dynamic reference %q: only SecretString with an optional JSON key has a terraform mapping", s.Format)
	case len(fields) == 1 || fields[1] == "":
		return value, nil
	}
	return eSrc(fmt.Sprintf("jsondecode(%s)[%q]", addr, fields[1])), nil
}
