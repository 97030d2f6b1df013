resource "aws_kms_key" "app" {
  description         = "app key"
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}
