resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["EC2"]
  network_mode             = "host" # want: HOIST-ECS-009
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "web"
    image = "public.ecr.aws/nginx/nginx:1.27"
  }])
}
