resource "aws_apprunner_service" "web" { # want: HOIST-APPRUNNER-001
  service_name = "web"
  source_configuration {
    auto_deployments_enabled = false
    authentication_configuration {
      access_role_arn = "arn:aws:iam::111122223333:role/apprunner-ecr"
    }
    image_repository {
      image_repository_type = "ECR"
      image_identifier      = "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0.0"
      image_configuration {
        port = "8080"
      }
    }
  }
  health_check_configuration {
    protocol = "HTTP"
    path     = "/healthz"
  }
}
