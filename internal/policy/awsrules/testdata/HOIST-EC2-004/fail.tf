resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  monitoring    = false # want: HOIST-EC2-004
}
