resource "aws_cloudwatch_log_group" "app" { # want: HOIST-LOGS-002
  name              = "/app"
  retention_in_days = 30
}
