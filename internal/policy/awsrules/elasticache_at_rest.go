package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elasticacheAtRest is HOIST-EC-001: replication groups encrypt data on
// disk (snapshots, swap, backups in S3).
func elasticacheAtRest() rule.AWS {
	nist := controls(nistAtRest)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC-001",
			Title:    "ElastiCache replication group is not encrypted at rest",
			Severity: rule.High,
			Rationale: "Without at-rest encryption, data written to disk during sync, swap and snapshots, and the backups " +
				"exported to S3, are stored in the clear. It can only be chosen when the group is created.",
			Remediation: "Set AtRestEncryptionEnabled to true (with KmsKeyId for a customer managed key); the group is replaced.",
			FixCloudFormation: `Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    AtRestEncryptionEnabled: true
    KmsKeyId: !Ref AppKey
`,
			FixTerraform: `resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.app.arn
}
`,
			ConfigRule: "ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ElastiCache::ReplicationGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !redisLike(r) {
				return nil
			}
			v := prop(r, "AtRestEncryptionEnabled")
			if absent(v) {
				return one("", "replication group is not encrypted at rest (AtRestEncryptionEnabled defaults to false)")
			}
			if isFalse(v) {
				return one("AtRestEncryptionEnabled", "AtRestEncryptionEnabled is false")
			}
			return nil
		},
	}
}
