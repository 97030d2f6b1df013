resource "aws_cloudfront_distribution" "site" { # want: HOIST-CF-004
  enabled = true
}
