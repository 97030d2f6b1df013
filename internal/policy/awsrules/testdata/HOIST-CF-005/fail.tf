resource "aws_cloudfront_distribution" "site" { # want: HOIST-CF-005
  enabled = true
}
