package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elasticacheInTransit is HOIST-EC-002: clients and replicas talk TLS
// only.
func elasticacheInTransit() rule.AWS {
	nist := controls(nistTransit)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC-002",
			Title:    "ElastiCache replication group is not encrypted in transit",
			Severity: rule.Medium,
			Rationale: "Without TLS, cached data and AUTH tokens cross the network in clear text between clients and nodes " +
				"and between replicas; TransitEncryptionMode preferred still accepts plain connections.",
			Remediation: "Set TransitEncryptionEnabled to true and TransitEncryptionMode to required, and connect with TLS.",
			FixCloudFormation: `Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    TransitEncryptionEnabled: true
    TransitEncryptionMode: required
`,
			FixTerraform: `resource "aws_elasticache_replication_group" "cache" {
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}
`,
			ConfigRule: "ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ElastiCache::ReplicationGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !redisLike(r) {
				return nil
			}
			v := prop(r, "TransitEncryptionEnabled")
			if absent(v) {
				return one("", "replication group does not encrypt traffic (TransitEncryptionEnabled defaults to false)")
			}
			if isFalse(v) {
				return one("TransitEncryptionEnabled", "TransitEncryptionEnabled is false")
			}
			if isLiteral(prop(r, "TransitEncryptionMode"), "preferred") {
				return one("TransitEncryptionMode", "TransitEncryptionMode preferred still accepts unencrypted connections")
			}
			return nil
		},
	}
}
