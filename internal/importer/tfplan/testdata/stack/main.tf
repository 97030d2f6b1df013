resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets"
  tags = {
    App = "shop"
  }
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "logs" {
  bucket_prefix = "shop-logs-"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_db_instance" "db" {
  identifier                          = "shop-db"
  engine                              = "postgres"
  engine_version                      = "16.3"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 50
  storage_type                        = "gp3"
  storage_encrypted                   = true
  multi_az                            = true
  publicly_accessible                 = false
  backup_retention_period             = 7
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  username                            = "shop"
  manage_master_user_password         = true
}

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"
  network_configuration {
    subnets          = ["subnet-a", "subnet-b"]
    assign_public_ip = false
  }
}

resource "aws_lb" "web" {
  name                       = "shop-web"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = ["subnet-a", "subnet-b"]
  enable_deletion_protection = true
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "web" {
  name        = "shop-web"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-1"
  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = "subnet-a"
}
