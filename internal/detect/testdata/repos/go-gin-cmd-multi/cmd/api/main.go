package main

import (
	"os"

	"example.com/shop/v2/internal/store"
	"github.com/gin-gonic/gin"
)

func main() {
	db := store.Open()
	defer db.Close()
	r := gin.Default()
	r.GET("/healthz", func(c *gin.Context) { c.String(200, "ok") })
	addr := os.Getenv("LISTEN_ADDR")
	if addr == "" {
		addr = ":9000"
	}
	r.Run(addr)
}
