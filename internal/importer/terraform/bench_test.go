package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuClock measures the process's CPU time (user and system) over a
// benchmark's loop and reports it per operation as cpu-ns/op: on a shared,
// busy machine it varies much less than wall time.
type cpuClock struct{ start time.Duration }

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU(b *testing.B) *cpuClock {
	b.ReportAllocs()
	b.ResetTimer()
	return &cpuClock{start: cpuNow()}
}

func (c *cpuClock) stop(b *testing.B) {
	b.StopTimer()
	b.ReportMetric(float64(cpuNow()-c.start)/float64(b.N), "cpu-ns/op")
}

// writeCorpus writes files .tf files of about ten resources each: buckets
// with split configuration, queues with for_each, roles with policy
// documents, security groups with rules.
func writeCorpus(b *testing.B, dir string, files int) {
	b.Helper()
	vars := "variable \"env\" {\n  default = \"prod\"\n}\n\nlocals {\n  tags = { App = \"bench\", Env = var.env }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "variables.tf"), []byte(vars), 0o644); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < files; i++ {
		var sb strings.Builder
		fmt.Fprintf(&sb, `resource "aws_s3_bucket" "b%[1]d" {
  bucket = "bench-${var.env}-%[1]d"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_sqs_queue" "q%[1]d" {
  for_each                   = toset(["a", "b", "c"])
  name                       = "q-%[1]d-${each.key}"
  visibility_timeout_seconds = var.env == "prod" ? 60 : 30
  tags                       = local.tags
}

data "aws_iam_policy_document" "p%[1]d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b%[1]d.arn}/*"]
  }
}

resource "aws_iam_role" "r%[1]d" {
  name               = "role-%[1]d"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "r%[1]d" {
  role   = aws_iam_role.r%[1]d.id
  policy = data.aws_iam_policy_document.p%[1]d.json
}

resource "aws_security_group" "g%[1]d" {
  name = "g-%[1]d"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "d%[1]d" {
  count             = 1
  identifier        = "db-%[1]d-${count.index}"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
}

resource "aws_cloudwatch_log_group" "l%[1]d" {
  name              = "/bench/%[1]d"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.k%[1]d.arn
}

resource "aws_kms_key" "k%[1]d" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "t%[1]d" {
  name = "t-%[1]d"
}
`, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.tf", i)), []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDir imports 100 files with 1,000 resources (1,300
// resource instances before the split bucket and role policy resources
// merge).
func BenchmarkImportDir(b *testing.B) {
	dir := b.TempDir()
	writeCorpus(b, dir, 100)
	clock := startCPU(b)
	for i := 0; i < b.N; i++ {
		g, _, err := ImportDir(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Resources) != 1000 {
			b.Fatalf("got %d resources", len(g.Resources))
		}
	}
	clock.stop(b)
}

// BenchmarkImportFiles is the same corpus from memory: the import without
// the file system.
func BenchmarkImportFiles(b *testing.B) { benchFiles(b, 100) }

// BenchmarkImportFiles1000 is ten times that: 1,000 files with 10,000
// resources, the size `hoist check` is meant to read in well under two
// seconds.
func BenchmarkImportFiles1000(b *testing.B) { benchFiles(b, 1000) }

func benchFiles(b *testing.B, n int) {
	dir := b.TempDir()
	writeCorpus(b, dir, n)
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		files[e.Name()] = data
	}
	clock := startCPU(b)
	for i := 0; i < b.N; i++ {
		g, _, err := ImportFiles(files, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Resources) != 10*n {
			b.Fatalf("got %d resources, want %d", len(g.Resources), 10*n)
		}
	}
	clock.stop(b)
}
