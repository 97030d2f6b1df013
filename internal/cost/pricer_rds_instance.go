package cost

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"

	"github.com/shopspring/decimal"
)

// rdsInstancePricer prices an RDS DB instance.
//
//   - RDS (not Aurora): instance-hours of "<engine>:<class>:<single-az|multi-az>";
//     a Multi-AZ price missing from the snapshot is the single-AZ price times
//     the snapshot's rds multi_az_multiplier rule. Storage GB-months of its
//     type (gp2 by default, io1 when Iops is set without a type), and for
//     gp3 the IOPS above the included baseline (3,000, or 12,000 from 400 GB
//     for MySQL, MariaDB and PostgreSQL). Backup storage beyond the free
//     amount from usage.
//   - Aurora, provisioned: instance-hours of "<engine>:<class>:single-az"
//     (storage and I/O are priced on the cluster).
//   - Aurora Serverless v2 (db.serverless): ACU-hours of average_acus, never
//     below the cluster's ServerlessV2ScalingConfiguration.MinCapacity; with
//     no usage, the MinCapacity floor.
var rdsInstancePricer = pricer{
	Type:      "AWS::RDS::DBInstance",
	Terraform: []string{"aws_db_instance", "aws_rds_cluster_instance"},
	Usage: []usageKey{
		{Key: "backup_storage_gb", Aliases: []string{"additional_backup_storage_gb"}, Desc: "backup storage beyond the free amount (100% of the provisioned storage), GB"},
		{Key: "average_acus", Desc: "Aurora Serverless v2: average ACUs (floored at MinCapacity)"},
	},
	Price: priceRDSInstance,
}

// rdsEngine normalizes engine names to the snapshot's.
func rdsEngine(e string) string {
	e = strings.ToLower(e)
	switch e {
	case "postgresql":
		return "postgres"
	case "aurora":
		return "aurora-mysql"
	}
	return e
}

func priceRDSInstance(c *calc) {
	engine := rdsEngine(c.str("Engine"))
	class := c.str("DBInstanceClass")
	cluster := c.target(c.r, "DBClusterIdentifier")
	if cluster != nil && engine == "" {
		engine = rdsEngine(c.strOf(cluster, "Engine"))
	}
	if class == "" {
		c.warnf("no literal DBInstanceClass; the instance cannot be priced")
		return
	}
	if strings.HasPrefix(engine, "aurora") {
		if class == "db.serverless" {
			c.auroraServerless(engine, cluster)
			return
		}
		c.hourly(fmt.Sprintf("Instance (%s, %s)", engine, class), priceKey{"rds", "instance_hour", engine + ":" + class + ":single-az"}, "instance-hour", one)
		return
	}
	deploy := "single-az"
	if c.boolean("MultiAZ", false) {
		deploy = "multi-az"
	}
	c.rdsPrice(fmt.Sprintf("Instance (%s, %s, %s)", engine, class, deploy), priceKey{"rds", "instance_hour", engine + ":" + class + ":" + deploy}, "instance-hour", c.e.hours)
	size, ok := c.num("AllocatedStorage")
	if !ok {
		c.warnf("no literal AllocatedStorage; storage is not priced")
	} else {
		st := strings.ToLower(c.str("StorageType"))
		iops, hasIOPS := c.num("Iops")
		if st == "" {
			st = "gp2"
			if hasIOPS {
				st = "io1"
			}
		}
		c.rdsPrice(fmt.Sprintf("Storage (%s, %s GB)", st, size), priceKey{"rds", "storage_gb_month", st + ":" + deploy}, "GB-month", size)
		switch st {
		case "gp3":
			base := decimal.NewFromInt(3000)
			if size.GreaterThanOrEqual(decimal.NewFromInt(400)) && (engine == "mysql" || engine == "mariadb" || engine == "postgres") {
				base = decimal.NewFromInt(12000)
			}
			if hasIOPS && iops.GreaterThan(base) {
				c.fixed(fmt.Sprintf("Provisioned IOPS above %s", base), priceKey{"rds", "gp3_extra_iops_month", deploy}, "IOPS-month", iops.Sub(base))
			}
		case "io1", "io2":
			if hasIOPS {
				c.rdsPrice("Provisioned IOPS", priceKey{"rds", "iops_month", st + ":" + deploy}, "IOPS-month", iops)
			}
		}
	}
	c.fromUsage("Backup storage", priceKey{"rds", "backup_storage_gb_month", "beyond-free"}, "GB-month", "backup_storage_gb", one)
}

// rdsPrice adds a fixed component; a multi-az price missing from the
// snapshot is derived from the single-az one and the multiplier rule.
func (c *calc) rdsPrice(name string, k priceKey, unit string, qty decimal.Decimal) {
	if _, ok := c.rate(k); ok || !strings.HasSuffix(k.Variant, ":multi-az") {
		c.fixed(name, k, unit, qty)
		return
	}
	single := priceKey{k.Service, k.Item, strings.TrimSuffix(k.Variant, ":multi-az") + ":single-az"}
	rt, ok1 := c.rate(single)
	mult, ok2 := c.e.book.Rule("rds", "multi_az_multiplier")
	if !ok1 || !ok2 {
		c.fixed(name, k, unit, qty)
		return
	}
	p := rt.USD.Mul(mult)
	cost := qty.Mul(p)
	c.comps = append(c.comps, Component{
		Name: name, Unit: rt.Unit, Quantity: &qty, Price: &p, Cost: &cost, key: k, priceUnit: rt.Unit,
		Note: fmt.Sprintf("single-AZ price x %s (rds multi_az_multiplier)", mult),
	})
}

// auroraServerless adds the ACU-hours of a Serverless v2 instance.
func (c *calc) auroraServerless(engine string, cluster *ir.Resource) {
	variant := engine
	if cluster != nil && c.strOf(cluster, "StorageType") == "aurora-iopt1" {
		variant += ":io-optimized"
	}
	min, hasMin := c.numOf(cluster, "ServerlessV2ScalingConfiguration.MinCapacity")
	acus := c.usage("average_acus")
	note := ""
	switch {
	case acus == nil && hasMin:
		acus, note = &min, "at MinCapacity; set average_acus for more"
	case acus != nil && hasMin && acus.LessThan(min):
		acus, note = &min, "floored at MinCapacity"
	}
	var qty *decimal.Decimal
	if acus != nil {
		v := acus.Mul(c.e.hours)
		qty = &v
	}
	cp := c.add("Serverless v2 capacity ("+engine+")", priceKey{"aurora", "serverless_v2_acu_hour", variant}, "ACU-hour", qty, true)
	if note != "" && cp.Price != nil {
		cp.Note = note
	}
}
