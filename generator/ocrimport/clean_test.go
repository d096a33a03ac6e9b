package ocrimport

import "testing"

func TestCleanLine(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantDoubt      bool
	}{
		{"justified line", "应 中 共 中 央 总 书 记 、国 家 主 席", "应中共中央总书记、国家主席", false},
		{"justified with punctuation", "败 避 风 港 共 识 ，推 动 追 逃", "败避风港共识，推动追逃", false},
		{"space before digits", "建交 65年来", "建交65年来", false},
		{"spaces around digits", "9月 4日", "9月4日", false},
		{"digits then space", "80 周年", "80周年", false},
		{"lone digit", "坦 1 号铁路", "坦1号铁路", false},
		{"after number marker", "7. 深化反腐败", "7.深化反腐败", false},
		{"line start and end", "  于 2025  ", "于2025", false},
		{"between narrow runes kept", "A/RES/2758 (XXVI)", "A/RES/2758 (XXVI)", false},
		{"narrow run collapsed to one space", "A \t\u00a0 B", "A B", false},
		{"tab next to wide", "中\t国", "中国", false},
		{"ideographic space", "中\u3000国\u3000", "中国", false},
		{"NBSP next to wide", "\u00a0中 国", "中国", false},
		{"middle dot is wide", "劳尔 · 卡斯特罗", "劳尔·卡斯特罗", false},
		{"curly quotes are wide", "“ 一带一路 ” 5 Es", "“一带一路”5 Es", false},
		{"CR of CRLF", "中国\r", "中国", false},
		{"blank", " \t\u3000\r", "", false},
		{"empty", "", "", false},
		{"latin words", "Belt  and Road", "Belt and Road", false},
		{"latin short words", "I am a boy", "I am a boy", false},
		{"zero width space is not whitespace", "中\u200b国", "中\u200b国", false},
		{"letter-spaced line with a number", "于 2 0 2 5 年 至 2 0 2 9 年", "于2025年至2029年", true},
		{"letter-spaced line with a marker", "7 . 深 化 反 腐 败", "7.深化反腐败", true},
		{"split number in a normal line", "迪亚斯-卡内尔于 2 0 2 5", "迪亚斯-卡内尔于2 0 2 5", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, doubt := cleanLine(tt.in)
			if got != tt.want || (doubt != "") != tt.wantDoubt {
				t.Errorf("cleanLine(%q) = %q, doubt %q; want %q, doubt %v", tt.in, got, doubt, tt.want, tt.wantDoubt)
			}
		})
	}
}

func TestJoinColumnLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"chinese", []string{"巴国家主席迪亚斯-卡内尔于2025", "年9月2日至6日来华"}, "巴国家主席迪亚斯-卡内尔于2025年9月2日至6日来华"},
		{"word broken between letters", []string{"United", "Nations"}, "United Nations"},
		{"letter then digit", []string{"A/RES/", "2758"}, "A/RES/2758"},
		{"hyphen", []string{"inter-", "national"}, "inter-national"},
		{"letter then chinese", []string{"5Es", "发展框架"}, "5Es发展框架"},
		{"chinese then letter", []string{"以“", "5Es”"}, "以“5Es”"},
		{"single line", []string{"中国"}, "中国"},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinColumnLines(tt.lines); got != tt.want {
				t.Errorf("joinColumnLines(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}
