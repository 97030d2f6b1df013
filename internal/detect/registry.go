package detect

// Registry returns the detectors in precedence order. When two detectors
// claim one folder with equal strength, the one listed first wins; the reason
// for each position is in docs/detection.md. Keep the order deliberate.
func Registry() []Detector {
	return []Detector{
		denoDetector{},
		nodeDetector{},
		pythonDetector{},
		rubyDetector{},
		phpDetector{},
		elixirDetector{},
		golangDetector{},
		javaDetector{},
		rustDetector{},
		dotnetDetector{},
		staticDetector{},
		dockerfileDetector{},
	}
}
