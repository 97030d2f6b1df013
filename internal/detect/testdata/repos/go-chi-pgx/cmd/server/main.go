package main

import (
	"cmp"
	"net/http"
	"os"

	"github.com/acme/notes/internal/httpapi"
)

func main() {
	srv := &http.Server{Addr: ":" + cmp.Or(os.Getenv("PORT"), "3000"), Handler: httpapi.Router()}
	_ = srv.ListenAndServe()
}
