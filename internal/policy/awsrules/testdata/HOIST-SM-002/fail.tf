resource "aws_secretsmanager_secret" "app" { # want: HOIST-SM-002
  name = "app"
}
