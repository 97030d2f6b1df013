resource "aws_kms_key" "app" {
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = "*" # want: HOIST-KMS-002
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
