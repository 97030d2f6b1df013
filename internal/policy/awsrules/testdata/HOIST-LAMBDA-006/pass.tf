resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "fn.zip"
  runtime                        = "nodejs22.x"
  reserved_concurrent_executions = 20
}
