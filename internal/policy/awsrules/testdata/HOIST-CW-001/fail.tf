resource "aws_cloudwatch_metric_alarm" "errors" { # want: HOIST-CW-001
  alarm_name          = "errors"
  metric_name         = "Errors"
  namespace           = "AWS/Lambda"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}
