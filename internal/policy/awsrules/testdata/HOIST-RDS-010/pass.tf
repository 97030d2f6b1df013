variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "managed" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  db_subnet_group_name        = "private"
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "from_variable" {
  engine               = "postgres"
  instance_class       = "db.t4g.micro"
  allocated_storage    = 20
  db_subnet_group_name = "private"
  username             = "app"
  password             = var.db_password
}
