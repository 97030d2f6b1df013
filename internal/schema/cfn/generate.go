package cfn

//go:generate go run ./gen
