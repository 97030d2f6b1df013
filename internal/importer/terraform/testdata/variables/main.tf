variable "env" {
  type    = string
  default = "dev"
}

variable "queues" {
  type    = list(string)
  default = ["a"]
}

variable "replicas" {
  type    = number
  default = 1
}

variable "multi_az" {
  type    = bool
  default = false
}

locals {
  prefix = "shop-${var.env}"
  tags   = merge({ App = "shop" }, { Env = upper(var.env) })
  sizes  = { small = 20, large = 100 }
}

resource "aws_sqs_queue" "q" {
  for_each                   = toset(var.queues)
  name                       = format("%s-%s", local.prefix, each.key)
  visibility_timeout_seconds = var.env == "prod" ? 120 : 30
  tags                       = local.tags
}

resource "aws_db_instance" "db" {
  count             = var.replicas
  identifier        = "${local.prefix}-db-${count.index}"
  engine            = "postgres"
  instance_class    = var.env == "prod" ? "db.r6g.large" : "db.t4g.micro"
  allocated_storage = lookup(local.sizes, var.env == "prod" ? "large" : "small", 10)
  multi_az          = var.multi_az
  storage_encrypted = true
}

resource "aws_sns_topic" "none" {
  count = 0
  name  = "never"
}
