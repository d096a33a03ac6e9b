//go:build !unix

package write

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// lock takes the lock by creating the file at path, waiting while another
// process has it (waiting is called first, once). The returned function
// releases it.
func lock(path string, waiting func()) (func(), error) {
	for first := true; ; first = false {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if first && waiting != nil {
			waiting()
		}
		time.Sleep(50 * time.Millisecond)
	}
}
