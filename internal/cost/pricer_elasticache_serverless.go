package cost

import "strings"

// elastiCacheServerlessPricer prices ElastiCache Serverless: GB-hours of
// average stored data (usage average_data_gb, never below
// CacheUsageLimits.DataStorage.Minimum nor the engine's metered minimum:
// 1 GB for Redis OSS, 0.1 GB for Valkey) and ECPUs (monthly_ecpus).
// Memcached serverless prices are not in the snapshot.
var elastiCacheServerlessPricer = pricer{
	Type:      "AWS::ElastiCache::ServerlessCache",
	Terraform: []string{"aws_elasticache_serverless_cache"},
	Usage: []usageKey{
		{Key: "average_data_gb", Desc: "average data stored, GB"},
		{Key: "monthly_ecpus", Desc: "ElastiCache Processing Units a month"},
	},
	Price: func(c *calc) {
		engine := strings.ToLower(c.str("Engine"))
		variant, floor := engine, dec("1")
		switch engine {
		case "redis":
			variant = "redis-oss"
		case "valkey":
			floor = dec("0.1")
		}
		if m, ok := c.num("CacheUsageLimits.DataStorage.Minimum"); ok && m.GreaterThan(floor) {
			floor = m
		}
		data := c.usage("average_data_gb")
		if data != nil && data.LessThan(floor) {
			data = &floor
		}
		var qty = data
		if data != nil {
			v := data.Mul(c.e.hours)
			qty = &v
		}
		c.add("Data stored ("+variant+")", priceKey{"elasticache", "serverless_gb_hour", variant}, "GB-hour", qty, true)
		c.fromUsage("ECPUs", priceKey{"elasticache", "serverless_ecpu_per_million", variant}, "1M ECPUs", "monthly_ecpus", million)
	},
}
