package tf

import "strings"

// Suggest returns the candidate closest to name by edit distance, for a
// "did you mean" hint, or "" when nothing is close enough. Comparison
// ignores case; ties go to the candidate that sorts first.
func Suggest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	lname := strings.ToLower(name)
	// Allow about one edit per three characters, at most three.
	limit := min(3, max(1, len(lname)/3))
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if c == name || c == "" {
			continue
		}
		lc := strings.ToLower(c)
		if d := len(lc) - len(lname); d > limit || -d > limit {
			continue
		}
		d := distance(lname, lc, bestDist+1) // exact below bestDist+1, so ties are real
		if d < bestDist || (d == bestDist && d <= limit && c < best) {
			best, bestDist = c, d
		}
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b (in bytes). Once
// it cannot be below bound it gives up and returns bound.
func distance(a, b string, bound int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= bound {
			return bound
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
