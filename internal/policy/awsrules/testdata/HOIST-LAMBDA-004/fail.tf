resource "aws_sns_topic" "events" {
  name = "events"
}

resource "aws_lambda_function" "worker" { # want: HOIST-LAMBDA-004
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "index.handler"
  filename      = "fn.zip"
  runtime       = "nodejs22.x"
}

resource "aws_sns_topic_subscription" "worker" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
}
