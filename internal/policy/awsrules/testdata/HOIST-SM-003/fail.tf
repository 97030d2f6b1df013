resource "aws_secretsmanager_secret" "api" {
  name = "api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" # want: HOIST-SM-003
}
