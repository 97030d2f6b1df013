package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elasticacheAuth is HOIST-EC-003: clients authenticate (AUTH token or
// RBAC user groups).
func elasticacheAuth() rule.AWS {
	nist := controls([]string{"AC-3", "AC-6", "IA-5"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC-003",
			Title:    "ElastiCache replication group requires no authentication",
			Severity: rule.Medium,
			Rationale: "Without an AUTH token or RBAC user groups, anything that can reach the port (any task, function or " +
				"instance allowed by the security group) can read, change or flush the whole cache.",
			Remediation: "Set UserGroupIds (RBAC, Redis OSS 6+ and Valkey) or an AuthToken from Secrets Manager; both need transit encryption.",
			FixCloudFormation: `Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    TransitEncryptionEnabled: true
    AuthToken: !Sub "{{resolve:secretsmanager:${CacheAuthToken}:SecretString:token}}"
`,
			FixTerraform: `resource "aws_elasticache_replication_group" "cache" {
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.app.user_group_id]
}
`,
			ConfigRule: "ELASTICACHE_REPL_GRP_REDIS_AUTH_ENABLED",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ElastiCache::ReplicationGroup"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !redisLike(r) || !emptyValue(prop(r, "AuthToken")) || !emptyValue(prop(r, "UserGroupIds")) {
				return nil
			}
			return one(pathOr(r, "AuthToken", pathOr(r, "UserGroupIds", "")), "replication group has neither an AUTH token nor RBAC user groups")
		},
	}
}
