package ocrimport

import "testing"

func TestIsWide(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'中', true}, {'。', true}, {'，', true}, {'、', true}, {'“', true}, {'”', true},
		{'（', true}, {'－', true}, {'—', true}, {'·', true}, {'２', true}, {'\u3000', true},
		{'a', false}, {'Z', false}, {'7', false}, {'.', false}, {'-', false}, {'(', false}, {' ', false},
	}
	for _, tt := range tests {
		if got := isWide(tt.r); got != tt.want {
			t.Errorf("isWide(%q) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestLineWidth(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"", 0},
		{"中国", 2},
		{"2025", 2},
		{"2025年", 3}, {"5Es", 1.5},
		{"胜利80周年活动。", 8},
		{"尔·卡斯特罗", 6},
		{"A/RES/2758 (XXVI)", 8.5},
		{"（2025－2029年）", 8},
	}
	for _, tt := range tests {
		if got := lineWidth(tt.in); got != tt.want {
			t.Errorf("lineWidth(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
