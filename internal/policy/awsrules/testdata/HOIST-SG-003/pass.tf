resource "aws_security_group" "host" {
  name        = "host"
  description = "Host"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_ingress_rule" "admin" {
  security_group_id = aws_security_group.host.id
  description       = "PostgreSQL from the VPN"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "10.20.0.0/16"
}
