resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_egress_rule" "db_all" {
  security_group_id = aws_security_group.db.id
  description       = "Everything out"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # want: HOIST-SG-005
}

resource "aws_db_instance" "main" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  vpc_security_group_ids      = [aws_security_group.db.id]
}

resource "aws_security_group" "cache" {
  name        = "cache"
  description = "Cache"
  vpc_id      = "vpc-0123456789abcdef0"

  egress {
    description = "Everything out"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"] # want: HOIST-SG-005
  }
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "cache"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
  security_group_ids   = [aws_security_group.cache.id]
}
