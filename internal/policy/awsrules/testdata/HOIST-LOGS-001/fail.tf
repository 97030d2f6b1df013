resource "aws_cloudwatch_log_group" "app" { # want: HOIST-LOGS-001
  name = "/app"
}
