resource "aws_s3_bucket" "downloads" {
  bucket = "example-downloads"
}

resource "aws_s3_bucket_ownership_controls" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
