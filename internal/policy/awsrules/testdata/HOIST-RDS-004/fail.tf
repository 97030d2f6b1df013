resource "aws_db_instance" "main" { # want: HOIST-RDS-004
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  db_subnet_group_name        = "private"
}
