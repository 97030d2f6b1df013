package awsrules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// groupBPrefixes are the ID prefixes of the group B rules.
var groupBPrefixes = []string{
	"CF", "ECR", "CB", "KMS", "LOGS", "CW", "SM", "LAMBDA", "APIGW", "DDB", "SQS", "SNS", "EC2", "VPC", "EC",
}

// groupB returns the group B rules in registry order.
func groupB() []rule.AWS {
	var out []rule.AWS
	for _, r := range Rules() {
		parts := strings.Split(r.ID, "-")
		if len(parts) == 3 && slices.Contains(groupBPrefixes, parts[1]) {
			out = append(out, r)
		}
	}
	return out
}

// TestGroupBMetadata checks what TestRegistry does not: IDs are in order
// within each service, every cited NIST control is classified, the
// FedRAMP baselines are the ones those controls imply, Config rule
// identifiers look like AWS's, and CIS ids look like v3.0's.
func TestGroupBMetadata(t *testing.T) {
	rules := groupB()
	if len(rules) < 40 {
		t.Fatalf("got %d group B rules, want at least 40", len(rules))
	}
	configRe := regexp.MustCompile(`^[A-Z0-9_]+$`)
	cisRe := regexp.MustCompile(`^\d+(\.\d+)+$`)
	last := map[string]string{}
	for _, r := range rules {
		svc := strings.Split(r.ID, "-")[1]
		if prev, ok := last[svc]; ok && prev >= r.ID {
			t.Errorf("%s comes after %s: IDs of a service must be in order", r.ID, prev)
		}
		last[svc] = r.ID
		for _, n := range r.NIST {
			if !knownControl(n) {
				t.Errorf("%s: NIST control %s has no FedRAMP classification in helpers_b.go", r.ID, n)
			}
		}
		if want := baselines(r.NIST...); !slices.Equal(r.FedRAMP, want) || len(want) == 0 {
			t.Errorf("%s: FedRAMP %v, want %v (non-empty)", r.ID, r.FedRAMP, want)
		}
		if r.ConfigRule != "" && !configRe.MatchString(r.ConfigRule) {
			t.Errorf("%s: Config rule %q is not an identifier", r.ID, r.ConfigRule)
		}
		for _, c := range r.CIS {
			if !cisRe.MatchString(c) {
				t.Errorf("%s: CIS id %q", r.ID, c)
			}
		}
		if r.Severity < rule.Low || r.Severity > rule.Critical {
			t.Errorf("%s: severity %v", r.ID, r.Severity)
		}
	}
}

// TestBaselines checks the FedRAMP derivation.
func TestBaselines(t *testing.T) {
	tests := []struct {
		nist []string
		want []string
	}{
		{[]string{"SC-28"}, []string{"moderate"}},
		{[]string{"SC-28", "SC-13"}, []string{"low", "moderate"}},
		{[]string{"AC-4(21)"}, nil},
		{[]string{"unknown"}, nil},
	}
	for _, tt := range tests {
		if got := baselines(tt.nist...); !slices.Equal(got, tt.want) {
			t.Errorf("baselines(%v) = %v, want %v", tt.nist, got, tt.want)
		}
	}
}

// TestSecretNames checks which variable names count as secret-looking.
func TestSecretNames(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"DB_PASSWORD", true},
		{"GITHUB_TOKEN", true},
		{"STRIPE_SECRET_KEY", true},
		{"API_KEY", true},
		{"apiKey", true},
		{"AWS_ACCESS_KEY_ID", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"PRIVATE_KEY", true},
		{"SIGNING_KEY", true},
		{"KMS_KEY_ID", false},
		{"KMS_KEY_ARN", false},
		{"PUBLIC_KEY", false},
		{"SECRET_ARN", false},
		{"DB_PASSWORD_SECRET_NAME", false},
		{"TOKEN_URL", false},
		{"CACHE_KEY_PREFIX", false},
		{"TABLE_NAME", false},
		{"MONKEY", false},
	}
	for _, tt := range tests {
		if got := looksSecretName(tt.name); got != tt.want {
			t.Errorf("looksSecretName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSecretValues checks which literal values could be secrets.
func TestSecretValues(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		{"hunter2", true},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", true},
		{"", false},
		{"   ", false},
		{"arn:aws:secretsmanager:us-east-1:111122223333:secret:x", false},
		{"/app/db/password", false},
		{"{{resolve:secretsmanager:db:SecretString:password}}", false},
		{"true", false},
		{"30", false},
	}
	for _, tt := range tests {
		if got := looksSecretValue(tt.value); got != tt.want {
			t.Errorf("looksSecretValue(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

// TestRestricted checks which conditions pin a wildcard principal.
func TestRestricted(t *testing.T) {
	stmt := func(cond ir.Value) statement {
		m := ir.M("Effect", "Allow", "Principal", "*", "Action", "sqs:SendMessage")
		if cond != nil {
			m.Set("Condition", cond)
		}
		return statement{m: m}
	}
	tests := []struct {
		name string
		cond ir.Value
		want bool
	}{
		{"none", nil, false},
		{"source arn", ir.M("ArnEquals", ir.M("aws:SourceArn", "arn:aws:sns:us-east-1:1:t")), true},
		{"org, any case", ir.M("StringEquals", ir.M("AWS:PrincipalOrgID", "o-1")), true},
		{"transport only", ir.M("Bool", ir.M("aws:SecureTransport", "true")), false},
		{"unresolved", ir.Call{Fn: "Fn::If", Args: ir.Strings("c", "a", "b")}, true},
	}
	for _, tt := range tests {
		if got := restricted(stmt(tt.cond)); got != tt.want {
			t.Errorf("%s: restricted = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestNamesSecret checks the pointer-to-a-secret patterns.
func TestNamesSecret(t *testing.T) {
	tests := []struct {
		name, value string
		siblings    []string
		want        bool
	}{
		{"DB_PASSWORD_SECRET_KEY", "password", []string{"DB_PASSWORD_SECRET_ARN", "DB_PASSWORD_SECRET_KEY"}, true},
		{"STRIPE_WEBHOOK_SECRET_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", nil, true},
		{"TOKEN_SECRET_KEY", "TOKEN", nil, true},
		{"STRIPE_SECRET_KEY", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", []string{"STRIPE_SECRET_KEY"}, false},
		{"AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", nil, false},
		{"DB_PASSWORD", "password", []string{"DB_PASSWORD_ARN"}, false},
	}
	for _, tt := range tests {
		if got := namesSecret(tt.name, tt.value, tt.siblings); got != tt.want {
			t.Errorf("namesSecret(%q, %q) = %v, want %v", tt.name, tt.value, got, tt.want)
		}
	}
}

// FuzzGroupBRules imports a CloudFormation template (seeded with every
// group B fixture) and runs every group B rule over it, in and out of
// production: whatever shape the properties take, a check must not
// panic, and every violation must carry a message.
func FuzzGroupBRules(f *testing.F) {
	for _, r := range groupB() {
		for _, kind := range []string{"fail.yaml", "pass.yaml"} {
			data, err := os.ReadFile(filepath.Join("testdata", r.ID, kind))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	rules := groupB()
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := cloudformation.Import("fuzz.yaml", data, cloudformation.Options{})
		if err != nil || g == nil {
			return
		}
		for _, prod := range []bool{false, true} {
			c := rule.NewContext(g, prod)
			for _, r := range rules {
				for _, res := range g.Resources {
					if !slices.Contains(r.Types, res.Type) {
						continue
					}
					for _, v := range r.Check(c, res) {
						if v.Message == "" {
							t.Errorf("%s on %s: violation without a message", r.ID, res.ID)
						}
					}
				}
			}
		}
	})
}

// TestGroupBOddShapes runs every group B rule over resources whose
// properties are missing, empty, or unresolved intrinsics where maps and
// lists are expected: none may panic or report a finding about a value
// it cannot read, except for properties that are absent.
func TestGroupBOddShapes(t *testing.T) {
	call := ir.Call{Fn: "Fn::If", Args: ir.Strings("IsProd", "a", "b")}
	for _, r := range groupB() {
		for _, typ := range r.Types {
			g := &ir.Graph{}
			nilProps := g.MustAdd(&ir.Resource{ID: "NilProps", Type: typ})
			unresolved := &ir.Map{}
			for _, k := range []string{
				"DistributionConfig", "ImageScanningConfiguration", "ImageTagMutability", "EncryptionConfiguration", "LifecyclePolicy",
				"Environment", "LogsConfig", "Artifacts", "SecondaryArtifacts", "KeyPolicy", "EnableKeyRotation", "RetentionInDays",
				"KmsKeyId", "AlarmActions", "ActionsEnabled", "SecretString", "AuthType", "Runtime", "TracingConfig", "DeadLetterConfig",
				"ReservedConcurrentExecutions", "VpcConfig", "AuthorizationType", "HttpMethod", "AccessLogSetting", "AccessLogSettings",
				"RouteKey", "ApiId", "SecurityPolicy", "DomainNameConfigurations", "MethodSettings", "RestApiId",
				"PointInTimeRecoverySpecification", "Replicas", "SSESpecification", "DeletionProtectionEnabled", "KmsMasterKeyId",
				"SqsManagedSseEnabled", "PolicyDocument", "MetadataOptions", "LaunchTemplateData", "LaunchTemplate", "Encrypted",
				"BlockDeviceMappings", "NetworkInterfaces", "SubnetId", "AssociatePublicIpAddress", "Monitoring", "MapPublicIpOnLaunch",
				"AtRestEncryptionEnabled", "TransitEncryptionEnabled", "AuthToken", "UserGroupIds", "AutomaticFailoverEnabled",
				"SnapshotRetentionLimit", "Engine", "Tags",
			} {
				unresolved.Set(k, call)
			}
			odd := g.MustAdd(&ir.Resource{ID: "Unresolved", Type: typ, Properties: unresolved})
			for _, prod := range []bool{false, true} {
				c := rule.NewContext(g, prod)
				r.Check(c, nilProps)
				for _, v := range r.Check(c, odd) {
					if v.Path != "" {
						t.Errorf("%s: reported %q at %s, whose value is an unresolved intrinsic", r.ID, v.Message, v.Path)
					}
				}
			}
		}
	}
}
