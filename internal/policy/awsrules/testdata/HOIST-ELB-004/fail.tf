resource "aws_lb" "web" { # want: HOIST-ELB-004
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}
