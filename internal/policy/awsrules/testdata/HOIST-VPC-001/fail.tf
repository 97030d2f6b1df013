resource "aws_vpc" "main" { # want: HOIST-VPC-001
  cidr_block = "10.0.0.0/16"
}
