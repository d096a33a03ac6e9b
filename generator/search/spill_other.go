//go:build !unix

package search

import (
	"io"
	"os"
)

// mapFile reads the first size bytes of f, where files cannot be mapped.
func mapFile(f *os.File, size int64) (data []byte, unmap func() error, err error) {
	data = make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, err
	}
	return data, func() error { return nil }, nil
}
