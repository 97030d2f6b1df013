resource "aws_s3_bucket" "closed" {
  bucket = "example-closed"
}

resource "aws_s3_bucket_public_access_block" "closed" {
  bucket                  = aws_s3_bucket.closed.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "default" {
  bucket = "example-default"
}
