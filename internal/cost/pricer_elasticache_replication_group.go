package cost

import "github.com/shopspring/decimal"

// elastiCacheReplicationGroupPricer prices a replication group's nodes:
// NumCacheClusters, else NumNodeGroups (or the NodeGroupConfiguration
// entries) times (ReplicasPerNodeGroup + 1); one node when none is set.
var elastiCacheReplicationGroupPricer = pricer{
	Type:      "AWS::ElastiCache::ReplicationGroup",
	Terraform: []string{"aws_elasticache_replication_group"},
	Usage: []usageKey{
		{Key: "snapshot_storage_gb", Aliases: []string{"snapshot_storage_size_gb"}, Desc: "backup storage, GB"},
	},
	Price: func(c *calc) {
		n, ok := c.num("NumCacheClusters")
		if !ok {
			groups, ok := c.num("NumNodeGroups")
			if !ok {
				groups = decimal.NewFromInt(int64(max(1, len(c.list("NodeGroupConfiguration")))))
			}
			replicas, _ := c.num("ReplicasPerNodeGroup")
			n = groups.Mul(replicas.Add(one))
		}
		c.cacheNodes(c.str("CacheNodeType"), n)
	},
}
