resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  security_policy          = "TLS_1_0" # want: HOIST-APIGW-005
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
