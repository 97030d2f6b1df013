package policy_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/hoist-dev/hoist/internal/load"
	"github.com/hoist-dev/hoist/internal/policy"
)

// tfFile is one generated Terraform file of ten resources of the kinds
// real stacks have, some compliant and some not.
func tfFile(n int) string {
	return fmt.Sprintf(`resource "aws_s3_bucket" "b%[1]d" {
  bucket = "bucket-%[1]d"
  tags   = { team = "web", n = "%[1]d" }
}

resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "sg%[1]d" {
  description = "web %[1]d"
  vpc_id      = "vpc-123"
  ingress {
    cidr_blocks = ["0.0.0.0/0"]
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    description = "https"
  }
  ingress {
    cidr_blocks = ["10.0.0.0/8"]
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    description = "ssh"
  }
}

resource "aws_db_instance" "db%[1]d" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  storage_encrypted       = %[2]t
  backup_retention_period = 7
  username                = "app"
  manage_master_user_password = true
}

resource "aws_iam_role" "r%[1]d" {
  name = "role-%[1]d"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "p%[1]d" {
  role = aws_iam_role.r%[1]d.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.b%[1]d.arn}/*" }]
  })
}

resource "aws_sqs_queue" "q%[1]d" {
  name = "jobs-%[1]d"
}

resource "aws_cloudwatch_log_group" "l%[1]d" {
  name              = "/app/%[1]d"
  retention_in_days = 30
}

resource "aws_kms_key" "k%[1]d" {
  description         = "key %[1]d"
  enable_key_rotation = true
}

resource "aws_lambda_function" "f%[1]d" {
  function_name = "fn-%[1]d"
  role          = aws_iam_role.r%[1]d.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "fn.zip"
}
`, n, n%2 == 0)
}

const benchPolicy = `# METADATA
# title: Buckets carry a team tag
# custom:
#   id: ORG-001
#   severity: low
package org.tags

import rego.v1

deny contains msg if {
	some r in input.ir.resources
	r.type == "AWS::S3::Bucket"
	not r.properties.Tags
	msg := sprintf("%s has no tags", [r.id])
}
`

// BenchmarkScanTerraformCorpus is hoist check end to end over 1,000
// Terraform files (100 configurations of 10 files, 10,000 resources as
// written, fewer once split S3 resources merge into their buckets): load
// (read, parse, evaluate, map to the IR) plus every built-in rule and one
// Rego policy. The target is under 2 s on a 2-core machine.
func BenchmarkScanTerraformCorpus(b *testing.B) {
	root := b.TempDir()
	for d := 0; d < 100; d++ {
		dir := filepath.Join(root, fmt.Sprintf("stack%03d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := 0; f < 10; f++ {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.tf", f)), []byte(tfFile(d*10+f)), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	pol := filepath.Join(b.TempDir(), "tags.rego")
	if err := os.WriteFile(pol, []byte(benchPolicy), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuNanos()
	var resources, findings int
	var peak uint64
	for b.Loop() {
		// The policy reads only input.ir: as hoist check does, parse raw
		// forms only when a policy reads them.
		pols, err := policy.LoadPolicies([]string{pol})
		if err != nil {
			b.Fatal(err)
		}
		inputs, err := load.Path(root, load.Options{Raw: pols.ReadsRaw()})
		if err != nil {
			b.Fatal(err)
		}
		var targets []policy.Target
		for _, in := range inputs {
			if in.Err != nil {
				b.Fatal(in.Err)
			}
			for _, g := range in.Graphs {
				targets = append(targets, policy.Target{Kind: in.Kind, Path: in.Path, Graph: g, Raw: in.Raw, Sources: in.Sources})
			}
		}
		rep, err := policy.Check(targets, policy.Options{Policies: pols, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		resources, findings = rep.Summary.ResourcesScanned, len(rep.Findings)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(cpuNanos()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(resources), "resources")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
}

// cpuNanos is the process's user+system CPU time: on a shared machine it
// says more about the work done than wall time does.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
