resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "app"
  task_definition = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1"
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }
}
