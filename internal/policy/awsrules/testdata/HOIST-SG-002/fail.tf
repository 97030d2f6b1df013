resource "aws_security_group" "host" {
  name        = "host"
  description = "Host"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_ingress_rule" "admin" {
  security_group_id = aws_security_group.host.id
  description       = "RDP from anywhere"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::/0" # want: HOIST-SG-002
}
