module github.com/acme/notes

go 1.24.1

require (
	github.com/go-chi/chi/v5 v5.2.0
	github.com/jackc/pgx/v5 v5.7.2
	github.com/aws/aws-sdk-go-v2/service/s3 v1.72.0
)
