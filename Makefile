.PHONY: build test test-update lint bench fuzz

build:
	go build -o bin/hoist ./cmd/hoist

test:
	bash scripts/test

test-update:
	go test ./... -update

lint:
	gofmt -l $$(git ls-files '*.go')
	go vet ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

fuzz:
	bash scripts/fuzz
