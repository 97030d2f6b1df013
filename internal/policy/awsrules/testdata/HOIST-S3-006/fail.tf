resource "aws_s3_bucket" "data" { # want: HOIST-S3-006
  bucket = "example-data"
}
