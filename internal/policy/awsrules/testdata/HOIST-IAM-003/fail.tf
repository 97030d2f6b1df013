resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage"]
      Resource = "*" # want: HOIST-IAM-003
    }]
  })
}
