package awsrules

// Helpers shared by the group A rules (S3, IAM, security groups, RDS, ECS,
// App Runner, ELB). Every helper answers only what it can decide from
// literal values: a Ref, Sub, Call or other unresolved value is "unknown",
// and the rules treat unknown as compliant.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// tri is a three-valued answer: yes, no, or cannot tell.
type tri int

const (
	unknown tri = iota
	yes
	no
)

// boolProp reads a literal boolean: missing gives def, a non-literal
// value gives unknown.
func boolProp(v ir.Value, def tri) tri {
	if v == nil {
		return def
	}
	if _, isNull := v.(ir.Null); isNull {
		return def
	}
	b, ok := ir.AsBool(v)
	if !ok {
		return unknown
	}
	if b {
		return yes
	}
	return no
}

// literalStrings returns the strings of a literal string or list of
// strings, and whether every item was a literal.
func literalStrings(v ir.Value) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case ir.String:
		return []string{string(x)}, true
	case *ir.List:
		all := true
		var out []string
		for _, it := range x.Items {
			s, ok := ir.AsString(it)
			if !ok {
				all = false
				continue
			}
			out = append(out, s)
		}
		return out, all
	}
	return nil, false
}

// join makes a dotted path from parts, skipping empty ones.
func join(parts ...any) string {
	var out []string
	for _, p := range parts {
		s := fmt.Sprint(p)
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ".")
}

// viol is a shorthand for one violation.
func viol(path, format string, args ...any) rule.Violation {
	return rule.Violation{Message: fmt.Sprintf(format, args...), Path: path}
}

// mapItems returns the literal maps of a list value with their indexes.
func mapItems(v ir.Value) []indexed {
	items, ok := ir.AsList(v)
	if !ok {
		return nil
	}
	var out []indexed
	for i, it := range items {
		if m, ok := it.(*ir.Map); ok {
			out = append(out, indexed{i, m})
		}
	}
	return out
}

type indexed struct {
	i int
	m *ir.Map
}

// --- IAM policy documents ---

// statement is one statement of a policy document with the dotted path
// to it from the resource's properties.
type statement struct {
	path string
	m    *ir.Map
	// opaque is true for statements decoded from a JSON string, which
	// have no inner positions: findings point at the document.
	opaque bool
}

// statements lists the statements of the policy document at path in r.
// A document written as a JSON string (Terraform's heredoc policies) is
// decoded; its statements then carry the document's own path, since a
// string has no inner positions.
func statements(r *ir.Resource, path string) []statement {
	doc := r.Prop(path)
	inner := true
	if s, ok := doc.(ir.String); ok {
		var plain any
		if json.Unmarshal([]byte(s), &plain) != nil {
			return nil
		}
		doc = fromJSON(plain)
		inner = false
	}
	st := ir.Lookup(doc, "Statement")
	at := func(parts ...any) string {
		if !inner {
			return path
		}
		return join(append([]any{path, "Statement"}, parts...)...)
	}
	switch x := st.(type) {
	case *ir.Map:
		return []statement{{at(), x, !inner}}
	case *ir.List:
		var out []statement
		for i, it := range x.Items {
			if m, ok := it.(*ir.Map); ok {
				out = append(out, statement{at(i), m, !inner})
			}
		}
		return out
	}
	return nil
}

// fromJSON converts decoded JSON into IR values.
func fromJSON(v any) ir.Value {
	switch x := v.(type) {
	case map[string]any:
		m := &ir.Map{}
		for _, k := range ir.SortedKeys(x) {
			m.Entries = append(m.Entries, ir.Entry{Key: k, Value: fromJSON(x[k])})
		}
		return m
	case []any:
		l := &ir.List{}
		for _, it := range x {
			l.Items = append(l.Items, fromJSON(it))
		}
		return l
	case string:
		return ir.String(x)
	case bool:
		return ir.Bool(x)
	case float64:
		return ir.FromGo(x)
	}
	return ir.Null{}
}

// allows reports whether a statement is a literal Allow.
func (s statement) allows() bool {
	e, ok := ir.AsString(s.m.Get("Effect"))
	return ok && e == "Allow"
}

// field is the path of one key of the statement (the statement itself
// when the key is absent).
func (s statement) field(key string) string {
	if _, ok := s.m.Entry(key); ok && !s.opaque {
		return join(s.path, key)
	}
	return s.path
}

// hasCondition reports whether the statement carries a non-empty Condition.
func (s statement) hasCondition() bool {
	c := s.m.Get("Condition")
	if c == nil {
		return false
	}
	if m, ok := c.(*ir.Map); ok {
		return m.Len() > 0
	}
	return true
}

// actions returns the literal actions of the statement (Action only; a
// NotAction statement grants everything but the list, and is reported by
// the rules as a wildcard).
func (s statement) actions() []string {
	a, _ := literalStrings(s.m.Get("Action"))
	return a
}

// resources returns the literal resources of the statement.
func (s statement) resources() []string {
	r, _ := literalStrings(s.m.Get("Resource"))
	return r
}

func contains(ss []string, want string) bool {
	for _, s := range ss {
		if s == want {
			return true
		}
	}
	return false
}

// policyDocs lists the paths of the permission policy documents a
// resource carries: PolicyDocument, or Policies.N.PolicyDocument.
func policyDocs(r *ir.Resource) []string {
	var out []string
	if r.Prop("PolicyDocument") != nil {
		out = append(out, "PolicyDocument")
	}
	for _, p := range mapItems(r.Prop("Policies")) {
		if p.m.Get("PolicyDocument") != nil {
			out = append(out, join("Policies", p.i, "PolicyDocument"))
		}
	}
	return out
}

// iamPolicyTypes are the resource types that carry permission policies.
var iamPolicyTypes = []string{
	"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
	"AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy",
}

// principalValues returns the principals of a statement: "*" for
// Principal: "*", else the values of each principal kind (AWS, Service,
// Federated, CanonicalUser) keyed by kind; unresolved values are skipped.
func principalValues(s statement) map[string][]ir.Value {
	out := map[string][]ir.Value{}
	p := s.m.Get("Principal")
	if str, ok := ir.AsString(p); ok {
		out["*"] = []ir.Value{ir.String(str)}
		return out
	}
	m, ok := p.(*ir.Map)
	if !ok {
		return out
	}
	for _, e := range m.Entries {
		if l, ok := e.Value.(*ir.List); ok {
			out[e.Key] = append(out[e.Key], l.Items...)
		} else {
			out[e.Key] = append(out[e.Key], e.Value)
		}
	}
	return out
}

// anyPrincipal reports whether a statement names every principal: "*"
// or {AWS: "*"} (also "arn:aws:iam::*:root"-like account wildcards).
func anyPrincipal(s statement) bool {
	for kind, vals := range principalValues(s) {
		if kind != "*" && kind != "AWS" {
			continue
		}
		for _, v := range vals {
			str, ok := ir.AsString(v)
			if ok && (str == "*" || wildAccountRe.MatchString(str)) {
				return true
			}
		}
	}
	return false
}

var wildAccountRe = regexp.MustCompile(`^arn:aws[a-z-]*:iam::\*:`)

// --- secrets in plain environment variables ---

// plainSecrets checks a list of {Name, Value} pairs for a name that looks
// like a credential with a literal value that looks like one
// (looksSecretName, looksSecretValue and namesSecret, shared with the
// Lambda and CodeBuild rules). nameKey and valueKey name the fields
// (Name/Value for ECS and App Runner).
func plainSecrets(v ir.Value, path, nameKey, valueKey string) []rule.Violation {
	items := mapItems(v)
	var names []string
	for _, it := range items {
		if n, ok := ir.AsString(it.m.Get(nameKey)); ok {
			names = append(names, n)
		}
	}
	var out []rule.Violation
	for _, it := range items {
		name, ok := ir.AsString(it.m.Get(nameKey))
		if !ok || !looksSecretName(name) {
			continue
		}
		val, ok := ir.AsString(it.m.Get(valueKey))
		if !ok || !looksSecretValue(val) || namesSecret(name, val, names) {
			continue
		}
		out = append(out, viol(join(path, it.i, valueKey), "environment variable %s holds a literal value that looks like a secret; pass it as a secret reference instead", name))
	}
	return out
}

// --- security groups ---

// sgRule is one ingress or egress rule: inline in a security group or a
// standalone AWS::EC2::SecurityGroupIngress/Egress resource.
type sgRule struct {
	path string // path of the rule's map ("" for a standalone resource)
	m    *ir.Map
}

// ingressRules lists the ingress rules of a SecurityGroup's
// SecurityGroupIngress, or the standalone resource itself.
func ingressRules(r *ir.Resource) []sgRule {
	switch r.Type {
	case "AWS::EC2::SecurityGroup":
		var out []sgRule
		for _, it := range mapItems(r.Prop("SecurityGroupIngress")) {
			out = append(out, sgRule{join("SecurityGroupIngress", it.i), it.m})
		}
		return out
	case "AWS::EC2::SecurityGroupIngress":
		return []sgRule{{"", r.Properties}}
	}
	return nil
}

// egressRules is ingressRules for egress.
func egressRules(r *ir.Resource) []sgRule {
	switch r.Type {
	case "AWS::EC2::SecurityGroup":
		var out []sgRule
		for _, it := range mapItems(r.Prop("SecurityGroupEgress")) {
			out = append(out, sgRule{join("SecurityGroupEgress", it.i), it.m})
		}
		return out
	case "AWS::EC2::SecurityGroupEgress":
		return []sgRule{{"", r.Properties}}
	}
	return nil
}

// at is the path of a key of the rule.
func (s sgRule) at(key string) string { return join(s.path, key) }

// worldCIDR returns the key (CidrIp or CidrIpv6) that opens the rule to
// every address, or "".
func (s sgRule) worldCIDR() string {
	for _, key := range []string{"CidrIp", "CidrIpv6"} {
		cidrs, _ := literalStrings(s.m.Get(key))
		for _, c := range cidrs {
			if c == "0.0.0.0/0" || c == "::/0" {
				return key
			}
		}
	}
	return ""
}

// allProtocols reports whether the rule covers every protocol.
func (s sgRule) allProtocols() bool {
	p := s.m.Get("IpProtocol")
	if str, ok := ir.AsString(p); ok {
		return str == "-1" || strings.EqualFold(str, "all")
	}
	if n, ok := ir.AsInt(p); ok {
		return n == -1
	}
	return false
}

// allPorts reports whether the rule covers every TCP port (such rules
// are HOIST-SG-004's, not the per-port rules').
func (s sgRule) allPorts() bool {
	from, to, ok := s.portRange()
	return ok && from <= 0 && to >= 65535
}

// portRange returns the literal port range of a TCP (or all-protocol)
// rule; ok is false when it cannot be decided or the protocol carries no
// TCP traffic.
func (s sgRule) portRange() (from, to int, ok bool) {
	if s.allProtocols() {
		return 0, 65535, true
	}
	p, isStr := ir.AsString(s.m.Get("IpProtocol"))
	if !isStr {
		n, isNum := ir.AsInt(s.m.Get("IpProtocol"))
		if !isNum {
			return 0, 0, false
		}
		p = fmt.Sprint(n)
	}
	if !strings.EqualFold(p, "tcp") && p != "6" {
		return 0, 0, false
	}
	from, ok1 := ir.AsInt(s.m.Get("FromPort"))
	to, ok2 := ir.AsInt(s.m.Get("ToPort"))
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if from == -1 && to == -1 {
		return 0, 65535, true
	}
	return from, to, true
}

// worldOpenPorts returns the ports of want that a world-open rule admits,
// and the CIDR key (CidrIp or CidrIpv6) that opens it.
func (s sgRule) worldOpenPorts(want []int) ([]int, string) {
	key := s.worldCIDR()
	if key == "" {
		return nil, ""
	}
	from, to, ok := s.portRange()
	if !ok {
		return nil, ""
	}
	var hit []int
	for _, p := range want {
		if p >= from && p <= to {
			hit = append(hit, p)
		}
	}
	return hit, key
}

// worldOpenIngress reports the world-open ingress rules of r that admit
// any port in want, one violation per rule.
func worldOpenIngress(r *ir.Resource, want []int, what string) []rule.Violation {
	var out []rule.Violation
	for _, sr := range ingressRules(r) {
		ports, key := sr.worldOpenPorts(want)
		if len(ports) == 0 || sr.allPorts() {
			continue
		}
		cidr, _ := literalStrings(sr.m.Get(key))
		out = append(out, viol(sr.at(key), "ingress from %s admits %s (port %s)", strings.Join(cidr, ", "), what, joinInts(ports)))
	}
	return out
}

func joinInts(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, fmt.Sprint(n))
	}
	return strings.Join(s, ", ")
}

// --- RDS ---

// clusterMember reports whether a DB instance belongs to a DB cluster
// (Aurora, or a Multi-AZ DB cluster), whose cluster carries storage,
// backup and deletion settings.
func clusterMember(r *ir.Resource) bool {
	return r.Type == "AWS::RDS::DBInstance" && r.Prop("DBClusterIdentifier") != nil
}

// readReplica reports whether a DB instance is a read replica, which
// inherits its source's encryption and has no backups of its own by
// default.
func readReplica(r *ir.Resource) bool {
	return r.Prop("SourceDBInstanceIdentifier") != nil || r.Prop("SourceDBClusterIdentifier") != nil
}

// engine returns the literal engine name, lower case, or "".
func engine(r *ir.Resource) string {
	e, _ := ir.AsString(r.Prop("Engine"))
	return strings.ToLower(e)
}

// --- ELB ---

// loadBalancerType returns the literal Type of a load balancer;
// CloudFormation's default is "application".
func loadBalancerType(r *ir.Resource) string {
	v := r.Prop("Type")
	if v == nil {
		return "application"
	}
	s, ok := ir.AsString(v)
	if !ok {
		return ""
	}
	return strings.ToLower(s)
}

// lbAttribute finds a LoadBalancerAttributes entry by key and returns its
// value (nil when absent or not literal) and path.
func lbAttribute(r *ir.Resource, key string) (ir.Value, string, bool) {
	for _, it := range mapItems(r.Prop("LoadBalancerAttributes")) {
		k, ok := ir.AsString(it.m.Get("Key"))
		if ok && k == key {
			return it.m.Get("Value"), join("LoadBalancerAttributes", it.i, "Value"), true
		}
	}
	return nil, "LoadBalancerAttributes", false
}

// lbAttributeOff reports a violation when a boolean load balancer
// attribute is missing or literally false.
func lbAttributeOff(r *ir.Resource, key, msg string) []rule.Violation {
	v, path, found := lbAttribute(r, key)
	if !found {
		if r.Prop("LoadBalancerAttributes") == nil {
			path = ""
		}
		return []rule.Violation{viol(path, "%s (attribute %s is not set)", msg, key)}
	}
	if boolProp(v, no) == no {
		return []rule.Violation{viol(path, "%s (attribute %s is false)", msg, key)}
	}
	return nil
}

// --- S3 ---

// bucketPolicies returns the AWS::S3::BucketPolicy resources that apply
// to bucket r: their Bucket refers to it or names it literally. unsure is
// true when some policy names a bucket that cannot be resolved (a
// parameter, an import), which might be r.
func bucketPolicies(c *rule.Context, r *ir.Resource) (out []*ir.Resource, unsure bool) {
	name, named := ir.AsString(r.Prop("BucketName"))
	for _, p := range c.Graph.OfType("AWS::S3::BucketPolicy") {
		b := p.Prop("Bucket")
		if t := c.Target(b); t != nil {
			if t == r {
				out = append(out, p)
			}
			continue
		}
		if s, ok := ir.AsString(b); ok {
			if named && s == name {
				out = append(out, p)
			}
			continue
		}
		unsure = true
	}
	return out, unsure
}

// fromTerraform reports whether r was imported from Terraform, whose AWS
// provider sends its own defaults for omitted arguments (false for
// publicly_accessible; no default egress rule for security groups).
func fromTerraform(r *ir.Resource) bool {
	return r.Origin.Kind == ir.FromTerraform || r.Origin.Kind == ir.FromPlan
}

// rdsOwnsStorage reports whether an RDS resource carries its own storage,
// backup and deletion settings: a DB cluster, or a DB instance that is
// neither a cluster member nor a read replica.
func rdsOwnsStorage(r *ir.Resource) bool {
	return !clusterMember(r) && !readReplica(r)
}

// pathIfSet returns key when r has it, else "" (the resource).
func pathIfSet(r *ir.Resource, key string) string {
	if r.Properties != nil {
		if _, ok := r.Properties.Entry(key); ok {
			return key
		}
	}
	return ""
}

// rdsTypes are the RDS resources group A's RDS rules read.
var rdsTypes = []string{"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"}

// --- ECS ---

// containers lists a task definition's container definitions.
func containers(r *ir.Resource) []indexed { return mapItems(r.Prop("ContainerDefinitions")) }

// containerPath is the path of key in container i.
func containerPath(i int, key string) string { return join("ContainerDefinitions", i, key) }

// windowsTask reports whether a task definition runs Windows containers,
// where Linux users and read-only root filesystems do not apply.
func windowsTask(r *ir.Resource) bool {
	os, _ := ir.AsString(r.Prop("RuntimePlatform.OperatingSystemFamily"))
	return strings.HasPrefix(strings.ToUpper(os), "WINDOWS")
}

// runsAsRoot reports whether a container runs as root: no User (the
// image's USER decides, and is root unless the image says otherwise) or
// a literal root user. The second result is false when User is not a
// literal.
func runsAsRoot(m *ir.Map) (root, known bool) {
	v := m.Get("User")
	if v == nil {
		return true, true
	}
	u, ok := ir.AsString(v)
	if !ok {
		return false, false
	}
	name := strings.SplitN(strings.TrimSpace(u), ":", 2)[0]
	return name == "" || name == "root" || name == "0", true
}
