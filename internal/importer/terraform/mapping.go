package terraform

import (
	"sort"
	"strings"
	"sync"

	"github.com/hoist-dev/hoist/internal/ir"
)

// typeMap says how one aws_* resource type becomes a CloudFormation
// resource: which attributes give what CloudFormation's Ref and GetAtt
// return, and how attributes and nested blocks become properties.
type typeMap struct {
	// tf is the Terraform type, aws_s3_bucket.
	tf string
	// cfn is the CloudFormation type. Empty for a type that only merges
	// into another resource and has no CloudFormation type of its own.
	cfn string
	// ref lists the attributes whose value is what CloudFormation's Ref
	// returns (a bucket's id and bucket are both its name).
	ref []string
	// attrs maps other attributes to CloudFormation GetAtt attributes.
	attrs map[string]string
	// subs maps attributes CloudFormation writes with Fn::Sub to the
	// format, in which $ID stands for the logical ID (an origin access
	// identity's path).
	subs map[string]string
	// fields map attributes and blocks to properties, in order.
	fields []field
	// post shapes what the field table cannot say; it may read in and
	// must write out.
	post func(m *mapper, in, out *ir.Map)
	// merge, when set, folds the resource into the resource it names
	// (an aws_s3_bucket_versioning into its aws_s3_bucket).
	merge *mergeSpec
	// pick, when set, chooses the CloudFormation type from the
	// attributes (an aws_security_group_rule is ingress or egress).
	pick func(in *ir.Map) string
	// split, when set, replaces fields and post: it returns the
	// properties of one or more resources made from the instance (a rule
	// with two CIDR blocks is two CloudFormation rules); the second and
	// later get the first's ID with a numeric suffix.
	split func(m *mapper, in *ir.Map) []*ir.Map
	// spawn, when set, makes further resources of other types from the
	// instance, whose logical ID is id (a network ACL's inline rules are
	// NetworkAclEntry resources).
	spawn func(m *mapper, id string, in *ir.Map) []spawned
}

// spawned is one resource spawn makes: its type, its properties, and the
// suffix its logical ID adds to the instance's.
type spawned struct {
	suffix, typ string
	props       *ir.Map
}

// mergeSpec says where a merging type goes and how.
type mergeSpec struct {
	// attr is the Terraform attribute naming the target (bucket, role).
	attr string
	// targets are the Terraform types it may merge into.
	targets []string
	// into folds the resource's mapped properties into the target's.
	// Nil means a deep merge of every property except those in drop.
	into func(own, target *ir.Map)
	// drop lists mapped properties that only name the target.
	drop []string
	// same lists attributes that, when both set, must be equal on the
	// resource and its target (a stage name is only unique within its
	// REST API).
	same []string
}

// fieldKind is how a field reads its Terraform value.
type fieldKind uint8

const (
	fAttr    fieldKind = iota // an attribute, copied (or converted by fn)
	fBlock                    // one nested block: a map at cfn, or into the parent when cfn is ""
	fBlocks                   // repeated nested blocks: a list of maps at cfn
	fTags                     // tags = {k = v}: Tags [{Key, Value}] sorted by key
	fJSON                     // a JSON document (policy): a map when it is literal JSON
	fMapList                  // a map attribute: a list of {Name, Value} sorted by name
)

// field maps one Terraform attribute or block to a CloudFormation
// property path (dotted, relative to the map being written).
type field struct {
	tf, cfn string
	kind    fieldKind
	sub     []field
	fn      func(ir.Value) ir.Value
	// keys names the map-list's key and value properties (fMapList).
	keys [2]string
}

// f copies an attribute to a property path.
func f(tf, cfn string) field { return field{tf: tf, cfn: cfn} }

// fv copies an attribute through a conversion; a nil result sets nothing.
func fv(tf, cfn string, fn func(ir.Value) ir.Value) field {
	return field{tf: tf, cfn: cfn, fn: fn}
}

// blk maps one nested block to a map at cfn, or into the current map
// when cfn is "".
func blk(tf, cfn string, sub ...field) field {
	return field{tf: tf, cfn: cfn, kind: fBlock, sub: sub}
}

// blks maps repeated nested blocks to a list of maps at cfn.
func blks(tf, cfn string, sub ...field) field {
	return field{tf: tf, cfn: cfn, kind: fBlocks, sub: sub}
}

// tags maps the tags attribute to Tags.
func tags() field { return field{tf: "tags", cfn: "Tags", kind: fTags} }

// js maps a JSON document attribute.
func js(tf, cfn string) field { return field{tf: tf, cfn: cfn, kind: fJSON} }

// kv maps a map attribute to a list of {key: k, value: v} maps.
func kv(tf, cfn, key, value string) field {
	return field{tf: tf, cfn: cfn, kind: fMapList, keys: [2]string{key, value}}
}

// mapper converts one instance. It knows the whole import, for the
// few mappings that look at other resources.
type mapper struct {
	b *builder
}

// apply runs fields over in, writing to out.
func (m *mapper) apply(fields []field, in, out *ir.Map) {
	for _, fd := range fields {
		e, ok := in.Entry(fd.tf)
		if !ok || isNull(e.Value) {
			continue
		}
		switch fd.kind {
		case fAttr:
			v := e.Value
			if fd.fn != nil {
				v = fd.fn(v)
			}
			if v != nil {
				setPath(out, fd.cfn, v, e.Loc)
			}
		case fBlock:
			bm := firstBlock(e.Value)
			if bm == nil {
				continue
			}
			if fd.cfn == "" {
				m.apply(fd.sub, bm, out)
				continue
			}
			sub := &ir.Map{Loc: locOr(bm.Loc, e.Loc)}
			m.apply(fd.sub, bm, sub)
			if sub.Len() > 0 {
				setPath(out, fd.cfn, sub, e.Loc)
			}
		case fBlocks:
			list := &ir.List{Loc: e.Loc}
			for _, bm := range blockList(e.Value) {
				sub := &ir.Map{Loc: locOr(bm.Loc, e.Loc)}
				m.apply(fd.sub, bm, sub)
				if sub.Len() > 0 {
					list.Items = append(list.Items, sub)
				}
			}
			if len(list.Items) > 0 {
				setPath(out, fd.cfn, list, e.Loc)
			}
		case fTags:
			if t := tagList(e.Value, e.Loc, "Key", "Value", true); t != nil {
				setPath(out, fd.cfn, t, e.Loc)
			}
		case fMapList:
			if t := tagList(e.Value, e.Loc, fd.keys[0], fd.keys[1], false); t != nil {
				setPath(out, fd.cfn, t, e.Loc)
			}
		case fJSON:
			setPath(out, fd.cfn, jsonDoc(e.Value), e.Loc)
		}
	}
}

// isNull reports a value that means "not set".
func isNull(v ir.Value) bool {
	switch x := v.(type) {
	case nil, ir.Null:
		return true
	case *ir.Map:
		return x == nil
	case *ir.List:
		return x == nil
	}
	return false
}

func locOr(a, b ir.Location) ir.Location {
	if a.File != "" {
		return a
	}
	return b
}

// firstBlock returns the first block of a block value: a list of maps
// (HCL blocks, plan JSON) or a map (an object attribute).
func firstBlock(v ir.Value) *ir.Map {
	switch x := v.(type) {
	case *ir.Map:
		return x
	case *ir.List:
		for _, it := range x.Items {
			if m, ok := it.(*ir.Map); ok && m != nil {
				return m
			}
		}
	}
	return nil
}

// blockList returns every block of a block value.
func blockList(v ir.Value) []*ir.Map {
	switch x := v.(type) {
	case *ir.Map:
		return []*ir.Map{x}
	case *ir.List:
		var out []*ir.Map
		for _, it := range x.Items {
			if m, ok := it.(*ir.Map); ok && m != nil {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// tagList turns a literal map into a list of {key: k, value: v}, sorted
// by key when asked (tags) or in the order written (dimensions). Anything else (an expression Hoist could not resolve) is kept as
// is.
func tagList(v ir.Value, loc ir.Location, key, value string, sorted bool) ir.Value {
	m, ok := v.(*ir.Map)
	if !ok {
		return v
	}
	if m.Len() == 0 {
		return nil
	}
	entries := append([]ir.Entry(nil), m.Entries...)
	if sorted {
		sort.SliceStable(entries, func(i, j int) bool { return entries[i].Key < entries[j].Key })
	}
	out := &ir.List{Loc: locOr(m.Loc, loc)}
	for _, e := range entries {
		if isNull(e.Value) {
			continue
		}
		l := locOr(e.Loc, loc)
		out.Items = append(out.Items, &ir.Map{Loc: l, Entries: []ir.Entry{
			{Key: key, Value: ir.String(e.Key), Loc: l},
			{Key: value, Value: e.Value, Loc: l},
		}})
	}
	return out
}

// setPath sets a dotted property path, making the maps on the way. A map
// set where a map is merges into it; a list set where a list is appends.
func setPath(out *ir.Map, path string, v ir.Value, loc ir.Location) {
	parts := strings.Split(path, ".")
	cur := out
	for _, p := range parts[:len(parts)-1] {
		next, ok := cur.Get(p).(*ir.Map)
		if !ok {
			next = &ir.Map{Loc: loc}
			setEntry(cur, p, next, loc)
		}
		cur = next
	}
	last := parts[len(parts)-1]
	switch nv := v.(type) {
	case *ir.Map:
		if old, ok := cur.Get(last).(*ir.Map); ok {
			mergeMaps(old, nv)
			return
		}
	case *ir.List:
		if old, ok := cur.Get(last).(*ir.List); ok {
			old.Items = append(old.Items, nv.Items...)
			return
		}
	}
	setEntry(cur, last, v, loc)
}

// setEntry replaces or appends an entry with its location.
func setEntry(m *ir.Map, key string, v ir.Value, loc ir.Location) {
	for i := range m.Entries {
		if m.Entries[i].Key == key {
			m.Entries[i].Value, m.Entries[i].Loc = v, loc
			return
		}
	}
	m.Entries = append(m.Entries, ir.Entry{Key: key, Value: v, Loc: loc})
}

// mergeMaps deep-merges src into dst: maps merge, lists append, scalars
// replace.
func mergeMaps(dst, src *ir.Map) {
	for _, e := range src.Entries {
		switch nv := e.Value.(type) {
		case *ir.Map:
			if old, ok := dst.Get(e.Key).(*ir.Map); ok {
				mergeMaps(old, nv)
				continue
			}
		case *ir.List:
			if old, ok := dst.Get(e.Key).(*ir.List); ok {
				old.Items = append(old.Items, nv.Items...)
				continue
			}
		}
		setEntry(dst, e.Key, e.Value, e.Loc)
	}
}

// families is the registry of type families, in order. Each family
// lives in its own file.
var families = [][]typeMap{
	networkTypes(),
	securityGroupTypes(),
	networkACLTypes(),
	iamTypes(),
	s3Types(),
	rdsTypes(),
	ecsTypes(),
	elbTypes(),
	classicELBTypes(),
	lambdaTypes(),
	apiGatewayTypes(),
	cloudfrontTypes(),
	route53Types(),
	wafTypes(),
	ecrTypes(),
	codebuildTypes(),
	kmsTypes(),
	cloudwatchTypes(),
	secretsTypes(),
	messagingTypes(),
	dynamodbTypes(),
	elasticacheTypes(),
	ec2Types(),
	autoscalingTypes(),
	appRunnerTypes(),
	endpointTypes(),
}

var (
	indexOnce sync.Once
	index     map[string]*typeMap
)

// lookup returns the mapping of a Terraform type, or nil.
func lookup(tf string) *typeMap {
	indexOnce.Do(func() {
		index = map[string]*typeMap{}
		for _, fam := range families {
			for i := range fam {
				if _, dup := index[fam[i].tf]; !dup {
					index[fam[i].tf] = &fam[i]
				}
			}
		}
	})
	return index[tf]
}

// Mapped lists the aws_* types the mapping knows, sorted.
func Mapped() []string {
	var out []string
	for _, fam := range families {
		for _, m := range fam {
			out = append(out, m.tf)
		}
	}
	sort.Strings(out)
	return out
}

// refValue is what a reference to attribute attr of the resource with
// logical ID id (Terraform type tf, address addr) becomes: a Ref when the
// attribute is what CloudFormation's Ref returns, a GetAtt when it has a
// CloudFormation attribute, otherwise the expression as written.
func refValue(tf, id, addr, attr string) ir.Value {
	if tm := lookup(tf); tm != nil && tm.cfn != "" {
		for _, r := range tm.ref {
			if r == attr {
				return ir.Ref{Target: id}
			}
		}
		if a, ok := tm.attrs[attr]; ok {
			return ir.GetAtt{Target: id, Attr: a}
		}
		if f, ok := tm.subs[attr]; ok {
			return ir.Sub{Format: strings.ReplaceAll(f, "$ID", id)}
		}
	}
	return expr(addr + "." + indexText(attr))
}

// Reference is what a reference to attribute attr (a dotted path:
// master_user_secret.0.secret_arn) of the resource at address, of
// Terraform type tf, becomes: an ir.Ref, ir.GetAtt or ir.Sub on its
// logical ID when CloudFormation has one for the attribute, otherwise the
// expression as written. The plan importer resolves the references of a
// plan's configuration with it.
func Reference(tf, address, attr string) ir.Value {
	return refValue(tf, LogicalID(address), address, attr)
}

// indexText writes an attribute path as Terraform does:
// master_user_secret.0.secret_arn -> master_user_secret[0].secret_arn.
func indexText(path string) string {
	parts := strings.Split(path, ".")
	var sb strings.Builder
	for i, p := range parts {
		if p != "" && strings.Trim(p, "0123456789") == "" && i > 0 {
			sb.WriteString("[" + p + "]")
			continue
		}
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(p)
	}
	return sb.String()
}

// expr is an expression Hoist could not resolve, kept as its text.
func expr(src string) ir.Value { return ir.Call{Fn: "Expr", Args: ir.String(src)} }
