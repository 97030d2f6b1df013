// Package httpapi is the HTTP API.
package httpapi

import (
	"context"
	"net/http"
	"os"

	"github.com/acme/notes/internal/db"
	"github.com/go-chi/chi/v5"
)

// Router returns the routes.
func Router() http.Handler {
	r := chi.NewRouter()
	_, _ = db.Open(context.Background(), os.Getenv("DATABASE_URL"))
	bucket := os.Getenv("NOTES_BUCKET")
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(bucket)) })
	return r
}
