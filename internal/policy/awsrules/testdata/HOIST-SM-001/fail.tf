resource "aws_secretsmanager_secret" "db" { # want: HOIST-SM-001
  name = "db"
}
