package detect

import (
	"syscall"
	"testing"
)

// TestOpenNoatimeFallsBack: a file the user does not own refuses
// O_NOATIME with EPERM; the open is retried without it, and later opens
// no longer ask for it.
func TestOpenNoatimeFallsBack(t *testing.T) {
	defer noatimeDenied.Store(noatimeDenied.Load())
	noatimeDenied.Store(false)
	var got []int
	notOwner := func(flags int) (int, error) {
		got = append(got, flags)
		if flags&syscall.O_NOATIME != 0 {
			return -1, syscall.EPERM
		}
		return 7, nil
	}
	if fd, err := openNoatime(notOwner, syscall.O_DIRECTORY); fd != 7 || err != nil {
		t.Fatalf("first open: got fd %d, err %v, want 7, nil", fd, err)
	}
	if fd, err := openNoatime(notOwner, 0); fd != 7 || err != nil {
		t.Fatalf("second open: got fd %d, err %v, want 7, nil", fd, err)
	}
	want := []int{
		syscall.O_RDONLY | syscall.O_CLOEXEC | syscall.O_DIRECTORY | syscall.O_NOATIME,
		syscall.O_RDONLY | syscall.O_CLOEXEC | syscall.O_DIRECTORY,
		syscall.O_RDONLY | syscall.O_CLOEXEC,
	}
	if len(got) != len(want) {
		t.Fatalf("got opens with flags %#x, want %#x", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("open %d: got flags %#x, want %#x", i, got[i], want[i])
		}
	}

	// Other errors are the caller's: no retry, O_NOATIME kept.
	noatimeDenied.Store(false)
	calls := 0
	missing := func(flags int) (int, error) { calls++; return -1, syscall.ENOENT }
	if _, err := openNoatime(missing, 0); err != syscall.ENOENT || calls != 1 || noatimeDenied.Load() {
		t.Errorf("missing file: got err %v after %d calls (O_NOATIME denied: %v), want ENOENT after 1 (false)", err, calls, noatimeDenied.Load())
	}
}
