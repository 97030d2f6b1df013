terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = "us-east-1"
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_instance" "app" {
  ami                         = data.aws_ami.ubuntu.id
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  monitoring                  = true
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 30
    volume_type = "gp3"
    encrypted   = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    iops        = 3000
    volume_type = "io2"
    encrypted   = false
  }
  user_data = templatefile("init.sh", { port = 80 })
}

resource "aws_glue_catalog_database" "lake" {
  name = "lake"
  tags = { Team = "data" }
}

resource "random_password" "db" {
  length = 16
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
}
