resource "aws_s3_bucket" "open" {
  bucket = "example-open"
}

resource "aws_s3_bucket_public_access_block" "open" {
  bucket                  = aws_s3_bucket.open.id
  block_public_acls       = false # want: HOIST-S3-001
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
