// Package config reads settings.
package config

import "os"

// Addr is the listen address.
func Addr() string {
	if p := os.Getenv("API_PORT"); p != "" {
		return ":" + p
	}
	return "0.0.0.0:7070"
}
