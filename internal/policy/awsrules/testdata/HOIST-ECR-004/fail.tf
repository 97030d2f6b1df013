resource "aws_ecr_repository" "app" { # want: HOIST-ECR-004
  name = "app"
}
