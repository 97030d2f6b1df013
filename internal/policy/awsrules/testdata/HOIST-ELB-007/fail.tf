resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0123456789abcdef0"]
  listener {
    lb_port           = 80
    lb_protocol       = "http" # want: HOIST-ELB-007
    instance_port     = 8080
    instance_protocol = "http"
  }
}
