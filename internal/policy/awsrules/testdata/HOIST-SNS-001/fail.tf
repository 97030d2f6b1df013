resource "aws_sns_topic" "events" { # want: HOIST-SNS-001
  name = "events"
}
