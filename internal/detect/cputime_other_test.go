//go:build !unix

package detect

// cpuTime is not measured here: the benchmarks' cpu-ns/op reads 0.
func cpuTime() int64 { return 0 }
