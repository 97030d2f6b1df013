resource "aws_db_instance" "main" {
  engine               = "postgres"
  instance_class       = "db.t4g.micro"
  allocated_storage    = 20
  db_subnet_group_name = "private"
  username             = "app"
  password             = "correct-horse-battery" # want: HOIST-RDS-010
}
