package expand

import (
	"strings"
	"testing"
)

// TestDataAccess checks what depending on each kind of data resource grants:
// the IAM actions on which resources, the env vars and secrets, and the
// security group and port.
func TestDataAccess(t *testing.T) {
	b := mustBuild(t, `version: 1
name: app
databases:
  - name: db
    engine: postgres
caches:
  - name: cache
    engine: valkey
buckets:
  - name: files
queues:
  - name: jobs
topics:
  - name: events
tables:
  - name: items
functions:
  - name: fn
    runtime:
      language: python
    secrets: [API_TOKEN]
`)
	for _, tc := range []struct {
		name       string
		statements string // "actions on resources; ..."
		env        string
		port       int
	}{
		{"db", "secretsmanager:GetSecretValue on DbInstance.MasterUserSecret.SecretArn", "DB_HOST DB_PORT DB_NAME DB_USER* DB_PASSWORD*", 5432},
		{"cache", "secretsmanager:GetSecretValue on CacheAuthToken; kms:Decrypt on AppKey.Arn", "CACHE_HOST CACHE_PORT CACHE_TLS CACHE_AUTH_TOKEN*", 6379},
		{"files", "s3:GetObject,s3:PutObject,s3:DeleteObject on ${FilesBucket.Arn}/*; s3:ListBucket on FilesBucket.Arn; kms:Decrypt,kms:GenerateDataKey on AppKey.Arn", "FILES_BUCKET", 0},
		{"jobs", "sqs:SendMessage,sqs:ReceiveMessage,sqs:DeleteMessage,sqs:ChangeMessageVisibility,sqs:GetQueueAttributes on JobsQueue.Arn; kms:Decrypt,kms:GenerateDataKey on AppKey.Arn", "JOBS_QUEUE_URL", 0},
		{"events", "sns:Publish on EventsTopic; kms:Decrypt,kms:GenerateDataKey on AppKey.Arn", "EVENTS_TOPIC_ARN", 0},
		{"items", "dynamodb:GetItem,dynamodb:PutItem,dynamodb:UpdateItem,dynamodb:DeleteItem,dynamodb:Query,dynamodb:BatchGetItem,dynamodb:BatchWriteItem,dynamodb:ConditionCheckItem on ItemsTable.Arn,${ItemsTable.Arn}/index/*", "ITEMS_TABLE", 0},
		{secretsAccessKey("fn"), "secretsmanager:GetSecretValue on AppSecrets; kms:Decrypt on AppKey.Arn", "API_TOKEN*", 0},
	} {
		a := accessOf(t, b, tc.name)
		var stmts []string
		for _, s := range a.Statements {
			var res []string
			for _, r := range s.Resources {
				res = append(res, shortValue(plainJSON(r)))
			}
			stmts = append(stmts, strings.Join(s.Actions, ",")+" on "+strings.Join(res, ","))
		}
		if got := strings.Join(stmts, "; "); got != tc.statements {
			t.Errorf("depends_on %s: got statements\n  %s\nwant\n  %s", tc.name, got, tc.statements)
		}
		var env []string
		for _, e := range a.Env {
			env = append(env, e.Name)
		}
		for _, s := range a.Secrets {
			env = append(env, s.Name+"*")
		}
		if got := strings.Join(env, " "); got != tc.env {
			t.Errorf("depends_on %s: got env and secrets* %q, want %q", tc.name, got, tc.env)
		}
		if a.Port != tc.port {
			t.Errorf("depends_on %s: got port %d, want %d", tc.name, a.Port, tc.port)
		}
	}
}

// shortValue abbreviates a plain JSON reference: {"Ref":"X"} is X,
// {"Fn::GetAtt":["X","A"]} is X.A, {"Fn::Sub":"s"} is s.
func shortValue(j string) string {
	r := strings.NewReplacer(`{"Ref":"`, "", `{"Fn::GetAtt":["`, "", `","`, ".", `"]}`, "", `{"Fn::Sub":"`, "", `"}`, "", `"`, "")
	return r.Replace(j)
}
