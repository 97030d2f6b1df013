package expand

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// cacheBlueprint builds each cache as an ElastiCache replication group
// (Redis OSS or Valkey) in the private subnets behind its own security
// group, encrypted at rest and in transit. Clients authenticate with an
// AUTH token that Secrets Manager generates: the replication group reads it
// through a dynamic reference at deploy time, and consumers get it as the
// secret <NAME>_AUTH_TOKEN, so no token is ever written in the template.
//
// A cache is one node unless the spec's environment is production (named
// "prod" or "production"): then it gets a replica in a second zone with
// automatic failover, which doubles its price. Snapshots are kept 7 days,
// and slow queries are logged to an encrypted log group.
type cacheBlueprint struct{}

func (cacheBlueprint) name() string { return "caches" }

const cachePort = 6379

func (cacheBlueprint) expand(b *builder) error {
	for i, c := range b.spec.Caches {
		if b.net == nil {
			return fmt.Errorf("caches[%d] (%s): no network was built", i, c.Name)
		}
		o := origin("caches", i, c.Name)
		subnets := ID(c.Name, "SubnetGroup")
		b.add(subnets, "AWS::ElastiCache::SubnetGroup", o, ir.M(
			"Description", fmt.Sprintf("Private subnets of the %s cache", c.Name),
			"SubnetIds", refs(b.net.PrivateSubnets...),
		))
		sg := b.securityGroup(ID(c.Name, "SecurityGroup"), o,
			fmt.Sprintf("%s cache: admits only the services and functions that depend on it", c.Name), noEgress())

		token := ID(c.Name, "AuthToken")
		t := b.add(token, "AWS::SecretsManager::Secret", o, ir.M(
			"Description", sub(fmt.Sprintf("${AWS::StackName}: AUTH token of the %s cache", c.Name)),
			"KmsKeyId", getAtt(b.key, "Arn"),
			"GenerateSecretString", ir.M(
				"SecretStringTemplate", "{}",
				"GenerateStringKey", "token",
				// ElastiCache tokens are 16-128 printable characters
				// without / " or @; letters and digits avoid them all.
				"PasswordLength", 64,
				"ExcludePunctuation", true,
			),
		))

		// The token lives as long as the cache: a restored snapshot gets a
		// new replication group, and with it a new token.
		t.DeletionPolicy, t.UpdateReplacePolicy = "Delete", "Delete"
		logs := b.logGroup(ID(c.Name, "SlowLogGroup"), o, nil)
		ha := highAvailability(b.spec.Environment)
		nodes := 1
		if ha {
			nodes = 2
		}
		id := ID(c.Name, "ReplicationGroup")
		r := b.add(id, "AWS::ElastiCache::ReplicationGroup", o, ir.M(
			"ReplicationGroupDescription", fmt.Sprintf("%s: %s cache", b.spec.Name, c.Name),
			"Engine", c.Engine,
			"EngineVersion", cacheVersion(c.Engine, c.Version),
			"CacheNodeType", c.Size,
			"NumCacheClusters", nodes,
			"AutomaticFailoverEnabled", ha,
			"MultiAZEnabled", ha,
			"CacheSubnetGroupName", ref(subnets),
			"SecurityGroupIds", refs(sg),
			"Port", cachePort,
			"AtRestEncryptionEnabled", true,
			"TransitEncryptionEnabled", true,
			"AuthToken", sub("{{resolve:secretsmanager:${"+token+"}:SecretString:token}}"),
			"AutoMinorVersionUpgrade", true,
			"SnapshotRetentionLimit", backupRetentionDays,
			"LogDeliveryConfigurations", ir.Values(ir.M(
				"LogType", "slow-log",
				"LogFormat", "json",
				"DestinationType", "cloudwatch-logs",
				"DestinationDetails", ir.M("CloudWatchLogsDetails", ir.M("LogGroup", ref(logs))),
			)),
		))
		shape := "one node"
		if ha {
			shape = "a primary and a replica in another zone, with automatic failover"
		}
		r.Comment = fmt.Sprintf("%s: %s %s on %s, %s; TLS and an AUTH token from Secrets Manager.", c.Name, c.Engine, cacheVersion(c.Engine, c.Version), c.Size, shape)
		r.DeletionPolicy, r.UpdateReplacePolicy = "Snapshot", "Snapshot"

		prefix := envName(c.Name)
		b.access[c.Name] = &access{
			SecurityGroup: sg,
			Port:          cachePort,
			Env: []NamedValue{
				{prefix + "_HOST", getAtt(id, "PrimaryEndPoint.Address")},
				{prefix + "_PORT", ir.String(fmt.Sprint(cachePort))},
				{prefix + "_TLS", ir.String("true")},
			},
			Secrets: []NamedValue{{prefix + "_AUTH_TOKEN", secretKey(ref(token), "token")}},
			Statements: []Statement{
				{Actions: []string{"secretsmanager:GetSecretValue"}, Resources: []ir.Value{ref(token)}},
				{Actions: []string{"kms:Decrypt"}, Resources: []ir.Value{getAtt(b.key, "Arn")}},
			},
		}
		b.output(ID(c.Name, "Endpoint"), fmt.Sprintf("Primary endpoint of the %s cache", c.Name), getAtt(id, "PrimaryEndPoint.Address"))
	}
	return nil
}

// highAvailability reports whether an environment is production, where
// caches get a replica in a second zone.
func highAvailability(environment string) bool {
	switch strings.ToLower(environment) {
	case "prod", "production":
		return true
	}
	return false
}

// cacheVersions turns a bare major version into the engine version
// ElastiCache names: Redis OSS 6 is "6.2", 7 is "7.1"; Valkey 7 is "7.2",
// 8 is "8.0".
var cacheVersions = map[string]string{
	"redis/6": "6.2", "redis/7": "7.1",
	"valkey/7": "7.2", "valkey/8": "8.0",
}

// cacheVersion returns the EngineVersion for the spec's version.
func cacheVersion(engine, version string) string {
	if v, ok := cacheVersions[engine+"/"+version]; ok {
		return v
	}
	return version
}
