// Package db holds the Postgres pool and the attachment bucket client.
package db

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is the database and bucket.
type Store struct {
	Pool *pgxpool.Pool
	S3   *s3.Client
}

// Open connects to the database.
func Open(ctx context.Context, url string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, url)
}
