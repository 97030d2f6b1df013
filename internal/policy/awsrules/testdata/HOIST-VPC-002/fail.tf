resource "aws_subnet" "public" {
  vpc_id                  = "vpc-123"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true # want: HOIST-VPC-002
}
