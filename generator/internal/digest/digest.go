// Package digest hashes Go values by what they hold, so that a cache key can
// be derived from the very value a stage is given rather than from a list of
// its inputs kept by hand: whatever a stage can read through its argument is
// in the argument's digest.
//
// A Hasher walks a value by reflection: every field of a struct, exported or
// not; every element of a slice, array or map (a map's entries in the order
// of their digests); the value behind a pointer or interface, with its
// dynamic type. A value of a plain type (numbers and booleans, no padding:
// plain.go) is hashed as its memory, and a slice of them in one write. A
// pointer that was given an identity (Identify) is hashed as that identity
// and not walked: this is how a large shared value that is
// itself a pure function of something smaller (a document's structure, built
// from its source) enters a key cheaply, and how values with cycles (a
// block's parent and children) are hashed at all. A Hasher remembers the
// digest of every pointer it walked, so a value shared by many keys is
// walked once. Functions, channels, unsafe pointers and cycles without an
// identity cannot be hashed: the Hasher panics, naming the type, because a
// key that silently left them out would serve stale output.
//
// A value can also know its own digest (Identity): a pointer to it is
// hashed as that digest and not walked. This is for values made once and
// kept across builds, read by many keys: their digest is computed when
// they are made (with Of, over everything they hold), not again by every
// build that meets them.
//
// A Hasher assumes the values it has seen do not change while it is used:
// make one per build.
package digest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"
	"unsafe"
)

// Identity is a value that knows its own digest: DigestIdentity must be
// the digest of everything it holds, so that a pointer to it hashes as
// that instead of being walked.
type Identity interface {
	DigestIdentity() Digest
}

// Digest is a SHA-256 digest.
type Digest [sha256.Size]byte

// String is the digest in hex, for messages.
func (d Digest) String() string { return hex.EncodeToString(d[:]) }

// Hasher digests values. It is safe for concurrent use.
type Hasher struct {
	mu         sync.RWMutex
	known      map[pointerKey]known // pointer → its identity, or the digest of what it points to
	plainTypes sync.Map             // reflect.Type → whether it is plain (plain.go)
}

// pointerKey names a pointer: its address and type, since a struct and its
// first field share an address.
type pointerKey struct {
	addr uintptr
	t    reflect.Type
}

// known is a pointer's digest. It holds the pointer, so that what it points
// to is not freed and its address reused for another value while the
// Hasher remembers it.
type known struct {
	p unsafe.Pointer
	d Digest
}

// New gives a Hasher that knows no identities.
func New() *Hasher { return &Hasher{known: map[pointerKey]known{}} }

func (h *Hasher) lookup(p reflect.Value) (Digest, bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	k, ok := h.known[pointerKey{p.Pointer(), p.Type()}]
	return k.d, ok
}

func (h *Hasher) remember(p reflect.Value, d Digest) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.known[pointerKey{p.Pointer(), p.Type()}] = known{p: p.UnsafePointer(), d: d}
}

// Identify makes the pointer p hash as id wherever it occurs. p must be a
// non-nil pointer whose pointee is a pure function of what id digests.
func (h *Hasher) Identify(p any, id Digest) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic(fmt.Sprintf("digest: Identify needs a non-nil pointer, not %T", p))
	}
	h.remember(v, id)
}

// Of digests v.
func (h *Hasher) Of(v any) Digest {
	w := newWalker(h, map[uintptr]bool{}, map[pointerKey]Digest{})
	w.value(reflect.ValueOf(v))
	return w.done()
}

// Of digests v with a Hasher of its own.
func Of(v any) Digest { return New().Of(v) }

// Bytes digests raw bytes, for identities of what was read from a file.
func Bytes(data []byte) Digest { return sha256.Sum256(data) }

// walker is one digest under way. What it hashes goes through a buffer:
// a value is mostly small fields (tags, lengths, numbers, short
// strings), and one hash Write per field cost more than the hashing.
type walker struct {
	h     *Hasher
	sum   hash.Hash
	open  map[uintptr]bool      // pointers being walked: meeting one again is a cycle
	local map[pointerKey]Digest // pointers this digest met already, without the Hasher's lock
	buf   *[]byte               // what is not yet written to sum
}

// bufSize is the size of a walker's buffer; longer strings and byte
// slices are written to the hash as they are.
const bufSize = 2048

var buffers = sync.Pool{New: func() any { b := make([]byte, 0, bufSize); return &b }}

func newWalker(h *Hasher, open map[uintptr]bool, local map[pointerKey]Digest) walker {
	return walker{h: h, sum: sha256.New(), open: open, local: local, buf: buffers.Get().(*[]byte)}
}

// write hashes b.
func (w *walker) write(b []byte) {
	if len(*w.buf)+len(b) <= bufSize {
		*w.buf = append(*w.buf, b...)
		return
	}
	w.flush()
	if len(b) <= bufSize {
		*w.buf = append(*w.buf, b...)
		return
	}
	w.sum.Write(b)
}

func (w *walker) flush() {
	w.sum.Write(*w.buf)
	*w.buf = (*w.buf)[:0]
}

// done is the digest of what the walker hashed; the walker is then of no use.
func (w *walker) done() Digest {
	w.flush()
	buffers.Put(w.buf)
	w.buf = nil
	var d Digest
	w.sum.Sum(d[:0])
	return d
}

func (w *walker) uint(n uint64) {
	if len(*w.buf)+binary.MaxVarintLen64 > bufSize {
		w.flush()
	}
	*w.buf = binary.AppendUvarint(*w.buf, n)
}

func (w *walker) bytes(b []byte) {
	w.uint(uint64(len(b)))
	w.write(b)
}

// string hashes s without copying it (a hash neither keeps nor changes
// what it is given, io.Writer) unless it fits the buffer.
func (w *walker) string(s string) {
	w.uint(uint64(len(s)))
	w.write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// Tags say what follows, so that values of different shapes cannot collide.
const (
	tagInvalid byte = iota
	tagNil
	tagPointer
	tagInterface
	tagMap
	tagSlice
	tagStruct
)

func (w *walker) tag(t byte) {
	if len(*w.buf) == bufSize {
		w.flush()
	}
	*w.buf = append(*w.buf, t)
}

func (w *walker) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		w.tag(tagInvalid)
	case reflect.Bool:
		if v.Bool() {
			w.uint(1)
		} else {
			w.uint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.uint(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		w.uint(math.Float64bits(real(c)))
		w.uint(math.Float64bits(imag(c)))
	case reflect.String:
		w.string(v.String())
	case reflect.Array:
		if w.memory(v) {
			return
		}
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Slice:
		if v.IsNil() {
			w.tag(tagNil)
			return
		}
		w.tag(tagSlice)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			w.bytes(v.Bytes())
			return
		}
		w.uint(uint64(v.Len()))
		if e := v.Type().Elem(); w.h.plain(e) {
			w.write(unsafe.Slice((*byte)(v.UnsafePointer()), v.Len()*int(e.Size())))
			return
		}
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Struct:
		w.tag(tagStruct)
		if w.memory(v) {
			return
		}
		for i := range v.NumField() {
			w.value(v.Field(i))
		}
	case reflect.Map:
		w.mapValue(v)
	case reflect.Interface:
		if v.IsNil() {
			w.tag(tagNil)
			return
		}
		w.tag(tagInterface)
		e := v.Elem()
		w.string(e.Type().String())
		w.value(e)
	case reflect.Pointer:
		w.pointer(v)
	default: // Func, Chan, UnsafePointer
		panic(fmt.Sprintf("digest: cannot digest a value of type %s", v.Type()))
	}
}

// pointer hashes the identity or the digest of what p points to, walking it once per Hasher.
func (w *walker) pointer(p reflect.Value) {
	if p.IsNil() {
		w.tag(tagNil)
		return
	}
	w.tag(tagPointer)
	if p.CanInterface() {
		if id, ok := p.Interface().(Identity); ok {
			d := id.DigestIdentity()
			w.write(d[:])
			return
		}
	}
	key := pointerKey{p.Pointer(), p.Type()}
	if d, ok := w.local[key]; ok {
		w.write(d[:])
		return
	}
	if d, ok := w.h.lookup(p); ok {
		w.local[key] = d
		w.write(d[:])
		return
	}
	addr := p.Pointer()
	if w.open[addr] {
		panic(fmt.Sprintf("digest: a cycle through %s: give it an identity", p.Type()))
	}
	w.open[addr] = true
	inner := newWalker(w.h, w.open, w.local)
	inner.value(p.Elem())
	delete(w.open, addr)
	d := inner.done()
	w.h.remember(p, d)
	w.local[key] = d
	w.write(d[:])
}

// mapValue hashes a map's entries in the order of their digests.
func (w *walker) mapValue(m reflect.Value) {
	if m.IsNil() {
		w.tag(tagNil)
		return
	}
	w.tag(tagMap)
	entries := make([]Digest, 0, m.Len())
	iter := m.MapRange()
	for iter.Next() {
		e := newWalker(w.h, w.open, w.local)
		e.value(iter.Key())
		e.value(iter.Value())
		entries = append(entries, e.done())
	}
	slices.SortFunc(entries, func(a, b Digest) int { return slices.Compare(a[:], b[:]) })
	w.uint(uint64(len(entries)))
	for _, d := range entries {
		w.write(d[:])
	}
}
