package cfn

// Regenerate resources.txt.gz from the pinned spec package; install it first
// with `npm ci` in test-tools. See gen/main.go for the file format.
//go:generate go run ./gen
