package main

import (
	"log"

	"example.com/shop/v2/internal/jobs"
	"github.com/hibiken/asynq"
)

func main() {
	srv := asynq.NewServer(asynq.RedisClientOpt{Addr: jobs.RedisAddr()}, asynq.Config{Concurrency: 4})
	if err := srv.Run(jobs.Mux()); err != nil {
		log.Fatal(err)
	}
}
