resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "fn.zip"
  runtime       = "nodejs22.x"
  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db"
      TABLE_NAME             = "items"
    }
  }
}
