package digest

import (
	"reflect"
	"unsafe"
)

// A plain type holds numbers and booleans only, with no padding between
// them: equal values of it are equal bytes, so it is hashed as its memory
// in one write (a slice of them too: a block's matches, a list of
// indexes), not walked field by field. Padding is left out because its
// bytes are not part of the value; a float's -0 and +0, or two NaNs,
// differ in memory as they already differ in the walk (Float64bits).
// A Hasher remembers which types it found plain.
func (h *Hasher) plain(t reflect.Type) bool {
	if p, ok := h.plainTypes.Load(t); ok {
		return p.(bool)
	}
	p := h.isPlain(t)
	h.plainTypes.Store(t, p)
	return p
}

func (h *Hasher) isPlain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return h.plain(t.Elem())
	case reflect.Struct:
		end := uintptr(0)
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Offset != end || !h.plain(f.Type) {
				return false
			}
			end += f.Type.Size()
		}
		return end == t.Size()
	}
	return false
}

// memory hashes v as its bytes if its type is plain and its memory can be
// reached (it is addressable); it says whether it did.
func (w *walker) memory(v reflect.Value) bool {
	if !v.CanAddr() || !w.h.plain(v.Type()) {
		return false
	}
	w.write(unsafe.Slice((*byte)(v.Addr().UnsafePointer()), v.Type().Size()))
	return true
}
