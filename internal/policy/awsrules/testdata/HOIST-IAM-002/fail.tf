resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "dynamodb:*" # want: HOIST-IAM-002
      Resource = "arn:aws:dynamodb:us-east-1:111122223333:table/orders"
    }]
  })
}
