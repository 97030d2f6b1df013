resource "aws_elasticache_replication_group" "cache" { # want: HOIST-EC-003
  replication_group_id = "cache"
  description          = "cache"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
  num_cache_clusters   = 1
  transit_encryption_enabled = true
}
