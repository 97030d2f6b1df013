package main

import (
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
)

func main() {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	addr := ":8080"
	if p := os.Getenv("PORT"); p != "" {
		addr = ":" + p
	}
	log.Printf("inventory api on %s (db %t)", addr, os.Getenv("DATABASE_URL") != "")
	log.Fatal(http.ListenAndServe(addr, r))
}
