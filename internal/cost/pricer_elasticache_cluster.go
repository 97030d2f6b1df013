package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// elastiCacheClusterPricer prices an ElastiCache cluster: NumCacheNodes
// nodes of CacheNodeType all month, and backup storage from usage. The
// snapshot's node prices do not name an engine; they apply to Redis OSS,
// Valkey and Memcached alike.
var elastiCacheClusterPricer = pricer{
	Type:      "AWS::ElastiCache::CacheCluster",
	Terraform: []string{"aws_elasticache_cluster"},
	Usage: []usageKey{
		{Key: "snapshot_storage_gb", Aliases: []string{"snapshot_storage_size_gb"}, Desc: "backup storage, GB"},
	},
	Price: func(c *calc) {
		n, ok := c.num("NumCacheNodes")
		if !ok {
			n = one
		}
		c.cacheNodes(c.str("CacheNodeType"), n)
	},
}

// cacheNodes adds n nodes of typ and the backup storage usage.
func (c *calc) cacheNodes(typ string, n decimal.Decimal) {
	if typ == "" {
		c.warnf("no literal CacheNodeType; nodes cannot be priced")
	} else {
		c.hourly(fmt.Sprintf("Nodes (%s %s)", n, typ), priceKey{"elasticache", "node_hour", typ}, "node-hour", n)
	}
	c.fromUsage("Backup storage", priceKey{"elasticache", "backup_storage_gb_month", ""}, "GB-month", "snapshot_storage_gb", one)
}
