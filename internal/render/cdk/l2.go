package cdk

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// l2Kind is one CloudFormation type Hoist can write as an L2 construct.
// Its props function maps the IR's properties onto the construct's props
// and reports false when any property cannot be expressed exactly: the
// resource is then written as an L1, so the synthesized template never
// drifts from Hoist's CloudFormation. TestBlueprintsSynthesize is the
// proof, property for property, for every type listed here.
type l2Kind struct {
	typ    string // AWS::Logs::LogGroup
	module string // aws-logs
	class  string // LogGroup
	// removal is the DeletionPolicy and UpdateReplacePolicy the construct
	// sets when given no removalPolicy ("" when it sets none);
	// removalProp says whether it takes a removalPolicy prop at all.
	removal     string
	removalProp bool
	// stateful types must keep a DeletionPolicy under an L2 (aws-cdk-lib
	// validates it): one the IR leaves without stays L1.
	stateful bool
	// ref is the getter that resolves to {Ref}; attrs map GetAtt
	// attributes to getters that resolve to exactly that GetAtt. Other
	// attributes are read from the construct's CfnResource.
	ref   string
	attrs []attrGetterOf
	props func(b *l2Builder) bool
}

type attrGetterOf struct{ attr, getter string }

// l2Kinds is the registry of L2 constructs, in the order the package doc
// lists them. Types not here stay L1: see the package doc for why.
var l2Kinds = []*l2Kind{
	{typ: "AWS::Logs::LogGroup", stateful: true, module: "aws-logs", class: "LogGroup", removal: "Retain", removalProp: true,
		ref: "logGroupName", attrs: []attrGetterOf{{"Arn", "logGroupArn"}}, props: logGroupProps},
	{typ: "AWS::SQS::Queue", stateful: true, module: "aws-sqs", class: "Queue", removal: "Delete", removalProp: true,
		ref: "queueUrl", attrs: []attrGetterOf{{"Arn", "queueArn"}, {"QueueName", "queueName"}}, props: queueProps},
	{typ: "AWS::SNS::Topic", module: "aws-sns", class: "Topic",
		ref: "topicArn", attrs: []attrGetterOf{{"TopicName", "topicName"}}, props: topicProps},
	{typ: "AWS::ECR::Repository", module: "aws-ecr", class: "Repository", removal: "Retain", removalProp: true,
		ref: "repositoryName", attrs: []attrGetterOf{{"Arn", "repositoryArn"}}, props: repositoryProps},
	{typ: "AWS::KMS::Key", stateful: true, module: "aws-kms", class: "Key", removal: "Retain", removalProp: true,
		ref: "keyId", attrs: []attrGetterOf{{"Arn", "keyArn"}}, props: keyProps},
	{typ: "AWS::SecretsManager::Secret", stateful: true, module: "aws-secretsmanager", class: "Secret", removal: "Delete", removalProp: true,
		ref: "secretArn", props: secretProps},
	{typ: "AWS::S3::Bucket", stateful: true, module: "aws-s3", class: "Bucket", removal: "Retain", removalProp: true,
		ref: "bucketName", attrs: []attrGetterOf{{"Arn", "bucketArn"}, {"DomainName", "bucketDomainName"}, {"RegionalDomainName", "bucketRegionalDomainName"},
			{"DualStackDomainName", "bucketDualStackDomainName"}, {"WebsiteURL", "bucketWebsiteUrl"}}, props: bucketProps},
	{typ: "AWS::DynamoDB::Table", stateful: true, module: "aws-dynamodb", class: "Table", removal: "Retain", removalProp: true,
		ref: "tableName", attrs: []attrGetterOf{{"Arn", "tableArn"}, {"StreamArn", "tableStreamArn"}}, props: tableProps},
}

// l2For returns the L2 kind of a type, or nil.
func l2For(typ string) *l2Kind {
	for _, k := range l2Kinds {
		if k.typ == typ {
			return k
		}
	}
	return nil
}

// cfnClass is the expression of the construct's CfnResource.
func (k *l2Kind) child(name string) string {
	_, class, _ := l1(k.typ)
	return "(" + name + ".node.defaultChild as " + alias(k.module) + "." + class + ")"
}

// l2Builder collects the props of one L2 construct.
type l2Builder struct {
	w       *writer
	r       *ir.Resource
	schema  *cfn.Resource
	ind     int
	fields  []field
	pre     []string                    // statements written before the construct
	post    []func(child string) string // statements on the construct's CfnResource
	handled map[string]bool
}

func (b *l2Builder) get(key string) (ir.Value, bool) {
	v := b.r.Properties.Get(key)
	if v == nil {
		return nil, false
	}
	b.handled[key] = true
	return v, true
}

func (b *l2Builder) add(prop, value string) { b.fields = append(b.fields, field{prop, value}) }

// same writes property key as prop when the L2 prop has the L1 prop's
// shape (strings, numbers, and structs the L2 passes through as is).
func (b *l2Builder) same(prop, key string) bool {
	v, ok := b.get(key)
	if !ok {
		return true
	}
	p, has := b.schema.Property(key)
	if !has {
		return false
	}
	s, err := b.w.val(v, &p.Type, b.ind)
	if err != nil {
		return false
	}
	b.add(prop, s)
	return true
}

// flag writes a literal boolean property; absent is fine.
func (b *l2Builder) flag(prop, key string) bool {
	_, ok := b.flagValue(prop, key)
	return ok
}

// flagValue is flag that also returns the value written (false when
// absent); ok is false when the value is not a literal boolean.
func (b *l2Builder) flagValue(prop, key string) (x, ok bool) {
	v, has := b.get(key)
	if !has {
		return false, true
	}
	if x, ok = literalBool(v); !ok {
		return false, false
	}
	b.add(prop, strconv.FormatBool(x))
	return x, true
}

// seconds writes a literal whole number of seconds as a Duration.
func (b *l2Builder) seconds(prop, key string) bool {
	v, ok := b.get(key)
	if !ok {
		return true
	}
	n, ok := literalInt(v)
	if !ok || n < 0 {
		return false
	}
	b.add(prop, b.w.duration(n))
	return true
}

// keyOf returns the KMS key a property names by GetAtt Key.Arn as an
// expression of the type the prop wants: "ref" accepts any key (an
// IKeyRef), "l2" wants an IKey, "import" an IKey the construct may grant
// on without changing the key's policy (a key imported by its ARN).
func (b *l2Builder) keyOf(v ir.Value, want string) (string, bool) {
	g, ok := v.(ir.GetAtt)
	if !ok || g.Attr != "Arn" {
		return "", false
	}
	d := b.w.declared[g.Target]
	if d == nil || d.schema == nil || d.schema.Type != "AWS::KMS::Key" {
		return "", false
	}
	if want == "ref" || (want == "l2" && d.l2 != nil) {
		return d.name, true
	}
	// Imported by ARN: no resource, and grants leave the key policy alone.
	if name, ok := b.w.keyImports[g.Target]; ok {
		return name, true
	}
	arn := d.name + ".attrArn"
	if d.l2 != nil {
		arn = d.name + ".keyArn"
	}
	id := g.Target + "ByArn"
	for b.w.g.Resource(id) != nil || b.w.params[id] != nil || b.w.g.Conditions.Get(id) != nil {
		id += "Import"
	}
	name := b.w.variable(id)
	b.w.modules["aws-kms"] = true
	b.pre = append(b.pre, "const "+name+" = kms.Key.fromKeyArn(this, "+quote(id)+", "+arn+");")
	b.w.keyImports[g.Target] = name
	return name, true
}

func literalBool(v ir.Value) (bool, bool) {
	switch x := v.(type) {
	case ir.Bool:
		return bool(x), true
	case ir.String:
		return ir.AsBool(x)
	}
	return false, false
}

func literalInt(v ir.Value) (int64, bool) {
	var s string
	switch x := v.(type) {
	case ir.Number:
		s = string(x)
	case ir.String:
		s = string(x)
	default:
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n, err == nil
}

func literalString(v ir.Value) (string, bool) {
	s, ok := v.(ir.String)
	return string(s), ok
}

// duration writes seconds in the largest unit that keeps them whole.
func (w *writer) duration(n int64) string {
	w.use("Duration")
	for _, u := range []struct {
		name string
		secs int64
	}{{"days", 86400}, {"hours", 3600}, {"minutes", 60}} {
		if n > 0 && n%u.secs == 0 {
			return fmt.Sprintf("Duration.%s(%d)", u.name, n/u.secs)
		}
	}
	return fmt.Sprintf("Duration.seconds(%d)", n)
}

// retentionDays names aws-logs' RetentionDays members by their value;
// TestL2EnumsMatchCDK checks them against aws-cdk-lib.
var retentionDays = []struct {
	days int64
	name string
}{
	{1, "ONE_DAY"}, {3, "THREE_DAYS"}, {5, "FIVE_DAYS"}, {7, "ONE_WEEK"}, {14, "TWO_WEEKS"},
	{30, "ONE_MONTH"}, {60, "TWO_MONTHS"}, {90, "THREE_MONTHS"}, {120, "FOUR_MONTHS"},
	{150, "FIVE_MONTHS"}, {180, "SIX_MONTHS"}, {365, "ONE_YEAR"}, {400, "THIRTEEN_MONTHS"},
	{545, "EIGHTEEN_MONTHS"}, {731, "TWO_YEARS"}, {1096, "THREE_YEARS"}, {1827, "FIVE_YEARS"},
	{2192, "SIX_YEARS"}, {2557, "SEVEN_YEARS"}, {2922, "EIGHT_YEARS"}, {3288, "NINE_YEARS"},
	{3653, "TEN_YEARS"},
}

func logGroupProps(b *l2Builder) bool {
	if !b.same("logGroupName", "LogGroupName") {
		return false
	}
	if v, ok := b.get("KmsKeyId"); ok {
		k, ok := b.keyOf(v, "ref")
		if !ok {
			return false
		}
		b.add("encryptionKey", k)
	}
	// Without retention the L2 keeps logs two years; Hoist's template
	// without RetentionInDays keeps them forever.
	member := "INFINITE"
	if v, ok := b.get("RetentionInDays"); ok {
		n, ok := literalInt(v)
		if !ok {
			return false
		}
		member = ""
		for _, r := range retentionDays {
			if r.days == n {
				member = r.name
			}
		}
		if member == "" {
			return false
		}
	}
	b.add("retention", "logs.RetentionDays."+member)
	return true
}

func queueProps(b *l2Builder) bool {
	fifo, ok := b.flagValue("fifo", "FifoQueue")
	if !ok {
		return false
	}
	if v, ok := b.get("QueueName"); ok {
		// The L2 checks a literal name against fifo; a token it passes.
		if s, lit := literalString(v); lit && strings.HasSuffix(s, ".fifo") != fifo {
			return false
		}
		s, err := b.w.val(v, tString, b.ind)
		if err != nil {
			return false
		}
		b.add("queueName", s)
	}
	if dedup, ok := b.flagValue("contentBasedDeduplication", "ContentBasedDeduplication"); !ok || (dedup && !fifo) {
		return false
	}
	if v, ok := b.get("KmsMasterKeyId"); ok {
		k, ok := b.keyOf(v, "l2")
		if !ok {
			return false
		}
		b.add("encryption", "sqs.QueueEncryption.KMS")
		b.add("encryptionMasterKey", k)
		if !b.seconds("dataKeyReuse", "KmsDataKeyReusePeriodSeconds") {
			return false
		}
	}
	for _, p := range []struct{ prop, key string }{
		{"retentionPeriod", "MessageRetentionPeriod"},
		{"visibilityTimeout", "VisibilityTimeout"},
		{"deliveryDelay", "DelaySeconds"},
		{"receiveMessageWaitTime", "ReceiveMessageWaitTimeSeconds"},
	} {
		if !b.seconds(p.prop, p.key) {
			return false
		}
	}
	if v, ok := b.get("MaximumMessageSize"); ok {
		n, ok := literalInt(v)
		if !ok {
			return false
		}
		b.add("maxMessageSizeBytes", strconv.FormatInt(n, 10))
	}
	if v, ok := b.get("RedrivePolicy"); ok {
		m, ok := v.(*ir.Map)
		if !ok || m.Len() != 2 {
			return false
		}
		g, ok := m.Get("deadLetterTargetArn").(ir.GetAtt)
		if !ok || g.Attr != "Arn" {
			return false
		}
		d := b.w.declared[g.Target]
		if d == nil || d.l2 == nil || d.l2.typ != "AWS::SQS::Queue" {
			return false
		}
		n, ok := literalInt(m.Get("maxReceiveCount"))
		if !ok {
			return false
		}
		b.add("deadLetterQueue", object([]field{{"queue", d.name}, {"maxReceiveCount", strconv.FormatInt(n, 10)}}, b.ind))
	}
	return true
}

func topicProps(b *l2Builder) bool {
	fifo, ok := b.flagValue("fifo", "FifoTopic")
	if !ok {
		return false
	}
	if v, ok := b.get("TopicName"); ok {
		// A FIFO topic's name gets ".fifo" appended unless it visibly
		// ends so: only a literal name keeps it as written.
		if s, lit := literalString(v); fifo && (!lit || !strings.HasSuffix(s, ".fifo")) {
			return false
		}
		s, err := b.w.val(v, tString, b.ind)
		if err != nil {
			return false
		}
		b.add("topicName", s)
	} else if fifo {
		return false // the L2 would invent a name
	}
	if !b.same("displayName", "DisplayName") {
		return false
	}
	if dedup, ok := b.flagValue("contentBasedDeduplication", "ContentBasedDeduplication"); !ok || (dedup && !fifo) {
		return false
	}
	if v, ok := b.get("KmsMasterKeyId"); ok {
		k, ok := b.keyOf(v, "l2")
		if !ok {
			return false
		}
		b.add("masterKey", k)
	}
	return true
}

func repositoryProps(b *l2Builder) bool {
	if v, ok := b.get("RepositoryName"); ok {
		s, lit := literalString(v)
		if !lit || !validRepositoryName(s) {
			return false
		}
		b.add("repositoryName", quote(s))
	}
	if v, ok := b.get("ImageScanningConfiguration"); ok {
		m, ok := v.(*ir.Map)
		if !ok || m.Len() != 1 {
			return false
		}
		x, ok := literalBool(m.Get("ScanOnPush"))
		if !ok {
			return false
		}
		b.add("imageScanOnPush", strconv.FormatBool(x))
	}
	if v, ok := b.get("ImageTagMutability"); ok {
		s, lit := literalString(v)
		switch s {
		case "MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION":
		default:
			lit = false
		}
		if !lit {
			return false
		}
		b.add("imageTagMutability", "ecr.TagMutability."+s)
	}
	if v, ok := b.get("ImageTagMutabilityExclusionFilters"); ok {
		l, ok := v.(*ir.List)
		if !ok || len(l.Items) == 0 || len(l.Items) > 5 {
			return false
		}
		var items []string
		for _, it := range l.Items {
			m, ok := it.(*ir.Map)
			if !ok || m.Len() != 2 {
				return false
			}
			typ, ok1 := literalString(m.Get("ImageTagMutabilityExclusionFilterType"))
			val, ok2 := literalString(m.Get("ImageTagMutabilityExclusionFilterValue"))
			if !ok1 || !ok2 || typ != "WILDCARD" || val == "" || len(val) > 128 {
				return false
			}
			items = append(items, "ecr.ImageTagMutabilityExclusionFilter.wildcard("+quote(val)+")")
		}
		b.add("imageTagMutabilityExclusionFilters", array(items, b.ind))
	}
	if v, ok := b.get("EncryptionConfiguration"); ok {
		// AES256 is the L2's default, which it writes as no configuration.
		m, ok := v.(*ir.Map)
		if !ok {
			return false
		}
		typ, ok := literalString(m.Get("EncryptionType"))
		if !ok || typ != "KMS" || m.Len() > 2 || (m.Len() == 2 && m.Get("KmsKey") == nil) {
			return false
		}
		b.add("encryption", "ecr.RepositoryEncryption.KMS")
		if k := m.Get("KmsKey"); k != nil {
			name, ok := b.keyOf(k, "ref")
			if !ok {
				return false
			}
			b.add("encryptionKey", name)
		}
	}
	if v, ok := b.get("LifecyclePolicy"); ok {
		// The L2's lifecycleRules write the policy text with their own key
		// order; Hoist's text is kept byte for byte on the CfnRepository.
		m, ok := v.(*ir.Map)
		if !ok || m.Len() != 1 {
			return false
		}
		text, ok := literalString(m.Get("LifecyclePolicyText"))
		if !ok || !json.Valid([]byte(text)) {
			return false
		}
		b.post = append(b.post, func(c string) string {
			return c + ".addPropertyOverride('LifecyclePolicy.LifecyclePolicyText', " + quote(text) + ");"
		})
	}
	return true
}

// validRepositoryName is the check the ECR L2 makes on a literal name.
func validRepositoryName(s string) bool {
	if len(s) < 2 || len(s) > 256 {
		return false
	}
	for _, part := range strings.Split(s, "/") {
		if part == "" {
			return false
		}
		for i, c := range part {
			alnum := (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
			if !alnum && (i == 0 || i == len(part)-1 || !strings.ContainsRune("._-", c)) {
				return false
			}
		}
	}
	return true
}

func keyProps(b *l2Builder) bool {
	if !b.same("description", "Description") || !b.flag("enableKeyRotation", "EnableKeyRotation") || !b.flag("enabled", "Enabled") {
		return false
	}
	v, ok := b.get("KeyPolicy")
	if !ok || !policyRoundTrips(v) {
		// Without a policy the L2 writes a default one of its own.
		return false
	}
	s, err := b.w.val(v, nil, b.ind)
	if err != nil {
		return false
	}
	b.w.modules["aws-iam"] = true
	b.add("policy", "iam.PolicyDocument.fromJson("+s+")")
	return true
}

// policyRoundTrips says whether iam.PolicyDocument.fromJson(doc) renders
// doc unchanged: version 2012-10-17, statements of the known keys, and no
// one-element list (PolicyStatement writes those as the element alone).
func policyRoundTrips(v ir.Value) bool {
	doc, ok := v.(*ir.Map)
	if !ok || doc.Len() != 2 {
		return false
	}
	if s, ok := literalString(doc.Get("Version")); !ok || s != "2012-10-17" {
		return false
	}
	stmts, ok := doc.Get("Statement").(*ir.List)
	if !ok || len(stmts.Items) == 0 {
		return false
	}
	seen := map[string]bool{}
	for _, it := range stmts.Items {
		st, ok := it.(*ir.Map)
		if !ok {
			return false
		}
		key, _ := json.Marshal(ir.Plain(st))
		if seen[string(key)] {
			return false // duplicates are dropped
		}
		seen[string(key)] = true
		if e, ok := literalString(st.Get("Effect")); !ok || (e != "Allow" && e != "Deny") {
			return false
		}
		for _, e := range st.Entries {
			switch e.Key {
			case "Sid", "Effect", "Condition":
			case "Action", "NotAction", "Resource", "NotResource":
				if !listOK(e.Value) {
					return false
				}
			case "Principal", "NotPrincipal":
				m, ok := e.Value.(*ir.Map)
				if !ok || m.Len() == 0 {
					return false
				}
				for _, pe := range m.Entries {
					if !listOK(pe.Value) {
						return false
					}
				}
			default:
				return false
			}
		}
	}
	return true
}

// listOK: a scalar, or a list of two or more distinct scalars.
func listOK(v ir.Value) bool {
	l, ok := v.(*ir.List)
	if !ok {
		_, isMap := v.(*ir.Map)
		return !isMap
	}
	if len(l.Items) < 2 {
		return false
	}
	seen := map[string]bool{}
	for _, it := range l.Items {
		key, _ := json.Marshal(ir.Plain(it))
		if seen[string(key)] {
			return false
		}
		seen[string(key)] = true
	}
	return true
}

func secretProps(b *l2Builder) bool {
	// Without a generated string or a value the L2 writes an empty
	// GenerateSecretString; a secret Hoist leaves empty stays L1.
	if b.r.Properties.Get("GenerateSecretString") == nil || b.r.Properties.Get("SecretString") != nil {
		return false
	}
	g, _ := b.r.Properties.Get("GenerateSecretString").(*ir.Map)
	if g == nil || (g.Get("SecretStringTemplate") == nil) != (g.Get("GenerateStringKey") == nil) {
		return false
	}
	if !b.same("secretName", "Name") || !b.same("description", "Description") || !b.same("generateSecretString", "GenerateSecretString") {
		return false
	}
	if v, ok := b.get("KmsKeyId"); ok {
		// The L2 grants the key to Secrets Manager; on a key of this
		// stack that would add to its policy, so it gets the key by ARN.
		k, ok := b.keyOf(v, "import")
		if !ok {
			return false
		}
		b.add("encryptionKey", k)
	}
	return true
}

func tableProps(b *l2Builder) bool {
	if v, ok := b.get("BillingMode"); !ok || !isLiteral(v, "PAY_PER_REQUEST") {
		return false // provisioned tables keep their throughput on the L1
	}
	if !b.same("tableName", "TableName") {
		return false
	}
	// Key schema and attribute definitions, in the order the L2 writes
	// them: partition key, then sort key, each defined once.
	ks, ok1 := b.get("KeySchema")
	ad, ok2 := b.get("AttributeDefinitions")
	if !ok1 || !ok2 {
		return false
	}
	keys, _ := ks.(*ir.List)
	defs, _ := ad.(*ir.List)
	if keys == nil || defs == nil || len(keys.Items) == 0 || len(keys.Items) > 2 || len(defs.Items) != len(keys.Items) {
		return false
	}
	for i, it := range keys.Items {
		k, _ := it.(*ir.Map)
		d, _ := defs.Items[i].(*ir.Map)
		if k == nil || d == nil || k.Len() != 2 || d.Len() != 2 {
			return false
		}
		name, ok := literalString(k.Get("AttributeName"))
		if !ok || !isLiteral(d.Get("AttributeName"), name) {
			return false
		}
		want := []string{"HASH", "RANGE"}[i]
		if !isLiteral(k.Get("KeyType"), want) {
			return false
		}
		t, _ := literalString(d.Get("AttributeType"))
		member := map[string]string{"S": "STRING", "N": "NUMBER", "B": "BINARY"}[t]
		if member == "" {
			return false
		}
		prop := []string{"partitionKey", "sortKey"}[i]
		b.add(prop, "{ name: "+quote(name)+", type: dynamodb.AttributeType."+member+" }")
	}
	b.add("billingMode", "dynamodb.BillingMode.PAY_PER_REQUEST")
	if v, ok := b.get("SSESpecification"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 || !isLiteralBool(m.Get("SSEEnabled"), true) {
			return false
		}
		b.add("encryption", "dynamodb.TableEncryption.AWS_MANAGED")
	}
	if v, ok := b.get("PointInTimeRecoverySpecification"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 || m.Get("PointInTimeRecoveryEnabled") == nil {
			return false
		}
		x, ok := literalBool(m.Get("PointInTimeRecoveryEnabled"))
		if !ok {
			return false
		}
		b.add("pointInTimeRecoverySpecification", "{ pointInTimeRecoveryEnabled: "+strconv.FormatBool(x)+" }")
	}
	if v, ok := b.get("TimeToLiveSpecification"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 2 || !isLiteralBool(m.Get("Enabled"), true) {
			return false
		}
		name, ok := literalString(m.Get("AttributeName"))
		if !ok {
			return false
		}
		b.add("timeToLiveAttribute", quote(name))
	}
	if !b.flag("deletionProtection", "DeletionProtectionEnabled") {
		return false
	}
	return true
}

func isLiteral(v ir.Value, want string) bool {
	s, ok := literalString(v)
	return ok && s == want
}

func isLiteralBool(v ir.Value, want bool) bool {
	x, ok := literalBool(v)
	return ok && x == want
}

// removalPolicies are the RemovalPolicy members and the DeletionPolicy
// and UpdateReplacePolicy each sets (CfnResource.applyRemovalPolicy).
var removalPolicies = []struct{ member, deletion, replace string }{
	{"DESTROY", "Delete", "Delete"},
	{"RETAIN", "Retain", "Retain"},
	{"RETAIN_ON_UPDATE_OR_DELETE", "RetainExceptOnCreate", "Retain"},
}

// l2Resource writes r as an L2 construct; ok is false when r's
// properties cannot all be expressed exactly, and nothing is written.
func (w *writer) l2Resource(r *ir.Resource, k *l2Kind, name string) (lines []string, ok bool) {
	schema, known := cfn.Lookup(r.Type)
	if !known {
		return nil, false
	}
	if k.stateful && r.DeletionPolicy == "" {
		return nil, false
	}
	restore := w.snapshot()
	b := &l2Builder{w: w, r: r, schema: schema, ind: 1, handled: map[string]bool{}}
	if !k.props(b) {
		restore()
		return nil, false
	}
	if r.Properties != nil {
		for _, e := range r.Properties.Entries {
			if !b.handled[e.Key] {
				restore()
				return nil, false
			}
		}
	}
	// Removal policy: the prop when the IR's pair is one the construct
	// can set; otherwise the policies are set on the CfnResource.
	applied := struct{ deletion, replace string }{k.removal, k.removal}
	if k.removalProp {
		for _, p := range removalPolicies {
			if p.deletion == r.DeletionPolicy && p.replace == r.UpdateReplacePolicy {
				w.use("RemovalPolicy")
				b.add("removalPolicy", "RemovalPolicy."+p.member)
				applied.deletion, applied.replace = p.deletion, p.replace
			}
		}
	}
	var fix []func(string) string
	for _, p := range []struct{ attr, want, got string }{
		{"deletionPolicy", r.DeletionPolicy, applied.deletion},
		{"updateReplacePolicy", r.UpdateReplacePolicy, applied.replace},
	} {
		if p.want == p.got {
			continue
		}
		stmt := ".cfnOptions." + p.attr + " = undefined;"
		if p.want != "" {
			c, ok := deletionPolicies[p.want]
			if !ok {
				restore()
				return nil, false // reported by the L1 path
			}
			w.use("CfnDeletionPolicy")
			stmt = ".cfnOptions." + p.attr + " = CfnDeletionPolicy." + c + ";"
		}
		fix = append(fix, func(c string) string { return c + stmt })
	}
	w.modules[k.module] = true
	lines = append(lines, b.pre...)
	lines = append(lines, fmt.Sprintf("const %s = new %s.%s(this, %s, %s);", name, alias(k.module), k.class, quote(r.ID), object(b.fields, 0)))
	onChild := append([]func(string) string{func(c string) string { return c + ".overrideLogicalId(" + quote(r.ID) + ");" }}, b.post...)
	onChild = append(onChild, fix...)
	if r.Condition != "" {
		v := w.conds[r.Condition]
		if v == "" {
			restore()
			return nil, false // reported by the L1 path
		}
		onChild = append(onChild, func(c string) string { return c + ".cfnOptions.condition = " + v + ";" })
	}
	if r.Metadata.Len() > 0 {
		s, err := w.val(r.Metadata, nil, 0)
		if err != nil {
			restore()
			return nil, false
		}
		onChild = append(onChild, func(c string) string { return c + ".cfnOptions.metadata = " + s + ";" })
	}
	child := k.child(name)
	if len(onChild) > 1 {
		v := w.variable(r.ID + "Resource")
		lines = append(lines, "const "+v+" = "+strings.TrimSuffix(strings.TrimPrefix(child, "("), ")")+";")
		child = v
	}
	for _, f := range onChild {
		lines = append(lines, f(child))
	}
	return lines, true
}

// snapshot records the writer's name and import state; calling the
// returned function puts it back, undoing a half-written L2.
func (w *writer) snapshot() func() {
	cp := func(m map[string]bool) map[string]bool {
		out := make(map[string]bool, len(m))
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	core, modules, taken, used := cp(w.core), cp(w.modules), cp(w.taken), cp(w.used)
	imports := make(map[string]string, len(w.keyImports))
	for k, v := range w.keyImports {
		imports[k] = v
	}
	return func() { w.core, w.modules, w.taken, w.used, w.keyImports = core, modules, taken, used, imports }
}

func bucketProps(b *l2Builder) bool {
	if v, ok := b.get("BucketName"); ok {
		if s, lit := literalString(v); lit && !validBucketName(s) {
			return false
		}
		s, err := b.w.val(v, tString, b.ind)
		if err != nil {
			return false
		}
		b.add("bucketName", s)
	}
	if v, ok := b.get("BucketEncryption"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 {
			return false
		}
		l, _ := m.Get("ServerSideEncryptionConfiguration").(*ir.List)
		if l == nil || len(l.Items) != 1 {
			return false
		}
		rule, _ := l.Items[0].(*ir.Map)
		if rule == nil {
			return false
		}
		def, _ := rule.Get("ServerSideEncryptionByDefault").(*ir.Map)
		if def == nil || rule.Len() > 2 || (rule.Len() == 2 && rule.Get("BucketKeyEnabled") == nil) {
			return false
		}
		alg, _ := literalString(def.Get("SSEAlgorithm"))
		key := def.Get("KMSMasterKeyID")
		if def.Len() != map[bool]int{true: 2, false: 1}[key != nil] {
			return false
		}
		switch {
		case alg == "AES256" && key == nil:
			b.add("encryption", "s3.BucketEncryption.S3_MANAGED")
		case alg == "aws:kms" && key == nil:
			b.add("encryption", "s3.BucketEncryption.KMS_MANAGED")
		case alg == "aws:kms":
			k, ok := b.keyOf(key, "l2")
			if !ok {
				return false
			}
			b.add("encryption", "s3.BucketEncryption.KMS")
			b.add("encryptionKey", k)
		default:
			return false
		}
		if v := rule.Get("BucketKeyEnabled"); v != nil {
			x, ok := literalBool(v)
			if !ok {
				return false
			}
			b.add("bucketKeyEnabled", strconv.FormatBool(x))
		}
	}
	if v, ok := b.get("PublicAccessBlockConfiguration"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 4 {
			return false
		}
		for _, k := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
			if !isLiteralBool(m.Get(k), true) {
				return false
			}
		}
		b.add("blockPublicAccess", "s3.BlockPublicAccess.BLOCK_ALL")
	}
	if v, ok := b.get("OwnershipControls"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 {
			return false
		}
		l, _ := m.Get("Rules").(*ir.List)
		if l == nil || len(l.Items) != 1 {
			return false
		}
		rule, _ := l.Items[0].(*ir.Map)
		if rule == nil || rule.Len() != 1 {
			return false
		}
		o, _ := literalString(rule.Get("ObjectOwnership"))
		member := map[string]string{"BucketOwnerEnforced": "BUCKET_OWNER_ENFORCED", "BucketOwnerPreferred": "BUCKET_OWNER_PREFERRED", "ObjectWriter": "OBJECT_WRITER"}[o]
		if member == "" {
			return false
		}
		b.add("objectOwnership", "s3.ObjectOwnership."+member)
	}
	if v, ok := b.get("VersioningConfiguration"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 || !isLiteral(m.Get("Status"), "Enabled") {
			return false // Suspended has no L2 prop
		}
		b.add("versioned", "true")
	}
	if v, ok := b.get("LifecycleConfiguration"); ok {
		m, _ := v.(*ir.Map)
		if m == nil || m.Len() != 1 {
			return false
		}
		l, _ := m.Get("Rules").(*ir.List)
		if l == nil || len(l.Items) == 0 {
			return false
		}
		var rules []string
		for _, it := range l.Items {
			r, ok := b.bucketLifecycleRule(it, b.ind+1)
			if !ok {
				return false
			}
			rules = append(rules, r)
		}
		b.add("lifecycleRules", array(rules, b.ind))
	}
	return true
}

// bucketLifecycleRule writes one S3 lifecycle rule as an L2 LifecycleRule;
// ok is false for a rule with a field the mapping does not cover.
func (b *l2Builder) bucketLifecycleRule(v ir.Value, ind int) (string, bool) {
	m, _ := v.(*ir.Map)
	if m == nil {
		return "", false
	}
	var fields []field
	days := func(v ir.Value) (string, bool) {
		n, ok := literalInt(v)
		if !ok || n < 0 {
			return "", false
		}
		b.w.use("Duration")
		return fmt.Sprintf("Duration.days(%d)", n), true
	}
	actions := 0
	for _, e := range m.Entries {
		switch e.Key {
		case "Id", "Prefix":
			s, ok := literalString(e.Value)
			if !ok {
				return "", false
			}
			fields = append(fields, field{strings.ToLower(e.Key[:1]) + e.Key[1:], quote(s)})
		case "Status":
			s, _ := literalString(e.Value)
			switch s {
			case "Enabled":
			case "Disabled":
				fields = append(fields, field{"enabled", "false"})
			default:
				return "", false
			}
		case "AbortIncompleteMultipartUpload":
			a, _ := e.Value.(*ir.Map)
			if a == nil || a.Len() != 1 {
				return "", false
			}
			d, ok := days(a.Get("DaysAfterInitiation"))
			if !ok {
				return "", false
			}
			fields = append(fields, field{"abortIncompleteMultipartUploadAfter", d})
			actions++
		case "ExpirationInDays":
			d, ok := days(e.Value)
			if !ok {
				return "", false
			}
			fields = append(fields, field{"expiration", d})
			actions++
		case "NoncurrentVersionExpiration":
			a, _ := e.Value.(*ir.Map)
			if a == nil || a.Get("NoncurrentDays") == nil || a.Len() > 2 || (a.Len() == 2 && a.Get("NewerNoncurrentVersions") == nil) {
				return "", false
			}
			d, ok := days(a.Get("NoncurrentDays"))
			if !ok {
				return "", false
			}
			fields = append(fields, field{"noncurrentVersionExpiration", d})
			if n := a.Get("NewerNoncurrentVersions"); n != nil {
				k, ok := literalInt(n)
				if !ok {
					return "", false
				}
				fields = append(fields, field{"noncurrentVersionsToRetain", strconv.FormatInt(k, 10)})
			}
			actions++
		default:
			return "", false
		}
	}
	if m.Get("Status") == nil || actions == 0 {
		return "", false
	}
	return object(fields, ind), true
}

// validBucketName is the check the S3 L2 makes on a literal name, kept
// strict: a name it might reject stays on the L1.
func validBucketName(s string) bool {
	if len(s) < 3 || len(s) > 63 {
		return false
	}
	for i, c := range s {
		alnum := (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
		if !alnum && (c != '-' || i == 0 || i == len(s)-1) {
			return false
		}
	}
	return true
}
