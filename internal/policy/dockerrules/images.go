package dockerrules

import "strings"

// imageRef is a parsed image reference: name[:tag][@digest].
type imageRef struct {
	name, tag, digest string
}

func parseImageRef(ref string) imageRef {
	var r imageRef
	ref, r.digest, _ = strings.Cut(ref, "@")
	slash := strings.LastIndex(ref, "/")
	if i := strings.LastIndex(ref, ":"); i > slash {
		r.name, r.tag = ref[:i], ref[i+1:]
	} else {
		r.name = ref
	}
	return r
}

// externalBase reports whether stage s starts from an image (not scratch,
// not an earlier stage, not an unresolved variable) and returns it.
func externalBase(s *Stage) (imageRef, bool) {
	if s.Parent >= 0 || s.Base == "" || strings.EqualFold(s.Base, "scratch") || strings.Contains(s.Base, "$") {
		return imageRef{}, false
	}
	return parseImageRef(s.Base), true
}

// isURL reports whether an ADD source is remote.
func isURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "git@") || strings.HasPrefix(l, "git://") || strings.HasPrefix(l, "ssh://")
}

// isGitURL reports whether a remote ADD source is a Git repository.
func isGitURL(src string) bool {
	l := strings.ToLower(src)
	base, _, _ := strings.Cut(l, "#")
	return strings.HasPrefix(l, "git@") || strings.HasPrefix(l, "git://") || strings.HasPrefix(l, "ssh://") || strings.HasSuffix(base, ".git")
}

// isArchive reports whether a local ADD source is an archive ADD unpacks.
func isArchive(src string) bool {
	l := strings.ToLower(src)
	for _, ext := range []string{".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}
