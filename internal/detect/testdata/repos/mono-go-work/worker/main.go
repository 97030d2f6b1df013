package main

import (
	"context"
	"os"

	"github.com/redis/go-redis/v9"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	for {
		if _, err := rdb.BLPop(context.Background(), 0, "jobs").Result(); err != nil {
			return
		}
	}
}
