package cost

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Usage is a parsed usage file (hoist-usage.yml): monthly quantities for the
// usage-based prices, per resource type and per resource address.
//
//	version: 1
//	resource_type_default_usage:
//	  AWS::S3::Bucket: {storage_gb: 100}
//	resource_usage:
//	  Assets: {storage_gb: 2000, monthly_tier_2_requests: 1000000}
//
// Infracost usage files (version 0.1) are read too: their Terraform types
// (aws_s3_bucket) and keys (standard.storage_gb) map onto Hoist's, and their
// addresses match resources imported from Terraform.
type Usage struct {
	File string
	// Types maps a resource type (CloudFormation or Terraform) to its
	// defaults; Resources maps an address to its values. Keys of nested
	// maps are joined with dots (standard.storage_gb).
	Types     map[string]map[string]UsageValue
	Resources map[string]map[string]UsageValue
}

// UsageValue is one number of a usage file and where it was written.
type UsageValue struct {
	Value decimal.Decimal
	Loc   ir.Location
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseUsage reads a usage file. A file that is not YAML, or whose shape is
// wrong, is an error naming file:line:col; keys Hoist does not know and
// values that are not numbers are warnings, and the rest is still read.
func ParseUsage(file string, data []byte) (*Usage, []Warning, error) {
	u := &Usage{File: file, Types: map[string]map[string]UsageValue{}, Resources: map[string]map[string]UsageValue{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		loc := ir.Location{File: file}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			loc.Line, _ = strconv.Atoi(m[1])
			loc.Column = 1
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
			loc.Line, loc.Column = 1, 1
		}
		return nil, nil, &Error{Loc: loc, Msg: "malformed usage file: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return u, nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return u, nil, nil
	}
	p := &usageParser{file: file}
	if root.Kind != yaml.MappingNode {
		return nil, nil, p.errf(root, "a usage file is a mapping with version, resource_type_default_usage and resource_usage")
	}
	sawVersion := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			sawVersion = true
			if v.Kind != yaml.ScalarNode || (v.Value != "1" && v.Value != "0.1") {
				return nil, nil, p.errf(v, "unsupported usage file version %q; want 1 (or Infracost's 0.1)", v.Value)
			}
		case "resource_type_default_usage":
			if err := p.section(v, u.Types, true); err != nil {
				return nil, nil, err
			}
		case "resource_usage":
			if err := p.section(v, u.Resources, false); err != nil {
				return nil, nil, err
			}
		default:
			p.warnf(k, "", "unknown top-level key %q (want version, resource_type_default_usage, resource_usage)", k.Value)
		}
	}
	if !sawVersion {
		p.warnf(root, "", "no version; assuming 1")
	}
	return u, p.warnings, nil
}

type usageParser struct {
	file     string
	warnings []Warning
}

func (p *usageParser) loc(n *yaml.Node) ir.Location {
	return ir.Location{File: p.file, Line: n.Line, Column: n.Column}
}

func (p *usageParser) errf(n *yaml.Node, format string, args ...any) error {
	return &Error{Loc: p.loc(n), Msg: fmt.Sprintf(format, args...)}
}

func (p *usageParser) warnf(n *yaml.Node, addr, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{Address: addr, Message: fmt.Sprintf(format, args...), Loc: p.loc(n)})
}

// section reads resource_type_default_usage or resource_usage.
func (p *usageParser) section(n *yaml.Node, into map[string]map[string]UsageValue, byType bool) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errf(n, "want a mapping of %s to usage keys", map[bool]string{true: "resource types", false: "resource addresses"}[byType])
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.MappingNode {
			return p.errf(v, "%s: want a mapping of usage keys to numbers", name)
		}
		vals := into[name]
		if vals == nil {
			vals = map[string]UsageValue{}
			into[name] = vals
		}
		var pr *pricer
		if byType {
			pr = pricerForUsageType(name)
			if pr == nil {
				p.warnf(k, "", "resource type %q has no usage-based prices; its usage is ignored", name)
			}
		}
		p.values(v, "", name, pr, byType, vals)
	}
	return nil
}

// values flattens one resource's usage mapping.
func (p *usageParser) values(n *yaml.Node, prefix, owner string, pr *pricer, byType bool, into map[string]UsageValue) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := prefix + k.Value
		switch v.Kind {
		case yaml.MappingNode:
			p.values(v, key+".", owner, pr, byType, into)
			continue
		case yaml.ScalarNode:
		default:
			p.warnf(v, owner, "usage key %q: want a number", key)
			continue
		}
		if v.Tag == "!!null" {
			continue
		}
		d, err := decimal.NewFromString(v.Value)
		if err != nil || (v.Tag != "!!int" && v.Tag != "!!float" && v.Tag != "!!str") {
			p.warnf(v, owner, "usage key %q: %q is not a number", key, v.Value)
			continue
		}
		if d.IsNegative() {
			p.warnf(v, owner, "usage key %q: %s is negative", key, v.Value)
			continue
		}
		canon := key
		if byType {
			if pr == nil {
				continue
			}
			uk := pr.usageKey(key)
			if uk == nil {
				p.warnf(k, owner, "unknown usage key %q for %s (known: %s)", key, owner, strings.Join(pr.usageKeyNames(), ", "))
				continue
			}
			canon = uk.Key
		} else if !anyPricerKnows(key) {
			p.warnf(k, owner, "unknown usage key %q", key)
			continue
		}
		into[canon] = UsageValue{Value: d, Loc: p.loc(v)}
	}
}

// pricerForUsageType finds the pricer of a CloudFormation or Terraform type.
func pricerForUsageType(typ string) *pricer {
	for i := range pricers {
		if pricers[i].Type == typ {
			return &pricers[i]
		}
		for _, t := range pricers[i].Terraform {
			if t == typ {
				return &pricers[i]
			}
		}
	}
	return nil
}

func anyPricerKnows(key string) bool {
	for i := range pricers {
		if pricers[i].usageKey(key) != nil {
			return true
		}
	}
	return false
}

// addressBase strips a Terraform index: aws_s3_bucket.a["x"] -> aws_s3_bucket.a.
func addressBase(addr string) string {
	if i := strings.IndexByte(addr, '['); i > 0 && strings.HasSuffix(addr, "]") {
		return addr[:i]
	}
	return addr
}

// forResource returns the usage that applies to one resource: per-type
// defaults (CloudFormation type, then each Terraform type of its pricer)
// overridden by the per-address values (exact address, then name[*]).
// It returns the address keys it used, for "unused" warnings.
func (u *Usage) forResource(pr *pricer, addresses []string) (map[string]UsageValue, []string) {
	if u == nil {
		return nil, nil
	}
	out := map[string]UsageValue{}
	types := append([]string{pr.Type}, pr.Terraform...)
	for i := len(types) - 1; i >= 0; i-- {
		for k, v := range u.Types[types[i]] {
			out[k] = v
		}
	}
	var used []string
	var cands []string
	for _, a := range addresses {
		cands = append(cands, a)
		if b := addressBase(a); b != a {
			cands = append(cands, b+"[*]")
		}
	}
	for i := len(cands) - 1; i >= 0; i-- {
		vals, ok := u.Resources[cands[i]]
		if !ok {
			continue
		}
		used = append(used, cands[i])
		keys := ir.SortedKeys(vals)
		for _, k := range keys {
			uk := pr.usageKey(k)
			if uk == nil {
				continue
			}
			out[uk.Key] = vals[k]
		}
	}
	return out, used
}
