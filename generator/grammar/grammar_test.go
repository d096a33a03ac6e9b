package grammar

import (
	"fmt"
	"testing"
)

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "四": 4, "十": 10, "十一": 11, "二十": 20, "二十一": 21, "九十九": 99, "一百零五": 105, "一百一十": 110, "两": 2, "一千二百六十": 1260} {
		if got, ok := ChineseNumber(s); !ok || got != want {
			t.Errorf("ChineseNumber(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, bad := range []string{"", "零", "二三", "十十", "百", "十二十"} {
		if got, ok := ChineseNumber(bad); ok {
			t.Errorf("ChineseNumber(%q) = %d, want failure", bad, got)
		}
	}
}

func TestChineseNumeral(t *testing.T) {
	for n := 1; n < 2000; n++ {
		s := ChineseNumeral(n)
		if back, ok := ChineseNumber(s); !ok || back != n {
			t.Fatalf("ChineseNumeral(%d) = %q, which reads as %d", n, s, back)
		}
	}
	for n, want := range map[int]string{2: "二", 10: "十", 12: "十二", 21: "二十一", 105: "一百零五", 110: "一百一十"} {
		if got := ChineseNumeral(n); got != want {
			t.Errorf("ChineseNumeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestParse: every row of the grammar, and the lines that only look like numbers.
func TestParse(t *testing.T) {
	tests := []struct {
		text, row string
		num       int
		marker    string
	}{
		{"二十一、迪亚斯", "gbt1", 21, "二十一、"},
		{"（三）甲", "gbt2", 3, "（三）"},
		{"(三)甲", "gbt2", 3, "(三)"},
		{"12.加强", "gbt3", 12, "12."},
		{"4．中方", "gbt3", 4, "4．"},
		{"3、推进", "gbt3", 3, "3、"},
		{"１．全角", "gbt3", 1, "１．"},
		{"（2）乙", "gbt4", 2, "（2）"},
		{"(2)乙", "gbt4", 2, "(2)"},
		{"③丙", "gbt5", 3, "③"},
		{"㉑丁", "gbt5", 21, "㉑"},
		{"第一编　总则", "book", 1, "第一编"},
		{"第二分编　典型合同", "subbook", 2, "第二分编"},
		{"第十二章　附则", "chapter", 12, "第十二章"},
		{"第三节　监督", "section", 3, "第三节"},
		{"第一百零五条　为了", "article", 105, "第一百零五条"},
		{"第5条 为了", "article", 5, "第5条"},
		{"第一条为了规范", "article", 1, "第一条"},
		{"2.1.3　范围", "decimal", 3, "2.1.3"},
		{"1　总则", "decimal", 1, "1"},
		{"1.1 目的", "decimal", 1, "1.1"},
		{"2026年在中国", "", 0, ""},
		{"1.5亿元", "", 0, ""},
		{"“一带一路”", "", 0, ""},
		{"一带一路", "", 0, ""},
		{"第一条的规定", "", 0, ""},
		{"第一条至第三条", "", 0, ""},
		{"1　本规范适用于测试。", "", 0, ""},          // a one-part decimal number needs a heading
		{"100 多个国家", "decimal", 100, "100"}, // unless the text has no 1.1: see structure
		{"（2025－2029年）", "", 0, ""},
	}
	for _, tt := range tests {
		m, ok := Parse(tt.text)
		got := ""
		if ok {
			got = fmt.Sprintf("%s %d %s", m.Level.Name, m.Num, m.Text)
		}
		want := ""
		if tt.row != "" {
			want = fmt.Sprintf("%s %d %s", tt.row, tt.num, tt.marker)
		}
		if got != want {
			t.Errorf("Parse(%q) = %q, want %q", tt.text, got, want)
		}
	}
	if m, _ := Parse("2.1.3　范围"); m.ID() != "2-1-3" || m.Rank != 13 || m.Rest("2.1.3　范围") != "范围" {
		t.Errorf("decimal marker %+v: id %s, rest %q", m, m.ID(), m.Rest("2.1.3　范围"))
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]LineKind{
		"（新华社北京9月4日电）":       Dateline,
		"(新华社北京9月4日电)":       Dateline,
		"新华社北京11月3日电":        Dateline,
		"国办发〔2019〕4号":        DocNumber,
		"国办发明电〔2018〕15号":     DocNumber,
		"财税[2019]13号":        DocNumber,
		"第706号":              DocNumber,
		"国务院令第706号":          DocNumber,
		"2018年12月4日":         Date,
		"二〇〇五年六月十一日":         Date,
		"2019年7月23日于北京":      PlaceDate,
		"二〇一九年七月二十三日于北京":     PlaceDate,
		"（此件公开发布）":           Note,
		"（本文有删减）":            Note,
		"附件":                 Attachment,
		"附件2":                Attachment,
		"附件：国家粮食应急预案":        Attachment,
		"目　　录":               TOCHead,
		"（一）甲":               Text,
		"2018年12月4日，双方举行会谈。": Text,
		"新华社北京11月3日电 中共中央办公厅近日印发了意见。": Text,
		"国务院办公厅": Text,
	}
	for text, want := range tests {
		if got := Classify(text); got != want {
			t.Errorf("Classify(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestReadDate(t *testing.T) {
	for text, want := range map[string][3]int{
		"2018年12月4日":    {2018, 12, 4},
		"二〇〇五年六月十一日":    {2005, 6, 11},
		"2019年7月23日于北京": {2019, 7, 23},
		"二〇二二年十二月三十一日":  {2022, 12, 31},
	} {
		y, m, d, ok := ReadDate(text)
		if !ok || [3]int{y, m, d} != want {
			t.Errorf("ReadDate(%q) = %d %d %d %v, want %v", text, y, m, d, ok, want)
		}
	}
	if _, _, _, ok := ReadDate("2018年13月4日"); ok {
		t.Error("month 13 read as a date")
	}
	if m, d, ok := DatelineMonthDay("（新华社北京9月4日电）"); !ok || m != 9 || d != 4 {
		t.Errorf("DatelineMonthDay = %d %d %v", m, d, ok)
	}
}

func TestSignerAndAddressee(t *testing.T) {
	for text, want := range map[string][2]bool{
		"国务院办公厅":          {true, false},
		"国务院总理　李强":        {true, true},
		"中华人民共和国外交部长　　王一": {true, true},
		"国家发展改革委　财政部":     {true, true},
		"双方一致同意加强合作。":     {false, false},
		"2018年12月4日":      {false, false},
		"一、总体要求":          {false, false},
		"（此件公开发布）":        {false, false},
	} {
		signer, spaced := Signer(text)
		if [2]bool{signer, spaced} != want {
			t.Errorf("Signer(%q) = %v %v, want %v", text, signer, spaced, want)
		}
	}
	for text, want := range map[string]bool{
		"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：": true,
		"各有关单位：":          true,
		"现就有关事项通知如下：":     false,
		"双方同意：":           true, // the form alone; structure takes it only at the top
		"为做好测试工作，经国务院同意。": false,
	} {
		if got := Addressee(text); got != want {
			t.Errorf("Addressee(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestReadsAsHeading(t *testing.T) {
	for text, want := range map[string]bool{
		"政治领域交流合作":        true,
		"共建“一带一路”务实合作":    true,
		"加强组织领导。":         false,
		"总体要求：":           false,
		"为了规范测试管理，制定本条例。": false,
		"": false,
	} {
		if got := ReadsAsHeading(text); got != want {
			t.Errorf("ReadsAsHeading(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestNormalizeHeading(t *testing.T) {
	for text, want := range map[string]string{
		"1　总则":             "1总则",
		"1　总则 ……………… 3":    "1总则",
		"第一章　总　　则　1":       "第一章总则",
		"1.1　编制目的……12":     "1.1编制目的",
		"2.1　领导机构 · · · 4": "2.1领导机构",
	} {
		if got := NormalizeHeading(text); got != want {
			t.Errorf("NormalizeHeading(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestParty(t *testing.T) {
	for _, tt := range [][5]string{
		{"中华人民共和国", "People's Republic of China", "中华人民共和国", "People's Republic of China", "peoples-republic-of-china"},
		{"中华人民共和国政府", "Government of the People's Republic of China", "中华人民共和国", "People's Republic of China", "peoples-republic-of-china"},
		{"巴基斯坦伊斯兰共和国政府", "Government of the Islamic Republic of Pakistan", "巴基斯坦伊斯兰共和国", "Islamic Republic of Pakistan", "islamic-republic-of-pakistan"},
		{"东南亚国家联盟", "Association of Southeast Asian Nations (ASEAN)", "东南亚国家联盟", "Association of Southeast Asian Nations (ASEAN)", "association-of-southeast-asian-nations-asean"},
		{"古巴共和国", "", "古巴共和国", "", ""},
	} {
		name, en, slug := Party(tt[0], tt[1])
		if name != tt[2] || en != tt[3] || slug != tt[4] {
			t.Errorf("Party(%q, %q) = %q, %q, %q", tt[0], tt[1], name, en, slug)
		}
	}
}
