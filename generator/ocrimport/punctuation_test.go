package ocrimport

import "testing"

func TestEndsSentence(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"胜利80周年活动。", true},
		{"于深化新时代中古关系的联合声明》。", true},
		{"“台湾独立”。", true},
		{"有关决议。”", true},
		{"欢迎吗？", true},
		{"重要！", true},
		{"障碍；", true},
		{"the end.", true},
		{"应中华人民共和国主席习近平邀请，", false},
		{"统筹规划好2026", false},
		{"《全球数据安全倡议》", false},
		{"双方同意：", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsSentence(tt.in); got != tt.want {
			t.Errorf("endsSentence(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
