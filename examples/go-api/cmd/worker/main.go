package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
)

// The worker recounts stock every minute.
func main() {
	conn, err := pgx.Connect(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	for range time.Tick(time.Minute) {
		if _, err := conn.Exec(context.Background(), "refresh materialized view stock"); err != nil {
			log.Print(err)
		}
	}
}
