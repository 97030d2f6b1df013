resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "fn.zip"
  runtime       = "nodejs22.x"
  vpc_config {
    subnet_ids         = ["subnet-1", "subnet-2"]
    security_group_ids = ["sg-1"]
  }
  tags = {
    Environment = "production"
  }
}
