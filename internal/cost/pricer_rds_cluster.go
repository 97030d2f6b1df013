package cost

import "strings"

// rdsClusterPricer prices an Aurora DB cluster's storage (usage storage_gb)
// and, for the standard storage type, I/O requests (monthly_io_requests);
// aurora-iopt1 (I/O-Optimized) has no I/O charge. Its instances are priced
// on their AWS::RDS::DBInstance resources. Multi-AZ DB clusters of RDS
// (not Aurora) are not in the snapshot.
var rdsClusterPricer = pricer{
	Type:      "AWS::RDS::DBCluster",
	Terraform: []string{"aws_rds_cluster"},
	Usage: []usageKey{
		{Key: "storage_gb", Desc: "average storage, GB"},
		{Key: "monthly_io_requests", Desc: "I/O requests a month (standard storage only)"},
		{Key: "backup_storage_gb", Aliases: []string{"backup_snapshot_size_gb"}, Desc: "backup storage beyond the free amount, GB"},
	},
	Price: func(c *calc) {
		engine := rdsEngine(c.str("Engine"))
		if !strings.HasPrefix(engine, "aurora") {
			class := c.str("DBClusterInstanceClass")
			c.hourly("Multi-AZ DB cluster ("+engine+", "+class+")", priceKey{"rds", "instance_hour", engine + ":" + class + ":multi-az-cluster"}, "instance-hour", dec("3"))
			return
		}
		variant := "standard"
		if c.str("StorageType") == "aurora-iopt1" {
			variant = "io-optimized"
		}
		c.fromUsage("Storage ("+variant+")", priceKey{"aurora", "storage_gb_month", variant}, "GB-month", "storage_gb", one)
		if variant == "standard" {
			c.fromUsage("I/O requests", priceKey{"aurora", "io_per_million", "standard"}, "1M requests", "monthly_io_requests", million)
		}
		c.fromUsage("Backup storage", priceKey{"aurora", "backup_storage_gb_month", "beyond-free"}, "GB-month", "backup_storage_gb", one)
	},
}
