package cfn

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate closest to name by case-insensitive edit
// distance, for "did you mean" hints, or "" when none is close enough. A
// candidate qualifies within max(1, len(name)/3) edits (so two for a
// six-letter name); ties go to the earlier candidate, so pass a sorted list
// for stable answers.
func Suggest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	lname := []rune(strings.ToLower(name))
	limit := max(1, len(lname)/3)
	best, bestDist := "", limit+1
	var row []int
	for _, c := range candidates {
		// Length differences bound the distance, so most candidates are
		// skipped before lowercasing (which may change the rune count).
		if d := utf8.RuneCountInString(c) - len(lname); d > 2*limit || -d > 2*limit {
			continue
		}
		lc := []rune(strings.ToLower(c))
		if d := len(lc) - len(lname); d >= bestDist || -d >= bestDist {
			continue
		}
		var d int
		d, row = distance(lname, lc, bestDist-1, row)
		if d < bestDist {
			best, bestDist = c, d
			if d == 0 {
				break
			}
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, or bound+1 once it
// is known to exceed bound. row is scratch space reused between calls.
func distance(a, b []rune, bound int, row []int) (int, []int) {
	if cap(row) < len(b)+1 {
		row = make([]int, len(b)+1)
	}
	row = row[:len(b)+1]
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0] // row[i-1][j-1]
		row[0] = i
		rowMin := row[0]
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
			rowMin = min(rowMin, row[j])
		}
		if rowMin > bound {
			return bound + 1, row
		}
	}
	return row[len(b)], row
}
