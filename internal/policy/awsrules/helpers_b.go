package awsrules

// Helpers shared by the group B rules (CloudFront, ECR, CodeBuild, KMS,
// CloudWatch, Secrets Manager, Lambda, API Gateway, DynamoDB, SQS, SNS,
// EC2/EBS, VPC, ElastiCache). Like group A's helpers they decide only
// from literal values: anything a Ref, Sub, Call or unresolved Terraform
// expression stands for is unknown, and unknown is never a finding.

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// absent reports whether a property is missing: not written, null, or
// a Ref to AWS::NoValue.
func absent(v ir.Value) bool {
	switch x := v.(type) {
	case nil:
		return true
	case ir.Null:
		return true
	case ir.Ref:
		return x.Target == "AWS::NoValue"
	case *ir.Map:
		return x == nil
	case *ir.List:
		return x == nil
	}
	return false
}

// emptyValue reports whether a property is absent, an empty literal
// string, an empty list or an empty map.
func emptyValue(v ir.Value) bool {
	if absent(v) {
		return true
	}
	switch x := v.(type) {
	case ir.String:
		return strings.TrimSpace(string(x)) == ""
	case *ir.List:
		return len(x.Items) == 0
	case *ir.Map:
		return x.Len() == 0
	}
	return false
}

// literal returns a literal string, and false for anything else
// (including absent values).
func literal(v ir.Value) (string, bool) {
	return ir.AsString(v)
}

// isLiteral reports whether v is the literal string want, ignoring case.
func isLiteral(v ir.Value, want string) bool {
	s, ok := ir.AsString(v)
	return ok && strings.EqualFold(s, want)
}

// isTrue and isFalse read a literal boolean; anything else is neither.
func isTrue(v ir.Value) bool  { b, ok := ir.AsBool(v); return ok && b }
func isFalse(v ir.Value) bool { b, ok := ir.AsBool(v); return ok && !b }

// pathOr returns path when the property exists on r, else fallback: a
// finding about something missing points at the nearest parent written.
func pathOr(r *ir.Resource, path, fallback string) string {
	if !absent(prop(r, path)) {
		return path
	}
	return fallback
}

// one is a single violation.
func one(path, format string, args ...any) []rule.Violation {
	return []rule.Violation{viol(path, format, args...)}
}

// tagged reports whether r is in production per c (a nil context is
// never production).
func production(c *rule.Context, r *ir.Resource) bool {
	return c != nil && c.IsProduction(r)
}

// referencedBy reports whether any resource of one of types refers to
// r.
func referencedBy(c *rule.Context, r *ir.Resource, types ...string) bool {
	for _, t := range types {
		if len(c.Referencing(r.ID, t)) > 0 {
			return true
		}
	}
	return false
}

// --- resource policies (KMS key policies, SQS and SNS policies) ---

// restrictingConditionKeys are the condition keys that pin a statement
// with a wildcard principal to known accounts, organizations, sources or
// networks.
var restrictingConditionKeys = []string{
	"aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:principalorgpaths",
	"aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "aws:username",
	"kms:calleraccount", "kms:viaservice",
}

// restricted reports whether a statement's Condition names any key that
// limits who can use it. A condition that is not a literal map is taken
// as restricting (it cannot be decided).
func restricted(s statement) bool {
	c := s.m.Get("Condition")
	if absent(c) {
		return false
	}
	ops, ok := c.(*ir.Map)
	if !ok {
		return true
	}
	for _, op := range ops.Entries {
		keys, ok := op.Value.(*ir.Map)
		if !ok {
			return true
		}
		for _, k := range keys.Keys() {
			for _, want := range restrictingConditionKeys {
				if strings.EqualFold(k, want) {
					return true
				}
			}
		}
	}
	return false
}

// publicStatements returns the Allow statements of the policy document
// at path that grant any principal without a restricting condition.
func publicStatements(r *ir.Resource, path string) []statement {
	var out []statement
	for _, s := range statements(r, path) {
		if s.allows() && anyPrincipal(s) && !restricted(s) {
			out = append(out, s)
		}
	}
	return out
}

// --- secrets written as literals ---

// secretVarRe matches environment variable names that usually hold a
// credential: *TOKEN*, *PASSWORD*, *SECRET*, *KEY* (API, access, private,
// signing keys).
var secretVarRe = regexp.MustCompile(`(?i)(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|(^|_)KEY$|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|AUTH_?KEY|AUTH_?DATA)`)

// notSecretVarRe matches names that mention a key but name a
// non-secret: a KMS key id, a public key, a key's name or ARN.
var notSecretVarRe = regexp.MustCompile(`(?i)(KMS|PUBLIC|KEY_?(ID|ARN|NAME|PREFIX|ALIAS)$|_ARN$|_NAME$|_PATH$|_FILE$|_URL$)`)

// exceptions to notSecretVarRe: AWS access key ids are credentials.
var awsCredentialVarRe = regexp.MustCompile(`(?i)^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$`)

// looksSecretName reports whether a variable name suggests a secret.
func looksSecretName(name string) bool {
	if awsCredentialVarRe.MatchString(name) {
		return true
	}
	return secretVarRe.MatchString(name) && !notSecretVarRe.MatchString(name)
}

// looksSecretValue reports whether a literal value could be a secret:
// non-empty, not a pointer to where a secret lives (ARN, parameter path,
// dynamic reference), not a boolean or a number.
func looksSecretValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || strings.Contains(v, "{{resolve:") {
		return false
	}
	for _, p := range []string{"arn:", "/", "ssm:", "secretsmanager:"} {
		if strings.HasPrefix(v, p) {
			return false
		}
	}
	switch strings.ToLower(v) {
	case "true", "false", "yes", "no", "none", "null":
		return false
	}
	if _, ok := ir.AsFloat(ir.String(v)); ok {
		return false
	}
	return true
}

// --- FedRAMP baselines ---

// fedrampLow and fedrampModerate list, for the NIST 800-53 rev5
// controls these rules cite, the FedRAMP rev5 baselines that select
// them (every Low control is also in Moderate). Controls that are in
// neither (High-only enhancements) are absent; a test checks every cited
// control is classified in knownControls.
var (
	fedrampLow = []string{
		"AC-2", "AC-3", "AC-14", "AU-2", "AU-3", "AU-9", "AU-11", "AU-12", "CA-7", "CM-2", "CM-6", "CM-7", "CM-8",
		"CP-9", "CP-10", "IA-5", "RA-5", "SA-3", "SC-5", "SC-7", "SC-12", "SC-13", "SI-2", "SI-4", "SI-12",
	}
	fedrampModerateOnly = []string{
		"AC-2(1)", "AC-4", "AC-6", "AC-17(2)", "AC-21", "AU-6(3)", "CM-2(2)", "CM-3", "CP-6", "SC-7(4)", "SC-7(5)",
		"SC-8", "SC-8(1)", "SC-23", "SC-28", "SC-28(1)", "SI-2(2)", "SI-4(2)", "SI-7",
	}
	// highOrNone are cited controls that no Low or Moderate baseline
	// selects.
	highOrNone = []string{"CP-6(2)", "AC-4(21)", "AU-10", "SC-12(2)", "SC-28(3)", "SC-36", "SI-4(20)", "SI-7(8)", "SC-7(11)"}
)

// baselines returns the FedRAMP baselines ("low", "moderate") that
// select at least one of nist.
func baselines(nist ...string) []string {
	low, mod := false, false
	for _, n := range nist {
		if contains(fedrampLow, n) {
			low, mod = true, true
		}
		if contains(fedrampModerateOnly, n) {
			mod = true
		}
	}
	var out []string
	if low {
		out = append(out, "low")
	}
	if mod {
		out = append(out, "moderate")
	}
	return out
}

// knownControl reports whether a control is classified above.
func knownControl(n string) bool {
	return contains(fedrampLow, n) || contains(fedrampModerateOnly, n) || contains(highOrNone, n)
}

// Control sets several rules share.
var (
	nistTransit   = []string{"SC-8", "SC-8(1)", "SC-13", "SC-23", "AC-17(2)"}
	nistAtRest    = []string{"SC-28", "SC-28(1)", "SC-13"}
	nistLogging   = []string{"AU-2", "AU-3", "AU-12", "AU-6(3)", "CA-7"}
	nistPublic    = []string{"AC-3", "AC-4", "AC-6", "AC-21", "SC-7"}
	nistBackup    = []string{"CP-9", "CP-10", "SI-12"}
	nistResilient = []string{"CP-10", "CP-6(2)", "SC-36"}
	nistSecrets   = []string{"IA-5", "SA-3", "SC-28"}
)

// controls concatenates control sets, dropping repeats, in order.
func controls(sets ...[]string) []string {
	var out []string
	for _, set := range sets {
		for _, c := range set {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// --- CloudFront ---

// cfOrigin is one origin of a distribution with its path.
type cfOrigin struct {
	path string
	m    *ir.Map
}

// cfOrigins lists the literal origins of a distribution.
func cfOrigins(r *ir.Resource) []cfOrigin {
	var out []cfOrigin
	for _, it := range mapItems(prop(r, "DistributionConfig.Origins")) {
		out = append(out, cfOrigin{join("DistributionConfig.Origins", it.i), it.m})
	}
	return out
}

// s3REST reports whether an origin is an S3 bucket's REST endpoint (not
// a website endpoint, which is a custom origin): it has an
// S3OriginConfig, its domain is a bucket's DomainName or
// RegionalDomainName, or a literal *.s3.*amazonaws.com name.
func (o cfOrigin) s3REST(c *rule.Context) bool {
	if !absent(o.m.Get("S3OriginConfig")) {
		return true
	}
	if !absent(o.m.Get("CustomOriginConfig")) {
		return false
	}
	d := o.m.Get("DomainName")
	if g, ok := d.(ir.GetAtt); ok {
		t := c.Graph.Resource(g.Target)
		return t != nil && t.Type == "AWS::S3::Bucket" && (g.Attr == "DomainName" || g.Attr == "RegionalDomainName")
	}
	s, ok := literal(d)
	if !ok {
		return false
	}
	s = strings.ToLower(s)
	return strings.Contains(s, ".s3.") && !strings.Contains(s, "s3-website") && strings.HasSuffix(s, ".amazonaws.com")
}

// at is the path of a key of the origin.
func (o cfOrigin) at(key string) string { return join(o.path, key) }

// principalPath is the path of the part of a statement's Principal that
// names everyone: Principal.AWS for {AWS: "*"}, else Principal.
func principalPath(s statement) string {
	if m, ok := s.m.Get("Principal").(*ir.Map); ok {
		if _, ok := m.Entry("AWS"); ok {
			return join(s.field("Principal"), "AWS")
		}
	}
	return s.field("Principal")
}

// --- EC2 ---

// launchData returns the prefix under which a resource keeps its
// instance settings: LaunchTemplateData. for a launch template, "" for
// an instance or launch configuration.
func launchData(r *ir.Resource) string {
	if r.Type == "AWS::EC2::LaunchTemplate" {
		return "LaunchTemplateData."
	}
	return ""
}

// --- ElastiCache ---

// redisLike reports whether an ElastiCache resource runs Redis OSS or
// Valkey (replication groups always do; a cache cluster says so in
// Engine).
func redisLike(r *ir.Resource) bool {
	if r.Type == "AWS::ElastiCache::ReplicationGroup" {
		return !isLiteral(prop(r, "Engine"), "memcached")
	}
	return isLiteral(prop(r, "Engine"), "redis") || isLiteral(prop(r, "Engine"), "valkey")
}

// identifierRe matches an UPPER_SNAKE identifier with at least one
// underscore: the name of a key or variable, not a credential (AWS access
// key ids have no underscore).
var identifierRe = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`)

// namesSecret reports whether a variable is one half of a pointer to a
// secret rather than the secret: X_SECRET_KEY naming the JSON key
// inside the secret that X_SECRET_ARN (a sibling) points to, or a value
// that is itself an identifier or the start of the variable's own name
// (TOKEN_SECRET_KEY=TOKEN).
func namesSecret(name, value string, siblings []string) bool {
	if identifierRe.MatchString(value) || strings.HasPrefix(strings.ToUpper(name), strings.ToUpper(value)+"_") {
		return true
	}
	upper := strings.ToUpper(name)
	if !strings.HasSuffix(upper, "KEY") {
		return false
	}
	prefix := name[:len(name)-len("KEY")]
	for _, s := range siblings {
		for _, suffix := range []string{"ARN", "NAME", "ID"} {
			if strings.EqualFold(s, prefix+suffix) {
				return true
			}
		}
	}
	return false
}

// exprMentions reports whether v holds an unresolved Terraform
// expression (Call "Expr") whose text names target's Terraform address
// (aws_api_gateway_stage.prod): a reference the importer could not turn
// into a Ref or GetAtt.
func exprMentions(v ir.Value, target *ir.Resource) bool {
	addr := target.Origin.Source
	if target.Origin.Kind != ir.FromTerraform || addr == "" {
		return false
	}
	found := false
	ir.Walk(v, func(x ir.Value) bool {
		if call, ok := x.(ir.Call); ok && call.Fn == "Expr" {
			if text, ok := ir.AsString(call.Args); ok && (strings.Contains(text, addr+".") || text == addr) {
				found = true
			}
		}
		return !found
	})
	return found
}

// unknownValue stands for a property whose value, or one of whose
// parents, is an intrinsic or an unresolved expression: not absent, not
// literal, so every helper above treats it as "cannot tell".
var unknownValue ir.Value = ir.Call{Fn: "Hoist::Unknown"}

// prop returns the property at a dotted path like r.Prop, but returns
// unknownValue when a parent along the path is not a literal map or
// list (an Fn::If around a whole block, a Ref to a parameter): a missing
// child of an unresolved block is unknown, not missing.
func prop(r *ir.Resource, path string) ir.Value {
	if r.Properties == nil {
		return nil
	}
	return lookupKnown(r.Properties, path)
}

// lookupKnown is prop for any value.
func lookupKnown(v ir.Value, path string) ir.Value {
	cur := v
	for _, part := range strings.Split(path, ".") {
		switch x := cur.(type) {
		case *ir.Map:
			if x == nil {
				return nil
			}
			cur = x.Get(part)
		case *ir.List:
			items, _ := ir.AsList(x)
			i, ok := ir.AsInt(ir.String(part))
			if !ok || i < 0 || i >= len(items) {
				return nil
			}
			cur = items[i]
		default:
			if absent(cur) {
				return nil
			}
			if !ir.IsLiteral(cur) {
				return unknownValue
			}
			return nil // a scalar has no children
		}
	}
	return cur
}
