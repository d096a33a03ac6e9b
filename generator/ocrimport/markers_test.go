package ocrimport

import "testing"

func TestNumberingMarkerLen(t *testing.T) {
	tests := []struct {
		in     string
		marker string // the expected marker, "" for none
	}{
		{"一、政治领域交流合作", "一、"},
		{"十一、双方同意，深化在网络安", "十一、"},
		{"二十一、迪亚斯-卡内尔第一书记、", "二十一、"},
		{"（一）总体要求", "（一）"},
		{"(二)具体措施", "(二)"},
		{"（1）加强合作", "（1）"},
		{"(12)加强合作", "(12)"},
		{"1.发挥高层引领作用", "1."},
		{"1．发挥高层引领作用", "1．"},
		{"10.通过红其拉甫口岸", "10."},
		{"3、加强交流", "3、"},
		{"１．全角数字", "１．"},
		{"7.", "7."},
		{"2026年在中国举办第二届", ""},
		{"2025年至2029年", ""},
		{"2758号决议", ""},
		{"2.5亿元", ""},
		{"2025.", ""},
		{"1000.名", ""},
		{"一带一路、", ""},
		{"十分重要", ""},
		{"一百二十三四五六七、", ""},
		{"（一", ""},
		{"（以下简称“双方”）", ""},
		{"中国", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := numberingMarkerLen(tt.in); got != len(tt.marker) {
			t.Errorf("numberingMarkerLen(%q) = %d, want %d (%q)", tt.in, got, len(tt.marker), tt.marker)
		}
	}
}
