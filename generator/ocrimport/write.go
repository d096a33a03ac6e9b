package ocrimport

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// plannedFile is a file Run is about to write.
type plannedFile struct {
	path    string
	content []byte
}

// writeNewFiles creates dir if needed and writes every file, each through a
// temporary file in dir renamed into place. It refuses to overwrite: if any
// of the files exists it writes none of them.
func writeNewFiles(dir string, files []plannedFile) error {
	for _, f := range files {
		if err := refuseExisting(f.path); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeNewFile(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

// refuseExisting fails if something exists at path.
func refuseExisting(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return fmt.Errorf("%s already exists; refusing to overwrite it", path)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return err
	}
}

// writeNewFile writes content to a temporary file next to path and renames
// it to path, which must not exist.
func writeNewFile(path string, content []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(content); err != nil {
		tmp.Close()
		return err
	}
	if err = tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	// Checked again just before the rename, which would replace a file
	// created since writeNewFiles looked.
	if err = refuseExisting(path); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
