// Package store opens the database.
package store

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open connects to DATABASE_URL.
func Open() *pgxpool.Pool {
	p, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		panic(err)
	}
	return p
}
