package ocrimport

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedPath is the one real page the project publishes from, relative to this
// package's directory.
const seedPath = "../../../shared/seed/000_1a856d60526b52c7.txt"

var updateGolden = flag.Bool("update", false, "rewrite testdata/seed.golden from the parser's output")

func readSeed(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(seedPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("seed page %s not found (it lives outside the repository, in /work/shared/seed); skipping the seed tests", seedPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func parseSeed(t *testing.T) ([]byte, []Document, []Warning) {
	t.Helper()
	src := readSeed(t)
	docs, warnings, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(seed): %v", err)
	}
	return src, docs, warnings
}

const (
	cubaTitle     = "中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明"
	pakistanTitle = "中华人民共和国政府和巴基斯坦伊斯兰共和国政府关于构建新时代更加紧密的中巴命运共同体行动计划（2025－2029年）"
	seedDateline  = "（新华社北京9月4日电）"
)

func TestSeedDocuments(t *testing.T) {
	src, docs, _ := parseSeed(t)
	checkNothingLost(t, src, docs)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if docs[0].Title != cubaTitle || docs[0].TitleLine != 390 {
		t.Errorf("document 1 title %q at line %d, want %q at 390", docs[0].Title, docs[0].TitleLine, cubaTitle)
	}
	if docs[1].Title != pakistanTitle || docs[1].TitleLine != 1295 {
		t.Errorf("document 2 title %q at line %d, want %q at 1295", docs[1].Title, docs[1].TitleLine, pakistanTitle)
	}
	for i, d := range docs {
		last := d.Paragraphs[len(d.Paragraphs)-1]
		if last.Text != seedDateline {
			t.Errorf("document %d ends with %q, want the dateline %q", i+1, last.Text, seedDateline)
		}
	}
}

func TestSeedCuba(t *testing.T) {
	_, docs, _ := parseSeed(t)
	cuba := docs[0]
	wantStarts := []int{
		2, 14, 38, 72, // preamble
		92, 104, 114, 126, 146, 152, 166, 190, 204, 212, 222, // 一、 … 十一、
		238, 262, 278, 302, 308, 320, 338, 358, 374, 378, // 十二、 … 二十一、
		388, // dateline
	}
	if got := paragraphStarts(cuba); !slices.Equal(got, wantStarts) {
		t.Fatalf("paragraph starts\n got %v\nwant %v", got, wantStarts)
	}
	const first = "应中共中央总书记、国家主席习近平邀请，古共中央第一书记、古巴国家主席迪亚斯-卡内尔于2025年9月2日至6日来华出席纪念中国人民抗日战争暨世界反法西斯战争胜利80周年活动。"
	if got := cuba.Paragraphs[0].Text; got != first {
		t.Errorf("paragraph 1 =\n%s\nwant\n%s", got, first)
	}
	numerals := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
		"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一"}
	for i, numeral := range numerals {
		p := cuba.Paragraphs[4+i]
		if !strings.HasPrefix(p.Text, numeral+"、") || !endsSentence(p.Text) {
			t.Errorf("paragraph %d (line %d) = %q, want item %s、 ending a sentence", 5+i, p.Line, p.Text, numeral)
		}
	}
}

func TestSeedPakistan(t *testing.T) {
	_, docs, _ := parseSeed(t)
	pakistan := docs[1]
	paragraphs := pakistan.Paragraphs

	wantPreamble := []int{423, 435, 443, 467, 483, 493}
	if got := paragraphStarts(pakistan)[:6]; !slices.Equal(got, wantPreamble) {
		t.Errorf("preamble starts %v, want %v", got, wantPreamble)
	}

	headings := []string{"一、政治领域交流合作", "二、共建“一带一路”务实合作", "三、经贸财金合作",
		"四、科技和人才合作", "五、安全和防务合作", "六、人文交流合作", "七、多边协调合作"}
	wantItems := []int{7, 11, 9, 8, 7, 13, 8}
	i := 6
	for part, heading := range headings {
		if i+1 >= len(paragraphs) || paragraphs[i].Text != heading {
			t.Fatalf("paragraph %d = %q, want heading %q", i+1, paragraphs[i].Text, heading)
		}
		intro := paragraphs[i+1]
		if numberingMarkerLen(intro.Text) != 0 || !endsSentence(intro.Text) {
			t.Errorf("part %d introduction (line %d) = %q", part+1, intro.Line, intro.Text)
		}
		i += 2
		for item := 1; item <= wantItems[part]; item++ {
			p := paragraphs[i]
			if !strings.HasPrefix(p.Text, fmt.Sprintf("%d.", item)) || !endsSentence(p.Text) {
				t.Fatalf("part %d: paragraph %d (line %d) = %q, want item %d", part+1, i+1, p.Line, p.Text, item)
			}
			i++
			if part == 6 && item == 2 {
				second := paragraphs[i]
				if second.Line != 1211 || !strings.HasPrefix(second.Text, "强调以联合国宪章、国际法和国际关系") {
					t.Errorf("part 7 item 2 second paragraph = %q at line %d, want 强调以联合国宪章… at 1211", second.Text, second.Line)
				}
				i++
			}
		}
	}
	if i != len(paragraphs)-1 || paragraphs[i].Line != 1293 {
		t.Errorf("%d paragraphs, the dateline expected at index %d (line 1293)", len(paragraphs), i)
	}

	byLine := map[int]string{}
	for _, p := range paragraphs {
		byLine[p.Line] = p.Text
	}
	oneParagraph := map[int]string{
		723:  "5.推进瓜达尔新国际机场和瓜达尔港协调联动，把瓜达尔港打造成地区互联互通枢纽。优化利用瓜达尔港配套基础设施，探讨建设东湾快速路二期项目，充分利用海洋资源促进当地发展，强化港区商业功能和临港产业，加快推进港口和自由区综合开发。通过瓜达尔港同阿富汗、中亚及其他地区开展贸易。",
		995:  "2.以“零容忍”态度打击一切形式的恐怖主义，进一步加强双多边反恐合作。加强反恐能力建设合作和反恐经验交流分享。彻查有关涉华恐怖袭击事件，缉拿所有涉华恐怖袭击事件凶手并予严惩。",
		1283: "8.呼吁实现加沙无条件和全面永久停火，重申支持巴勒斯坦人民的自决权，支持落实“两国方案”，建立独立的巴勒斯坦国。双方愿同国际社会一道，为推动中东地区实现和平稳定作出不懈努力。",
	}
	for line, want := range oneParagraph {
		if got := byLine[line]; got != want {
			t.Errorf("paragraph at line %d =\n%s\nwant\n%s", line, got, want)
		}
	}
	anticorruption := byLine[1033]
	if !strings.HasPrefix(anticorruption, "7.深化反腐败领域交流合作。加强经验分享") ||
		!strings.Contains(anticorruption, "扩大拒绝腐败避风港共识，推动追逃追赃务实合作。") {
		t.Errorf("part 5 item 7 = %q", anticorruption)
	}
	if got := byLine[931]; !strings.HasPrefix(got, "5.持续推进《2021－2030年中国国家航天局") {
		t.Errorf("part 4 item 5 = %q", got)
	}
}

// TestSeedWarnings pins the warnings: the two breaks of the Cuba preamble
// that follow a full line are guesses, everything else is certain.
func TestSeedWarnings(t *testing.T) {
	_, _, warnings := parseSeed(t)
	var lines []int
	for _, w := range warnings {
		lines = append(lines, w.Line)
		if !strings.HasPrefix(w.Message, "guessed paragraph break: previous line is full width") {
			t.Errorf("unexpected warning %v", w)
		}
	}
	if !slices.Equal(lines, []int{38, 72}) {
		t.Errorf("warnings at lines %v, want [38 72]: %v", lines, warnings)
	}
}

// TestSeedGolden compares the whole result with testdata/seed.golden, which
// lists every paragraph as "LINE: text" for review. Run with -update to
// rewrite it after a deliberate change, and review the diff.
func TestSeedGolden(t *testing.T) {
	_, docs, warnings := parseSeed(t)
	var b strings.Builder
	for i, d := range docs {
		fmt.Fprintf(&b, "# document %d\ntitle %d: %s\n", i+1, d.TitleLine, d.Title)
		for _, p := range d.Paragraphs {
			fmt.Fprintf(&b, "%d: %s\n", p.Line, p.Text)
		}
	}
	b.WriteString("# warnings\n")
	for _, w := range warnings {
		fmt.Fprintln(&b, w)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gotLines), len(wantLines)) {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("result differs from %s at line %d:\n got %s\nwant %s", golden, i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("result differs from %s: %d lines, want %d", golden, len(gotLines), len(wantLines))
	}
}

// TestSeedLayoutVariants parses the seed as other OCR runs might deliver it:
// with CRLF line ends, without the blank lines between column lines, and
// with the column lines letter-spaced. The documents must not change.
func TestSeedLayoutVariants(t *testing.T) {
	src, want, _ := parseSeed(t)
	var compact, spaced []string
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) != "" {
			compact = append(compact, line)
		}
		spaced = append(spaced, strings.Join(strings.Split(line, ""), " "))
	}
	variants := map[string]string{
		"CRLF":              strings.ReplaceAll(string(src), "\n", "\r\n"),
		"no blank lines":    strings.Join(compact, "\n"),
		"letter-spaced":     strings.Join(spaced, "\n"),
		"ideographic space": strings.ReplaceAll(string(src), "，", "，\u3000"),
	}
	for name, variant := range variants {
		t.Run(name, func(t *testing.T) {
			got, _, err := Parse([]byte(variant))
			if err != nil {
				t.Fatal(err)
			}
			checkNothingLost(t, []byte(variant), got)
			if len(got) != len(want) {
				t.Fatalf("%d documents, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i].Title != want[i].Title {
					t.Errorf("document %d title %q, want %q", i+1, got[i].Title, want[i].Title)
				}
				if g, w := paragraphTexts(got[i]), paragraphTexts(want[i]); !slices.Equal(g, w) {
					t.Errorf("document %d: %d paragraphs differ from the original layout's %d", i+1, len(g), len(w))
				}
			}
		})
	}
}
