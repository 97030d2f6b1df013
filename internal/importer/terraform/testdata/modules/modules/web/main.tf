variable "name" {}
variable "port" { type = number }

resource "aws_lb" "this" {
  name               = "${var.name}-web"
  load_balancer_type = "network"
  internal           = true
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_lb_target_group" "this" {
  name     = var.name
  port     = var.port
  protocol = "TCP"
  vpc_id   = "vpc-1"
}

output "lb_name" {
  value = aws_lb.this.name
}
