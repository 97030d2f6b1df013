// Package jobs holds the background task handlers.
package jobs

import (
	"os"

	"github.com/hibiken/asynq"
)

// RedisAddr is where the queue lives.
func RedisAddr() string {
	if v, ok := os.LookupEnv("REDIS_ADDR"); ok {
		return v
	}
	return "localhost:6379"
}

// Mux routes tasks to handlers.
func Mux() *asynq.ServeMux { return asynq.NewServeMux() }
