package expand

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// databaseBlueprint builds each relational database: RDS for PostgreSQL or
// MySQL (one AWS::RDS::DBInstance), or Aurora (an AWS::RDS::DBCluster with a
// writer instance, Serverless v2 unless an instance class is given, plus a
// reader in another zone when multi_az is set). Every database lives in the
// private subnets behind its own security group, which admits nobody until a
// consumer is admitted on the engine's port. Storage is encrypted with the
// AWS-managed RDS key; the master password is generated and rotated by RDS
// in Secrets Manager (ManageMasterUserPassword), so no password ever appears
// in the template. Backups are kept 7 days, deletion is protected, IAM
// authentication is on, and a final snapshot is taken on delete or
// replacement.
//
// Consumers get DB_HOST, DB_PORT and DB_NAME as environment variables and
// DB_USER and DB_PASSWORD as secrets read from the managed secret's JSON
// keys. With more than one database in the spec the prefix is the
// database's upper-cased name instead of DB (ORDERS_HOST, ...), so that two
// databases never collide in one consumer.
type databaseBlueprint struct{}

func (databaseBlueprint) name() string { return "databases" }

// Database settings every engine shares.
const (
	// backupRetentionDays is the automated backup window (NIST CP-9); 7 is
	// the least policy checkers accept.
	backupRetentionDays = 7
	// masterUsername is the database's administrator login. Letters only,
	// which every engine accepts; the password lives in Secrets Manager.
	masterUsername = "appadmin"
	// Aurora Serverless v2 capacity range in ACUs (1 ACU is about 2 GiB).
	serverlessMinACU = 0.5
	serverlessMaxACU = 4
)

// engineInfo is what differs between database engines.
type engineInfo struct {
	engine string // the RDS Engine value
	port   int
	aurora bool
	logs   []string // CloudWatch log exports
}

var engines = map[string]engineInfo{
	"postgres":        {engine: "postgres", port: 5432, logs: []string{"postgresql", "upgrade"}},
	"mysql":           {engine: "mysql", port: 3306, logs: []string{"error", "general", "slowquery"}},
	"aurora-postgres": {engine: "aurora-postgresql", port: 5432, aurora: true, logs: []string{"postgresql"}},
	"aurora-mysql":    {engine: "aurora-mysql", port: 3306, aurora: true, logs: []string{"audit", "error", "general", "slowquery"}},
}

func (databaseBlueprint) expand(b *builder) error {
	for i, db := range b.spec.Databases {
		eng, ok := engines[db.Engine]
		if !ok {
			return fmt.Errorf("databases[%d] (%s): unknown engine %q", i, db.Name, db.Engine)
		}
		if b.net == nil {
			return fmt.Errorf("databases[%d] (%s): no network was built", i, db.Name)
		}
		o := origin("databases", i, db.Name)
		subnets := ID(db.Name, "SubnetGroup")
		b.add(subnets, "AWS::RDS::DBSubnetGroup", o, ir.M(
			"DBSubnetGroupDescription", fmt.Sprintf("Private subnets of the %s database", db.Name),
			"SubnetIds", refs(b.net.PrivateSubnets...),
		))
		sg := b.securityGroup(ID(db.Name, "SecurityGroup"), o,
			fmt.Sprintf("%s database: admits only the services and functions that depend on it", db.Name), noEgress())

		var endpoint string
		if eng.aurora {
			endpoint = b.auroraCluster(db, eng, o, subnets, sg)
		} else {
			endpoint = b.rdsInstance(db, eng, o, subnets, sg)
		}

		prefix := "DB"
		if len(b.spec.Databases) > 1 {
			prefix = envName(db.Name)
		}
		secret := getAtt(endpoint, "MasterUserSecret.SecretArn")
		b.access[db.Name] = &access{
			SecurityGroup: sg,
			Port:          eng.port,
			Env: []NamedValue{
				{prefix + "_HOST", getAtt(endpoint, "Endpoint.Address")},
				{prefix + "_PORT", ir.String(fmt.Sprint(eng.port))},
				{prefix + "_NAME", ir.String(databaseName(db.Name))},
			},
			Secrets: []NamedValue{
				{prefix + "_USER", secretKey(secret, "username")},
				{prefix + "_PASSWORD", secretKey(secret, "password")},
			},
			// The managed secret is encrypted with the AWS-managed Secrets
			// Manager key, so reading it needs no KMS grant.
			Statements: []Statement{{
				Actions:   []string{"secretsmanager:GetSecretValue"},
				Resources: []ir.Value{secret},
			}},
		}
		b.output(ID(db.Name, "Endpoint"), fmt.Sprintf("Host name of the %s database", db.Name), getAtt(endpoint, "Endpoint.Address"))
		b.output(ID(db.Name, "SecretArn"), fmt.Sprintf("Secrets Manager secret holding the %s database's master user name and password", db.Name), secret)
	}
	return nil
}

// rdsInstance adds a single RDS instance and returns its logical ID.
func (b *builder) rdsInstance(db spec.Database, eng engineInfo, o, subnets, sg string) string {
	id := ID(db.Name, "Instance")
	props := ir.M(
		"Engine", eng.engine,
		"EngineVersion", rdsVersion(db.Engine, db.Version),
		"DBInstanceClass", db.Size,
		"AllocatedStorage", fmt.Sprint(db.StorageGB),
		"StorageType", "gp3",
		"StorageEncrypted", true,
		"MultiAZ", db.MultiAZ,
		"DBName", databaseName(db.Name),
		"MasterUsername", masterUsername,
		"ManageMasterUserPassword", true,
		"DBSubnetGroupName", ref(subnets),
		"VPCSecurityGroups", refs(sg),
		"PubliclyAccessible", false,
		"BackupRetentionPeriod", backupRetentionDays,
		"DeletionProtection", true,
		"EnableIAMDatabaseAuthentication", true,
		"CopyTagsToSnapshot", true,
		"AutoMinorVersionUpgrade", true,
		"EnableCloudwatchLogsExports", ir.Strings(eng.logs...),
	)
	if performanceInsights(db.Engine, db.Size) {
		props.Set("EnablePerformanceInsights", ir.Bool(true))
		props.Set("PerformanceInsightsRetentionPeriod", ir.Int(7))
	}
	r := b.add(id, "AWS::RDS::DBInstance", o, props)
	az := "one availability zone"
	if db.MultiAZ {
		az = "a standby in a second zone"
	}
	r.Comment = fmt.Sprintf("%s: RDS %s %s on %s, %d GiB gp3, %s; password managed in Secrets Manager.", db.Name, db.Engine, rdsVersion(db.Engine, db.Version), db.Size, db.StorageGB, az)
	r.DeletionPolicy, r.UpdateReplacePolicy = "Snapshot", "Snapshot"
	return id
}

// auroraCluster adds an Aurora cluster with a writer (and, for multi_az, a
// reader in another zone) and returns the cluster's logical ID.
func (b *builder) auroraCluster(db spec.Database, eng engineInfo, o, subnets, sg string) string {
	id := ID(db.Name, "Cluster")
	serverless := db.Size == "serverless"
	props := ir.M(
		"Engine", eng.engine,
		"EngineVersion", auroraVersion(db.Engine, db.Version),
		"DatabaseName", databaseName(db.Name),
		"MasterUsername", masterUsername,
		"ManageMasterUserPassword", true,
		"DBSubnetGroupName", ref(subnets),
		"VpcSecurityGroupIds", refs(sg),
		"StorageEncrypted", true,
		"BackupRetentionPeriod", backupRetentionDays,
		"DeletionProtection", true,
		"EnableIAMDatabaseAuthentication", true,
		"CopyTagsToSnapshot", true,
		"AutoMinorVersionUpgrade", true,
		"EnableCloudwatchLogsExports", ir.Strings(eng.logs...),
	)
	if serverless {
		props.Set("ServerlessV2ScalingConfiguration", ir.M("MinCapacity", serverlessMinACU, "MaxCapacity", serverlessMaxACU))
	}
	c := b.add(id, "AWS::RDS::DBCluster", o, props)
	class := db.Size
	shape := "on " + db.Size
	if serverless {
		class = "db.serverless"
		shape = fmt.Sprintf("Serverless v2 (%g-%d ACU)", serverlessMinACU, serverlessMaxACU)
	}
	readers := ""
	if db.MultiAZ {
		readers = ", with a reader in a second zone to fail over to"
	}
	c.Comment = fmt.Sprintf("%s: Aurora %s %s, %s%s; password managed in Secrets Manager.", db.Name, strings.TrimPrefix(db.Engine, "aurora-"), auroraVersion(db.Engine, db.Version), shape, readers)
	c.DeletionPolicy, c.UpdateReplacePolicy = "Snapshot", "Snapshot"

	instances := []string{"Writer"}
	if db.MultiAZ {
		instances = append(instances, "Reader")
	}
	for n, role := range instances {
		ip := ir.M(
			"DBClusterIdentifier", ref(id),
			"Engine", eng.engine,
			"DBInstanceClass", class,
			"DBSubnetGroupName", ref(subnets),
			"PubliclyAccessible", false,
			"AutoMinorVersionUpgrade", true,
			// The writer fails over to the reader with the lowest tier.
			"PromotionTier", n,
		)
		if performanceInsights(db.Engine, class) {
			ip.Set("EnablePerformanceInsights", ir.Bool(true))
			ip.Set("PerformanceInsightsRetentionPeriod", ir.Int(7))
		}
		inst := b.add(ID(db.Name, role), "AWS::RDS::DBInstance", o, ip)
		// Instances of a cluster hold no data of their own: the cluster's
		// snapshot policy covers them.
		inst.DeletionPolicy, inst.UpdateReplacePolicy = "Delete", "Delete"
		inst.Comment = fmt.Sprintf("%s: the cluster's %s instance.", db.Name, strings.ToLower(role))
	}
	return id
}

// rdsVersions pins MySQL series to a release. RDS for PostgreSQL takes a
// major version ("17") and picks its default minor; RDS for MySQL's
// published version list (which CloudFormation's validator checks) has
// full versions only, so "8.4" becomes the newest 8.4 release known in
// 2026-11. AutoMinorVersionUpgrade keeps either current afterwards.
var rdsVersions = map[string]string{
	"mysql/8.0": "8.0.46",
	"mysql/8.4": "8.4.11",
}

// rdsVersion turns the spec's version into an RDS EngineVersion.
func rdsVersion(engine, version string) string {
	if v, ok := rdsVersions[engine+"/"+version]; ok {
		return v
	}
	return version
}

// auroraVersions maps a major version (what hoist.yaml usually says) to a
// concrete Aurora engine version: unlike RDS, CreateDBCluster wants a full
// version. Aurora MySQL 8.0 is Aurora MySQL 3, whose versions read
// "8.0.mysql_aurora.3.xx.y"; 3.08 is a long-term-support release.
var auroraVersions = map[string]string{
	"aurora-postgres/13": "13.20",
	"aurora-postgres/14": "14.17",
	"aurora-postgres/15": "15.12",
	"aurora-postgres/16": "16.8",
	"aurora-postgres/17": "17.4",
	"aurora-mysql/8.0":   "8.0.mysql_aurora.3.08.2",
}

// auroraVersion turns the spec's version into an Aurora EngineVersion: a
// major version (or MySQL major.minor) becomes the pinned release above; a
// full version is passed through. Minor upgrades then come from
// AutoMinorVersionUpgrade.
func auroraVersion(engine, version string) string {
	if v, ok := auroraVersions[engine+"/"+version]; ok {
		return v
	}
	if engine == "aurora-mysql" && strings.HasPrefix(version, "8.0.") && !strings.Contains(version, "mysql_aurora") {
		// "8.0.39" names a MySQL version; Aurora releases are named by
		// their own numbering, so use the pinned Aurora MySQL 3 release.
		return auroraVersions["aurora-mysql/8.0"]
	}
	return version
}

// performanceInsights reports whether Performance Insights (Database
// Insights standard mode, 7 days free) is available for an engine on an
// instance class: MySQL engines do not support the burstable micro and
// small classes (and Aurora MySQL no db.t2/db.t3 at all); PostgreSQL
// engines and Aurora Serverless v2 support every class.
func performanceInsights(engine, class string) bool {
	if !strings.Contains(engine, "mysql") {
		return true
	}
	parts := strings.Split(class, ".")
	if len(parts) != 3 {
		return true // db.serverless
	}
	family, size := parts[1], parts[2]
	if strings.HasPrefix(engine, "aurora-") && (family == "t2" || family == "t3") {
		return false
	}
	if family == "t2" || family == "t3" || family == "t4g" {
		return size != "micro" && size != "small"
	}
	return true
}

// reservedDatabaseNames are names an engine keeps for itself.
var reservedDatabaseNames = map[string]bool{
	"postgres": true, "template0": true, "template1": true, "rdsadmin": true,
	"mysql": true, "sys": true, "information_schema": true, "performance_schema": true,
}

// databaseName is the initial database's name: the spec name without its
// dashes (engines accept letters and digits, starting with a letter), with
// "db" appended when that collides with a name the engine reserves.
func databaseName(name string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
		}
	}
	n := sb.String()
	if n == "" || n[0] < 'a' || n[0] > 'z' {
		n = "db" + n
	}
	if reservedDatabaseNames[n] {
		n += "db"
	}
	return n
}

// envName turns a spec name into an environment variable prefix:
// "order-events" is ORDER_EVENTS.
func envName(name string) string {
	return strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
}

// secretKey is a secret reference as ECS expects it: the secret's ARN
// followed by ":<json-key>::" to read one key of a JSON secret. It is a Sub
// when the ARN is a Ref or GetAtt (as it always is here), a Join otherwise.
func secretKey(secretArn ir.Value, key string) ir.Value {
	suffix := ":" + key + "::"
	switch a := secretArn.(type) {
	case ir.Ref:
		return sub("${" + a.Target + "}" + suffix)
	case ir.GetAtt:
		return sub("${" + a.Target + "." + a.Attr + "}" + suffix)
	}
	return ir.Join{Sep: "", Items: []ir.Value{secretArn, ir.String(suffix)}}
}

// splitSecretKey undoes secretKey: the ARN and JSON key of a secret
// reference, or ok false when v is not one.
func splitSecretKey(v ir.Value) (arn ir.Value, key string, ok bool) {
	var rest string
	switch x := v.(type) {
	case ir.Sub:
		if x.Vars != nil && x.Vars.Len() > 0 || !strings.HasPrefix(x.Format, "${") {
			return nil, "", false
		}
		end := strings.Index(x.Format, "}")
		if end < 0 {
			return nil, "", false
		}
		name := x.Format[2:end]
		if target, attr, hasAttr := strings.Cut(name, "."); hasAttr {
			arn = getAtt(target, attr)
		} else {
			arn = ref(name)
		}
		rest = x.Format[end+1:]
	case ir.Join:
		if x.Sep != "" || len(x.Items) != 2 {
			return nil, "", false
		}
		s, isString := x.Items[1].(ir.String)
		if !isString {
			return nil, "", false
		}
		arn, rest = x.Items[0], string(s)
	default:
		return nil, "", false
	}
	if !strings.HasPrefix(rest, ":") || !strings.HasSuffix(rest, "::") || len(rest) < 4 {
		return nil, "", false
	}
	key = rest[1 : len(rest)-2]
	if strings.Contains(key, ":") {
		return nil, "", false
	}
	return arn, key, true
}

// noEgress is an egress list that allows nothing. A security group with no
// egress rules gets AWS's allow-all rule; this one rule (to a broadcast
// address, with an impossible ICMP range) replaces it, so a data store
// cannot open connections of its own.
func noEgress() *ir.List {
	return ir.Values(ir.M(
		"IpProtocol", "icmp", "FromPort", 252, "ToPort", 86,
		"CidrIp", "255.255.255.255/32",
		"Description", "Disallow all outbound traffic",
	))
}
