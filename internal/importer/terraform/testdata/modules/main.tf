module "web" {
  source = "./modules/web"
  name   = "shop"
  port   = 8080
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/${module.web.lb_name}"
  retention_in_days = 30
}
