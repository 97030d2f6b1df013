package expand

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// expandYAML parses, validates and expands an inline spec.
func expandYAML(t *testing.T, src string) (*Result, error) {
	t.Helper()
	doc, err := spec.Parse("hoist.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Fatalf("spec is invalid: %v", errs)
	}
	return Expand(doc.Spec)
}

// mustExpand is expandYAML for specs that must expand.
func mustExpand(t *testing.T, src string) *Result {
	t.Helper()
	res, err := expandYAML(t, src)
	if err != nil {
		t.Fatalf("expand: %v", err)
	}
	return res
}

// mustBuild runs every blueprint on an inline spec, as Expand does, and
// returns the builder so tests can read what blueprints registered.
func mustBuild(t *testing.T, src string) *builder {
	t.Helper()
	doc, err := spec.Parse("hoist.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if errs := doc.Validate(); len(errs) > 0 {
		t.Fatalf("spec is invalid: %v", errs)
	}
	s := spec.Clone(doc.Spec)
	spec.Defaults(s)
	b := newBuilder(s)
	for _, bp := range blueprints {
		if err := bp.expand(b); err != nil {
			t.Fatalf("%s: %v", bp.name(), err)
		}
	}
	return b
}

// accessOf returns what was registered for a name.
func accessOf(t *testing.T, b *builder, name string) *access {
	t.Helper()
	a := b.access[name]
	if a == nil {
		t.Fatalf("nothing registered access to %q", name)
	}
	return a
}

// prop returns a resource's property as plain JSON text.
func prop(t *testing.T, res *Result, id, path string) string {
	t.Helper()
	r := res.Graph.Resource(id)
	if r == nil {
		t.Fatalf("no resource %s", id)
	}
	return plainJSON(r.Prop(path))
}

func TestDatabaseName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"db", "db"},
		{"orders-db", "ordersdb"},
		{"postgres", "postgresdb"},
		{"mysql", "mysqldb"},
		{"a1-2", "a12"},
	} {
		if got := databaseName(tc.in); got != tc.want {
			t.Errorf("databaseName(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPerformanceInsights(t *testing.T) {
	for _, tc := range []struct {
		engine, class string
		want          bool
	}{
		{"postgres", "db.t4g.micro", true},
		{"mysql", "db.t4g.micro", false},
		{"mysql", "db.t3.small", false},
		{"mysql", "db.t4g.medium", true},
		{"mysql", "db.m7g.large", true},
		{"aurora-mysql", "db.t3.medium", false},
		{"aurora-mysql", "db.t4g.medium", true},
		{"aurora-mysql", "db.serverless", true},
		{"aurora-postgres", "db.t4g.medium", true},
	} {
		if got := performanceInsights(tc.engine, tc.class); got != tc.want {
			t.Errorf("performanceInsights(%s, %s): got %v, want %v", tc.engine, tc.class, got, tc.want)
		}
	}
}

func TestEngineVersions(t *testing.T) {
	for _, tc := range []struct {
		engine, version, want string
		fn                    func(string, string) string
	}{
		{"postgres", "17", "17", rdsVersion},
		{"postgres", "16.4", "16.4", rdsVersion},
		{"mysql", "8.4", "8.4.11", rdsVersion},
		{"mysql", "8.0", "8.0.46", rdsVersion},
		{"mysql", "8.0.39", "8.0.39", rdsVersion},
		{"aurora-postgres", "17", "17.4", auroraVersion},
		{"aurora-postgres", "16.6", "16.6", auroraVersion},
		{"aurora-mysql", "8.0", "8.0.mysql_aurora.3.08.2", auroraVersion},
		{"aurora-mysql", "8.0.39", "8.0.mysql_aurora.3.08.2", auroraVersion},
		{"redis", "7", "7.1", cacheVersion},
		{"redis", "6", "6.2", cacheVersion},
		{"redis", "7.0", "7.0", cacheVersion},
		{"valkey", "8", "8.0", cacheVersion},
		{"valkey", "7", "7.2", cacheVersion},
	} {
		if got := tc.fn(tc.engine, tc.version); got != tc.want {
			t.Errorf("version of %s %q: got %q, want %q", tc.engine, tc.version, got, tc.want)
		}
	}
}

func TestSecretKeyRoundTrip(t *testing.T) {
	for _, arn := range []ir.Value{
		ref("AppSecrets"),
		getAtt("DbInstance", "MasterUserSecret.SecretArn"),
		ir.String("arn:aws:secretsmanager:us-east-1:1:secret:x"),
	} {
		v := secretKey(arn, "password")
		gotArn, key, ok := splitSecretKey(v)
		if !ok || key != "password" || plainJSON(gotArn) != plainJSON(arn) {
			t.Errorf("splitSecretKey(secretKey(%s)): got %s %q %v, want %s \"password\" true", plainJSON(arn), plainJSON(gotArn), key, ok, plainJSON(arn))
		}
	}
	for _, v := range []ir.Value{
		ref("AppSecrets"),
		sub("${AppSecrets}"),
		sub("${AppSecrets}:a:b::"),
		sub("prefix${AppSecrets}:k::"),
		ir.Join{Sep: ",", Items: []ir.Value{ref("X"), ir.String(":k::")}},
		ir.String(":k::"),
	} {
		if _, _, ok := splitSecretKey(v); ok {
			t.Errorf("splitSecretKey(%s): got ok, want not a secret reference", plainJSON(v))
		}
	}
}

func FuzzSplitSecretKey(f *testing.F) {
	for _, s := range []string{"${A}:k::", "${A.B}:password::", "${", "${}::::", ":k::", "${A}:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, format string) {
		arn, key, ok := splitSecretKey(sub(format))
		if !ok {
			return
		}
		if again := plainJSON(secretKey(arn, key)); again != plainJSON(sub(format)) {
			t.Errorf("splitSecretKey(%q) gave %s and %q, which rebuild as %s", format, plainJSON(arn), key, again)
		}
	})
}

func TestDatabaseEnvPrefix(t *testing.T) {
	one := mustBuild(t, "version: 1\nname: app\ndatabases:\n  - name: main\n    engine: postgres\n")
	two := mustBuild(t, "version: 1\nname: app\ndatabases:\n  - name: main\n    engine: postgres\n  - name: audit-log\n    engine: mysql\n")
	for _, tc := range []struct {
		b        *builder
		what, db string
		port     int
		want     string
	}{
		{one, "one database", "main", 5432, "DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD"},
		{two, "two databases", "main", 5432, "MAIN_HOST MAIN_PORT MAIN_NAME MAIN_USER MAIN_PASSWORD"},
		{two, "two databases", "audit-log", 3306, "AUDIT_LOG_HOST AUDIT_LOG_PORT AUDIT_LOG_NAME AUDIT_LOG_USER AUDIT_LOG_PASSWORD"},
	} {
		a := accessOf(t, tc.b, tc.db)
		var names []string
		for _, v := range append(append([]NamedValue{}, a.Env...), a.Secrets...) {
			names = append(names, v.Name)
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("%s, %s: got names %q, want %q", tc.what, tc.db, got, tc.want)
		}
		if a.Port != tc.port || a.SecurityGroup != ID(tc.db, "SecurityGroup") {
			t.Errorf("%s, %s: got port %d and group %q, want %d and %q", tc.what, tc.db, a.Port, a.SecurityGroup, tc.port, ID(tc.db, "SecurityGroup"))
		}
	}
}

func TestAuroraShape(t *testing.T) {
	res := mustExpand(t, `version: 1
name: app
databases:
  - name: sv
    engine: aurora-postgres
    multi_az: true
  - name: prov
    engine: aurora-mysql
    size: db.r7g.large
`)
	for _, tc := range []struct{ id, path, want string }{
		{"SvCluster", "ServerlessV2ScalingConfiguration", `{"MaxCapacity":4,"MinCapacity":0.5}`},
		{"SvWriter", "DBInstanceClass", `"db.serverless"`},
		{"SvReader", "DBInstanceClass", `"db.serverless"`},
		{"SvReader", "PromotionTier", `1`},
		{"ProvCluster", "ServerlessV2ScalingConfiguration", `null`},
		{"ProvWriter", "DBInstanceClass", `"db.r7g.large"`},
		{"ProvCluster", "EngineVersion", `"8.0.mysql_aurora.3.08.2"`},
		{"SvCluster", "ManageMasterUserPassword", `true`},
		{"SvCluster", "StorageEncrypted", `true`},
	} {
		if got := prop(t, res, tc.id, tc.path); got != tc.want {
			t.Errorf("%s.%s: got %s, want %s", tc.id, tc.path, got, tc.want)
		}
	}
	if res.Graph.Resource("ProvReader") != nil {
		t.Error("prov (multi_az unset): got a reader instance, want none")
	}
	if r := res.Graph.Resource("SvCluster"); r.DeletionPolicy != "Snapshot" {
		t.Errorf("SvCluster DeletionPolicy: got %q, want Snapshot", r.DeletionPolicy)
	}
}
