package main

import (
	"net/http"

	"example.com/mono/shared/config"
	"github.com/gorilla/mux"
)

func main() {
	r := mux.NewRouter()
	http.ListenAndServe(config.Addr(), r)
}
