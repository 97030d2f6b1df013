resource "aws_s3_bucket" "plain" { # want: HOIST-S3-002
  bucket = "example-plain"
}
