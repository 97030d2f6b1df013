resource "aws_security_group" "db" {
  name        = "db"
  description = "Database: the provider removes the default egress rule"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_db_instance" "main" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  vpc_security_group_ids      = [aws_security_group.db.id]
}
