package search

// Numbers in the index's posting lists are written as variable-length
// groups of characters of the URL-safe base-64 alphabet: each character
// carries 5 bits of the number, least significant first, and a sixth bit
// (32) saying that another character follows. Small numbers, the common
// case, take one character; the text needs no escaping in JSON or a URL.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendNumber writes v (≥ 0).
func appendNumber(b []byte, v int) []byte {
	for {
		d := v & 31
		v >>= 5
		if v == 0 {
			return append(b, alphabet[d])
		}
		b = append(b, alphabet[d|32])
	}
}

// numberReader reads what appendNumber wrote.
type numberReader struct {
	s   string
	pos int
}

var alphabetValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = int8(i)
	}
	return t
}()

func (r *numberReader) more() bool { return r.pos < len(r.s) }

// next reads one number; ok is false at the end or on a character outside the alphabet.
func (r *numberReader) next() (v int, ok bool) {
	shift := 0
	for r.pos < len(r.s) {
		d := alphabetValue[r.s[r.pos]]
		r.pos++
		if d < 0 {
			return 0, false
		}
		v |= int(d&31) << shift
		if d&32 == 0 {
			return v, true
		}
		shift += 5
	}
	return 0, false
}

// shardOf is the shard of a key, among n (a power of two): FNV-1a over its
// code points, each taken as one 32-bit value. search.js computes the same.
func shardOf(key string, n int) int { return int(hashOf(key) & uint32(n-1)) }

// hashOfBytes is hashOf of a key in UTF-8.
func hashOfBytes(key []byte) uint32 {
	h := uint32(2166136261)
	for _, r := range string(key) { // (ranging over a conversion does not copy)
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}

// hashOf is FNV-1a over a key's code points.
func hashOf(key string) uint32 {
	h := uint32(2166136261)
	for _, r := range key {
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}
