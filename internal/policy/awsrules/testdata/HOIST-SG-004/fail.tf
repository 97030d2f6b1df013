resource "aws_security_group" "wide" {
  name        = "wide"
  description = "Wide open"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.wide.id
  description       = "Everything"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # want: HOIST-SG-004
}
