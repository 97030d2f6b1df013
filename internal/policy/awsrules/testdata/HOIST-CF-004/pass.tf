resource "aws_cloudfront_distribution" "site" {
  enabled = true

  logging_config {
    bucket = "logs.s3.amazonaws.com"
    prefix = "cloudfront/"
  }
}
