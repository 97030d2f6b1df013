# Classic load balancer, IAM users and groups, API Gateway custom domains
# and method settings, network ACLs, a CloudFront origin access identity.

resource "aws_elb" "legacy" {
  name                        = "legacy"
  subnets                     = [aws_subnet.a.id]
  security_groups             = ["sg-0123456789abcdef0"]
  cross_zone_load_balancing   = true
  idle_timeout                = 60
  connection_draining         = true
  connection_draining_timeout = 300

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  }

  health_check {
    healthy_threshold   = 2
    unhealthy_threshold = 2
    timeout             = 3
    target              = "HTTP:8080/health"
    interval            = 30
  }

  access_logs {
    bucket        = "logs-bucket"
    bucket_prefix = "elb"
    interval      = 60
  }

  tags = { Name = "legacy" }
}

resource "aws_elb_attachment" "web" {
  elb      = aws_elb.legacy.id
  instance = "i-0123456789abcdef0"
}

resource "aws_subnet" "a" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice" {
  name   = "deploy"
  user   = aws_iam_user.alice.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] })
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group" "developers" {
  name = "developers"
  path = "/teams/"
}

resource "aws_iam_group_policy" "developers" {
  name   = "read"
  group  = aws_iam_group.developers.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}

resource "aws_iam_group_membership" "team" {
  name  = "team"
  group = aws_iam_group.developers.name
  users = [aws_iam_user.alice.name]
}

resource "aws_iam_user_policy_attachment" "elsewhere" {
  user       = "bob"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "other_prod" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  deployment_id = "def456"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level   = "ERROR"
    metrics_enabled = true
  }
}

# Literal stage name: merges into the stage of the same REST API only.
resource "aws_api_gateway_method_settings" "users_get" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "prod"
  method_path = "users/{id}/GET"
  settings {
    throttling_burst_limit = 50
    throttling_rate_limit  = 100.5
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "api" {
  api_id      = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  domain_name = aws_api_gateway_domain_name.api.domain_name
}

resource "aws_network_acl" "main" {
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = [aws_subnet.a.id]

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "10.0.0.0/16"
    from_port  = 443
    to_port    = 443
  }

  egress {
    protocol   = "-1"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  tags = { Name = "main" }
}

resource "aws_network_acl_rule" "icmp" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 300
  egress         = false
  protocol       = "icmp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  icmp_type      = 8
  icmp_code      = 0
}

resource "aws_cloudfront_origin_access_identity" "site" {
  comment = "site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_cloudfront_origin_access_identity.site.iam_arn }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site-bucket/*"
    }]
  })
}

resource "aws_cloudwatch_log_resource_policy" "es" {
  policy_name     = "es-logs"
  policy_document = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "es.amazonaws.com" }, Action = "logs:PutLogEvents", Resource = "*" }] })
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"
}
