resource "aws_ecs_express_gateway_service" "web" {
  infrastructure_role_arn = "arn:aws:iam::111122223333:role/ecsInfrastructureRole"
  execution_role_arn      = "arn:aws:iam::111122223333:role/web-execution"
  task_role_arn           = "arn:aws:iam::111122223333:role/web-task"

  network_configuration {
    subnets         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    security_groups = ["sg-0123456789abcdef0"]
  }
  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0.0"
    container_port = 8080
  }
}
