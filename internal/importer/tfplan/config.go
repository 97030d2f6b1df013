package tfplan

import (
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
)

// configIndex maps configuration addresses (module path and type.name,
// without instance keys) to their configuration.
func configIndex(c *tfjson.Config) map[string]*tfjson.ConfigResource {
	out := map[string]*tfjson.ConfigResource{}
	if c == nil {
		return out
	}
	var walk func(m *tfjson.ConfigModule, prefix string, depth int)
	walk = func(m *tfjson.ConfigModule, prefix string, depth int) {
		if m == nil || depth > 50 {
			return
		}
		for _, r := range m.Resources {
			if r == nil || r.Mode != tfjson.ManagedResourceMode || r.Address == "" {
				continue
			}
			out[prefix+r.Address] = r
		}
		names := make([]string, 0, len(m.ModuleCalls))
		for n := range m.ModuleCalls {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if mc := m.ModuleCalls[n]; mc != nil {
				walk(mc.Module, prefix+"module."+n+".", depth+1)
			}
		}
	}
	walk(c.RootModule, "", 0)
	return out
}

// step is one step of an address or reference: a name, or an index
// ([0], ["a"]) kept as written.
type step struct {
	name  string
	index string // with its brackets
}

// splitSteps cuts `module.web["a"].aws_s3_bucket.b[0].arn` into its
// steps; ok is false for text that is not an address.
func splitSteps(s string) ([]step, bool) {
	var out []step
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			i++
		case '[':
			j, inQuote := i+1, false
			for ; j < len(s); j++ {
				if s[j] == '\\' && inQuote {
					j++
					continue
				}
				if s[j] == '"' {
					inQuote = !inQuote
				}
				if s[j] == ']' && !inQuote {
					break
				}
			}
			if j >= len(s) {
				return nil, false
			}
			out = append(out, step{index: s[i : j+1]})
			i = j + 1
		default:
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			out = append(out, step{name: s[i:j]})
			i = j
		}
	}
	return out, len(out) > 0
}

// configAddress drops the instance keys of an address:
// module.web[0].aws_s3_bucket.b["x"] -> module.web.aws_s3_bucket.b.
func configAddress(addr string) string {
	steps, ok := splitSteps(addr)
	if !ok {
		return addr
	}
	var parts []string
	for _, s := range steps {
		if s.name != "" {
			parts = append(parts, s.name)
		}
	}
	return strings.Join(parts, ".")
}

// instanceKey is the key of an address's own instance ("[0]"), or "".
func instanceKey(addr string) string {
	steps, ok := splitSteps(addr)
	if !ok || len(steps) == 0 || steps[len(steps)-1].index == "" {
		return ""
	}
	return steps[len(steps)-1].index
}

// resolver resolves the references of one plan's configuration to the
// resource instances the plan has.
type resolver struct {
	// instances maps an address without its own instance key
	// (module.web[0].aws_s3_bucket.b) to the instance addresses.
	instances map[string][]string
	types     map[string]string // instance address -> type
}

func (rv *resolver) add(addr, typ string) {
	base := addr
	if k := instanceKey(addr); k != "" {
		base = strings.TrimSuffix(addr, k)
	}
	if _, seen := rv.types[addr]; seen {
		return
	}
	rv.types[addr] = typ
	rv.instances[base] = append(rv.instances[base], addr)
}

// nonResource are the roots of references that are not resources.
var nonResource = map[string]bool{"var": true, "local": true, "count": true, "each": true, "path": true,
	"terraform": true, "data": true, "module": true, "self": true}

// reference resolves one reference made in the module at modAddr (the
// module part of the referring instance's address): the instance it
// names and the attribute path it reads. A reference to a resource
// without instance key or attribute (which Terraform lists beside the
// references into it) gives only base, the address without key.
func (rv *resolver) reference(ref, modAddr string) (base, addr, attr string, ok bool) {
	steps, ok := splitSteps(ref)
	if !ok || len(steps) < 2 || steps[0].name == "" || nonResource[steps[0].name] || steps[1].name == "" {
		return "", "", "", false
	}
	base = modAddr + steps[0].name + "." + steps[1].name
	rest := steps[2:]
	switch {
	case len(rest) == 0:
		return base, "", "", len(rv.instances[base]) > 0
	case rest[0].index != "":
		addr = base + rest[0].index
		rest = rest[1:]
	case len(rv.instances[base]) == 1:
		addr = rv.instances[base][0]
	default:
		return "", "", "", false
	}
	if _, known := rv.types[addr]; !known {
		return "", "", "", false
	}
	var path []string
	for _, s := range rest {
		if s.name != "" {
			path = append(path, s.name)
			continue
		}
		path = append(path, strings.Trim(s.index, `[]"`))
	}
	return base, addr, strings.Join(path, "."), true
}

// value is what an expression whose value is known only after apply
// becomes: the reference, when the expression refers to one attribute of
// one resource instance and to nothing else (the expression is taken to
// be that reference). An index Terraform cannot name in the references
// (aws_s3_bucket.b[count.index].id lists only aws_s3_bucket.b and
// count.index) is not resolved.
func (rv *resolver) value(e *tfjson.Expression, modAddr string) (ir.Value, bool) {
	if e == nil || e.ExpressionData == nil || len(e.References) == 0 {
		return nil, false
	}
	target, attr := "", ""
	bases := map[string]bool{}
	for _, ref := range e.References {
		base, addr, a, ok := rv.reference(ref, modAddr)
		if !ok {
			return nil, false
		}
		bases[base] = true
		if addr == "" {
			continue
		}
		if target != "" && addr != target {
			return nil, false
		}
		target = addr
		switch {
		case a == "" || a == attr || strings.HasPrefix(attr, a+"."):
		case attr == "" || strings.HasPrefix(a, attr+"."):
			attr = a
		default:
			return nil, false
		}
	}
	if attr == "" || len(bases) != 1 {
		return nil, false
	}
	return terraform.Reference(rv.types[target], target, attr), true
}

// resolve replaces the values of m known only after apply with the
// references the configuration's expressions name, in nested blocks too.
func (rv *resolver) resolve(m *ir.Map, exprs map[string]*tfjson.Expression, modAddr string, depth int) {
	if m == nil || depth > 20 {
		return
	}
	for _, k := range ir.SortedKeys(exprs) {
		e := exprs[k]
		if e == nil || e.ExpressionData == nil {
			continue
		}
		if len(e.NestedBlocks) > 0 {
			if l, ok := m.Get(k).(*ir.List); ok {
				for i, nb := range e.NestedBlocks {
					if i < len(l.Items) {
						if sub, ok := l.Items[i].(*ir.Map); ok {
							rv.resolve(sub, nb, modAddr, depth+1)
						}
					}
				}
			}
			continue
		}
		if m.Get(k) != unknownValue {
			continue
		}
		if v, ok := rv.value(e, modAddr); ok {
			m.Set(k, v)
		}
	}
}

// modulePart is the module part of an instance address, with its keys:
// module.web[0].aws_s3_bucket.b -> module.web[0].
func modulePart(addr string) string {
	steps, ok := splitSteps(addr)
	if !ok {
		return ""
	}
	var sb strings.Builder
	for i := 0; i+1 < len(steps); i++ {
		if steps[i].name != "module" || i+1 >= len(steps) || steps[i+1].name == "" {
			break
		}
		sb.WriteString("module." + steps[i+1].name)
		i++
		if i+1 < len(steps) && steps[i+1].index != "" {
			sb.WriteString(steps[i+1].index)
			i++
		}
		sb.WriteByte('.')
	}
	return sb.String()
}
