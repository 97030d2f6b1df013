module example.com/mono/api

go 1.23.0

require (
	example.com/mono/shared v0.0.0
	github.com/gorilla/mux v1.8.1
	github.com/go-sql-driver/mysql v1.8.1
)
