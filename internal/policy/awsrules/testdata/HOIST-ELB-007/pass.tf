resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0123456789abcdef0"]
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}
