resource "aws_ecs_cluster" "main" { # want: HOIST-ECS-008
  name = "app"
}
