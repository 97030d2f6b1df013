resource "aws_kms_key" "app" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "app" {
  name       = "app"
  kms_key_id = aws_kms_key.app.arn
}
