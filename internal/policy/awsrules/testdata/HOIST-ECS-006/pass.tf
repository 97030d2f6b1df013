resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "app"
  task_definition = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1"
  launch_type     = "FARGATE"
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
