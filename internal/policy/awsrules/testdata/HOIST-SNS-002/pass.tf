resource "aws_sns_topic" "events" {
  name              = "events"
  kms_master_key_id = "alias/app"
}

resource "aws_sns_topic_policy" "events" {
  arn = aws_sns_topic.events.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.events.arn
      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}
