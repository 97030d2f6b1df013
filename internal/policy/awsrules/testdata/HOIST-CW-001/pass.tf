resource "aws_sns_topic" "alarms" {
  name = "alarms"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "errors"
  metric_name         = "Errors"
  namespace           = "AWS/Lambda"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}
