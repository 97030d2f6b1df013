resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "web"
    image = "public.ecr.aws/nginx/nginx:1.27"
    environment = [{ name = "DATABASE_PASSWORD", value = "hunter2" }] # want: HOIST-ECS-004
  }])
}
