package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elasticacheFailover is HOIST-EC-004: production replication groups
// fail over automatically to a replica in another Availability Zone.
func elasticacheFailover() rule.AWS {
	nist := controls(nistResilient)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC-004",
			Title:    "Production ElastiCache replication group has no automatic failover",
			Severity: rule.Medium,
			Rationale: "Without automatic failover (and a replica in another zone) the loss of the primary node or its " +
				"Availability Zone takes the cache down until someone intervenes. Checked in production only.",
			Remediation: "Run at least one replica (NumCacheClusters 2 or more) and set AutomaticFailoverEnabled and MultiAZEnabled to true.",
			FixCloudFormation: `Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    NumCacheClusters: 2
    AutomaticFailoverEnabled: true
    MultiAZEnabled: true
`,
			FixTerraform: `resource "aws_elasticache_replication_group" "cache" {
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
`,
			ConfigRule: "ELASTICACHE_REPL_GRP_AUTO_FAILOVER_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ElastiCache::ReplicationGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !production(c, r) {
				return nil
			}
			v := prop(r, "AutomaticFailoverEnabled")
			if absent(v) {
				return one("", "production replication group has no automatic failover")
			}
			if isFalse(v) {
				return one("AutomaticFailoverEnabled", "AutomaticFailoverEnabled is false on a production replication group")
			}
			return nil
		},
	}
}
