resource "aws_s3_bucket" "data" { # want: HOIST-S3-005
  bucket = "example-data"
}
