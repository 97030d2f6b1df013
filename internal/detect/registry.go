package detect

// Registry returns the detectors in precedence order. When two detectors
// claim one folder with equal strength, the one listed first wins; the reason
// for each position is in docs/detection.md. Keep the order deliberate.
func Registry() []Detector {
	return []Detector{
		// MARKER-A: deno, node
		// MARKER-B: python, ruby, php, elixir
		// MARKER-C: golang, java, rust, dotnet, static
		dockerfileDetector{},
	}
}
