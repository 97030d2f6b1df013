package terraform

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/zclconf/go-cty/cty"
)

// pseudoData are data source attributes that are CloudFormation pseudo
// parameters or intrinsic functions.
var pseudoData = map[string]map[string]ir.Value{
	"aws_caller_identity": {"account_id": ir.Ref{Target: "AWS::AccountId"}},
	"aws_region":          {"name": ir.Ref{Target: "AWS::Region"}, "region": ir.Ref{Target: "AWS::Region"}, "id": ir.Ref{Target: "AWS::Region"}},
	"aws_partition":       {"partition": ir.Ref{Target: "AWS::Partition"}, "dns_suffix": ir.Ref{Target: "AWS::URLSuffix"}},
}

// randomPasswordArgs maps aws_secretsmanager_random_password arguments to
// GenerateSecretString's properties.
var randomPasswordArgs = [][2]string{
	{"password_length", "PasswordLength"},
	{"exclude_characters", "ExcludeCharacters"},
	{"exclude_lowercase", "ExcludeLowercase"},
	{"exclude_numbers", "ExcludeNumbers"},
	{"exclude_punctuation", "ExcludePunctuation"},
	{"exclude_uppercase", "ExcludeUppercase"},
	{"include_space", "IncludeSpace"},
	{"require_each_included_type", "RequireEachIncludedType"},
}

// dataValue is what data.TYPE.NAME evaluates to. Pseudo-parameter data
// sources become Refs, aws_iam_policy_document its document,
// aws_secretsmanager_random_password a generated secret; any other
// attribute is kept as its expression.
func (m *module) dataValue(typ, name, want string) (cty.Value, bool) {
	d := m.data[typ+"."+name]
	if d == nil {
		return cty.NilVal, false
	}
	addr := m.prefix + "data." + typ + "." + name
	if d.attrs == nil {
		d.attrs = map[string]bool{"id": true}
	}
	if want != "" && !d.attrs[want] {
		d.attrs[want] = true
		d.val = cty.NilVal
	}
	if d.val != cty.NilVal {
		return d.val, true
	}
	if d.state == busy {
		return m.mark(expr(addr)), true
	}
	d.state = busy
	defer func() { d.state = done }()
	attrs := map[string]cty.Value{}
	switch typ {
	case "aws_iam_policy_document":
		doc := policyDocument(m.body(d.block.Body, d.file, nil, nil, true))
		attrs["json"] = m.mark(doc)
		attrs["minified_json"] = m.mark(doc)
	case "aws_secretsmanager_random_password":
		body := m.body(d.block.Body, d.file, nil, nil, true)
		gen := &ir.Map{Loc: body.Loc}
		for _, kv := range randomPasswordArgs {
			if e, ok := body.Entry(kv[0]); ok {
				gen.Entries = append(gen.Entries, ir.Entry{Key: kv[1], Value: e.Value, Loc: e.Loc})
			}
		}
		attrs["random_password"] = m.mark(ir.Call{Fn: generated, Args: gen})
	}
	for a := range d.attrs {
		if _, set := attrs[a]; set {
			continue
		}
		if typ == "aws_availability_zones" && a == "names" {
			// Three zones, each Fn::Select of Fn::GetAZs: every commercial
			// region has at least three.
			var zones []cty.Value
			for i := 0; i < 3; i++ {
				zones = append(zones, m.mark(ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(i), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})}))
			}
			attrs[a] = cty.TupleVal(zones)
			continue
		}
		if v, ok := pseudoData[typ][a]; ok {
			attrs[a] = m.mark(v)
			continue
		}
		attrs[a] = m.mark(expr(addr + "." + a))
	}
	d.val = cty.ObjectVal(attrs)
	return d.val, true
}

// policyDocument evaluates an aws_iam_policy_document's arguments into
// the JSON document the provider would write: single values where a list
// has one item, principals by type, conditions by operator and key.
func policyDocument(in *ir.Map) ir.Value {
	doc := &ir.Map{Loc: in.Loc}
	version := ir.Value(ir.String("2012-10-17"))
	if v := in.Get("version"); v != nil {
		version = v
	}
	setEntry(doc, "Version", version, entryLoc(in, "version"))
	if v := in.Get("policy_id"); v != nil {
		setEntry(doc, "Id", v, entryLoc(in, "policy_id"))
	}
	stmts := &ir.List{Loc: entryLoc(in, "statement")}
	for _, src := range []string{"source_policy_documents", "source_json"} {
		for _, d := range docsOf(in.Get(src)) {
			if l, ok := d.Get("Statement").(*ir.List); ok {
				stmts.Items = append(stmts.Items, l.Items...)
			}
		}
	}
	for _, s := range blockList(in.Get("statement")) {
		st := &ir.Map{Loc: s.Loc}
		at := func(k string) ir.Location { return entryLoc(s, k) }
		if v := s.Get("sid"); v != nil {
			setEntry(st, "Sid", v, at("sid"))
		}
		effect := ir.Value(ir.String("Allow"))
		if v := s.Get("effect"); v != nil {
			effect = v
		}
		setEntry(st, "Effect", effect, at("effect"))
		for _, k := range [][2]string{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
			p := &ir.Map{Loc: at(k[0])}
			star := false
			for _, pb := range blockList(s.Get(k[0])) {
				typ, _ := ir.AsString(pb.Get("type"))
				ids := pb.Get("identifiers")
				if typ == "*" {
					star = true
					continue
				}
				if old, ok := p.Get(typ).(*ir.List); ok {
					if l, ok := ids.(*ir.List); ok {
						old.Items = append(old.Items, l.Items...)
					}
					continue
				}
				if l, ok := ids.(*ir.List); ok {
					ids = &ir.List{Loc: l.Loc, Items: append([]ir.Value(nil), l.Items...)}
				}
				setEntry(p, typ, ids, pb.Loc)
			}
			for i := range p.Entries {
				p.Entries[i].Value = single(p.Entries[i].Value)
			}
			switch {
			case star && p.Len() == 0:
				setEntry(st, k[1], ir.String("*"), at(k[0]))
			case p.Len() > 0:
				setEntry(st, k[1], p, at(k[0]))
			}
		}
		for _, k := range [][2]string{{"actions", "Action"}, {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"}} {
			if v := s.Get(k[0]); v != nil {
				setEntry(st, k[1], single(v), at(k[0]))
			}
		}
		cond := &ir.Map{Loc: at("condition")}
		for _, cb := range blockList(s.Get("condition")) {
			test, ok1 := ir.AsString(cb.Get("test"))
			variable, ok2 := ir.AsString(cb.Get("variable"))
			if !ok1 || !ok2 {
				continue
			}
			op, _ := cond.Get(test).(*ir.Map)
			if op == nil {
				op = &ir.Map{Loc: cb.Loc}
				setEntry(cond, test, op, cb.Loc)
			}
			setEntry(op, variable, single(cb.Get("values")), cb.Loc)
		}
		if cond.Len() > 0 {
			setEntry(st, "Condition", cond, cond.Loc)
		}
		stmts.Items = append(stmts.Items, st)
	}
	setEntry(doc, "Statement", stmts, stmts.Loc)
	return doc
}

// docsOf returns the literal documents of a value: a document, a JSON
// string, or a list of them.
func docsOf(v ir.Value) []*ir.Map {
	switch x := v.(type) {
	case *ir.Map:
		return []*ir.Map{x}
	case *ir.List:
		var out []*ir.Map
		for _, it := range x.Items {
			out = append(out, docsOf(it)...)
		}
		return out
	case nil:
		return nil
	}
	if m, ok := jsonDoc(v).(*ir.Map); ok {
		return []*ir.Map{m}
	}
	return nil
}

// single is the only item of a one-item list, or the value.
func single(v ir.Value) ir.Value {
	if l, ok := v.(*ir.List); ok && len(l.Items) == 1 {
		return l.Items[0]
	}
	return v
}
