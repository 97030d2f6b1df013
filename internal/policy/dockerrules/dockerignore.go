package dockerrules

import (
	"bytes"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

// parseDockerignore reads .dockerignore patterns as Docker does
// (ignorefile.ReadAll: comments, surrounding space, leading "/" and
// "!" exceptions). A file that cannot be read gives no patterns.
func parseDockerignore(data []byte) []string {
	pats, err := ignorefile.ReadAll(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return pats
}

// ignored reports whether the .dockerignore patterns keep p (a slash path
// relative to the build context) out of the context: as in Docker, the
// last pattern that matches p or one of its parent folders decides.
func (d *Dockerfile) ignored(p string) bool {
	pm, err := patternmatcher.New(d.Dockerignore)
	if err != nil {
		return false
	}
	ok, err := pm.MatchesOrParentMatches(p)
	return err == nil && ok
}
