module example.com/shop/v2

go 1.22

toolchain go1.24.3

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/hibiken/asynq v0.25.1
	github.com/jackc/pgx/v5 v5.7.2
)

require (
	github.com/bytedance/sonic v1.12.6 // indirect
	github.com/lib/pq v1.10.9 // indirect
)
