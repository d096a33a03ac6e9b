package load

import (
	"errors"
	"fmt"
)

// Error is a problem in one content file, at one line (0 when it concerns the whole file).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// errorList collects errors so that one run of the generator reports all of them.
type errorList []error

func (l *errorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (l errorList) err() error { return errors.Join(l...) }
