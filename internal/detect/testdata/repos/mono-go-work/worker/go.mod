module example.com/mono/worker

go 1.23.0

require (
	github.com/redis/go-redis/v9 v9.7.0
	github.com/aws/aws-sdk-go-v2/service/sqs v1.37.0
)
