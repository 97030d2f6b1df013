resource "aws_ecr_repository" "app" { # want: HOIST-ECR-002
  name = "app"
}

resource "aws_ecr_repository" "off" {
  name = "off"
  image_scanning_configuration {
    scan_on_push = false # want: HOIST-ECR-002
  }
}
