package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elasticacheBackups is HOIST-EC-005: Redis OSS and Valkey caches take
// daily snapshots.
func elasticacheBackups() rule.AWS {
	nist := controls(nistBackup)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC-005",
			Title:    "ElastiCache automatic backups are off",
			Severity: rule.Medium,
			Rationale: "With SnapshotRetentionLimit 0 (the default) no daily snapshot is taken: data that lives only in the " +
				"cache (sessions, queues, counters) is lost with the cluster.",
			Remediation: "Set SnapshotRetentionLimit to 1 or more days (and a SnapshotWindow outside peak hours).",
			FixCloudFormation: `Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    SnapshotRetentionLimit: 7
    SnapshotWindow: "03:00-04:00"
`,
			FixTerraform: `resource "aws_elasticache_replication_group" "cache" {
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
}
`,
			ConfigRule: "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !redisLike(r) {
				return nil
			}
			// A cluster that belongs to a replication group is backed up by it.
			if r.Type == "AWS::ElastiCache::CacheCluster" && !absent(prop(r, "ReplicationGroupId")) {
				return nil
			}
			v := prop(r, "SnapshotRetentionLimit")
			if absent(v) {
				return one("", "no automatic backups: SnapshotRetentionLimit defaults to 0")
			}
			if n, ok := ir.AsInt(v); ok && n < 1 {
				return one("SnapshotRetentionLimit", "SnapshotRetentionLimit %d takes no automatic backups", n)
			}
			return nil
		},
	}
}
