resource "aws_ecs_express_gateway_service" "web" { # want: HOIST-ECSX-002
  infrastructure_role_arn = "arn:aws:iam::111122223333:role/ecsInfrastructureRole"
  execution_role_arn      = "arn:aws:iam::111122223333:role/web-execution"
  task_role_arn           = "arn:aws:iam::111122223333:role/web-task"

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0.0"
    container_port = 8080
  }
}
