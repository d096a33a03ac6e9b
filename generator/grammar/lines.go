package grammar

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LineKind says what a paragraph is when it is not a clause.
type LineKind string

// The kinds of line Classify knows.
const (
	Text       LineKind = ""
	Dateline   LineKind = "dateline"   // （新华社北京9月4日电）, or 新华社北京11月3日电 at the top
	DocNumber  LineKind = "docnumber"  // 国办发〔2019〕4号, 第706号
	Date       LineKind = "date"       // 2018年12月4日, 二〇〇五年六月十一日
	PlaceDate  LineKind = "placedate"  // 2019年7月23日于北京
	Note       LineKind = "note"       // （此件公开发布）: a whole line in brackets
	Attachment LineKind = "attachment" // 附件, 附件1, 附件：title
	TOCHead    LineKind = "tochead"    // 目录, 目　　录
)

// The patterns of those lines, tried on a paragraph without its spaces.
var (
	datelineBracketed = regexp.MustCompile(`^[（(][^（）()]{2,40}电[）)]$`)
	datelineBare      = regexp.MustCompile(`^(?:新华社|新华网|人民网|中新社|中新网|央视网)[^，。；：（）()]{1,30}电$`)
	datelineStart     = regexp.MustCompile(`^[（(]?(?:新华社|新华网|人民网|中新社|中新网|央视网)[^，。；：（）()\s]{1,30}?电[）)]?`)
	docNumberPattern  = regexp.MustCompile(`^(?:\p{Han}{1,16}[〔\[［【(（][0-9０-９]{4}[〕\]］】)）][0-9０-９]{1,5}号|(?:\p{Han}{0,16}令)?第(?:[0-9０-９]{1,5}|` + cn + `)号)$`)
	datePart          = `([0-9０-９]{4}|[〇零一二三四五六七八九]{4})年([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日`
	datePattern       = regexp.MustCompile(`^` + datePart + `$`)
	placeDatePattern  = regexp.MustCompile(`^` + datePart + `(?:于|在)\p{Han}{1,12}$`)
	dateStart         = regexp.MustCompile(`^` + datePart)
	notePattern       = regexp.MustCompile(`^[（(][^（）()]+[）)]$`)
	attachmentPattern = regexp.MustCompile(`^附件([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?:[：:](.*))?$`)
	tocHeadPattern    = regexp.MustCompile(`^目录$`)
)

// Classify says what kind of non-clause line text is, or Text. Each
// pattern is tried only when the line's first or last character allows
// it: most paragraphs end in 。 and are none of these.
func Classify(text string) LineKind {
	trimmed := strings.TrimSpace(text)
	first, _ := utf8.DecodeRuneInString(trimmed)
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	bracket := first == '（' || first == '('
	if !bracket && !startsLikeDate(first) && !strings.ContainsRune("电）)日号目附", last) && first != '目' && first != '附' {
		return Text // the removal of spaces below costs more than all that follows
	}
	s := withoutSpace(trimmed)
	switch {
	case (last == '电' || last == '）' || last == ')') && (datelineBracketed.MatchString(s) || datelineBare.MatchString(s)):
		return Dateline
	case last == '日' && datePattern.MatchString(s):
		return Date
	case startsLikeDate(first) && placeDatePattern.MatchString(s):
		return PlaceDate
	case last == '号' && docNumberPattern.MatchString(s):
		return DocNumber
	case first == '目' && tocHeadPattern.MatchString(s):
		return TOCHead
	case first == '附' && attachmentPattern.MatchString(s):
		return Attachment
	case bracket && notePattern.MatchString(s):
		if _, numbered := Parse(text); !numbered {
			return Note
		}
	}
	return Text
}

// startsLikeDate: a date starts with a digit of its year.
func startsLikeDate(r rune) bool {
	_, ok := anyDigit(r)
	return ok
}

// BracketedDateline reports whether text is a bracketed dateline such as
// （新华社北京9月4日电）, spaces ignored: the last line of a news agency's text.
func BracketedDateline(text string) bool { return datelineBracketed.MatchString(withoutSpace(text)) }

// IsDateline reports whether text is a news agency dateline, bracketed
// （新华社北京9月4日电） or bare 新华社北京11月3日电.
func IsDateline(text string) bool { return Classify(text) == Dateline }

// StartsWithDateline reports whether a paragraph begins with a news
// agency's dateline, as a news item's first paragraph does:
// 新华社北京11月15日电 11月15日是…
func StartsWithDateline(text string) bool { return datelineStart.MatchString(text) }

// StartsWithDate reports whether text begins with a full date: 2019年4月20日….
func StartsWithDate(text string) bool { return dateStart.MatchString(withoutSpace(text)) }

// AttachmentMark reads an attachment mark: 附件 → ("", ""), 附件2 → ("2", ""),
// 附件：国家粮食应急预案 → ("", "国家粮食应急预案"). ok is false for any other line.
func AttachmentMark(text string) (number, title string, ok bool) {
	m := attachmentPattern.FindStringSubmatch(withoutSpace(text))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// ReadDate reads a date or place-and-date line: 2018年12月4日 → 2018, 12, 4;
// 二〇〇五年六月十一日于北京 → 2005, 6, 11.
func ReadDate(text string) (year, month, day int, ok bool) {
	s := withoutSpace(text)
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		m = placeDatePattern.FindStringSubmatch(s)
	}
	if m == nil {
		return 0, 0, 0, false
	}
	year, ok1 := digitByDigit(m[1])
	month, ok2 := readDateNumber(m[2])
	day, ok3 := readDateNumber(m[3])
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// DatelineMonthDay reads month and day from a dateline such as
// （新华社北京9月4日电）: the first number followed by 月 and the number
// right after it followed by 日. Digits may be ASCII, full-width or Chinese.
var datelineMonthDay = regexp.MustCompile(`([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日`)

// DatelineMonthDay reads month and day from a dateline.
func DatelineMonthDay(text string) (month, day int, ok bool) {
	m := datelineMonthDay.FindStringSubmatch(withoutSpace(text))
	if m == nil {
		return 0, 0, false
	}
	month, ok1 := readDateNumber(m[1])
	day, ok2 := readDateNumber(m[2])
	if !ok1 || !ok2 || month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, 0, false
	}
	return month, day, true
}

// Punctuation.
const (
	// SentenceEnds end a sentence.
	SentenceEnds = "。！？；….!?;"
	// Colons end a lead-in (双方同意：) or an addressee line.
	Colons = "：:"
	// ClosingMarks may follow the punctuation that ends a sentence: 。” 。）.
	ClosingMarks = "”’」』》〉）〕】\"')]"
	// ClausePunctuation separates clauses or sentences.
	ClausePunctuation = "，。；：！？,;:!?"
)

// LastRuneBeforeClosers is the last rune of s, skipping closing quotes and
// brackets, or utf8.RuneError if there is none.
func LastRuneBeforeClosers(s string) rune {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(ClosingMarks, r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return utf8.RuneError
}

// EndsSentence reports whether s ends with 。！？；… (or their ASCII forms),
// possibly followed by closing quotes or brackets.
func EndsSentence(s string) bool {
	return strings.ContainsRune(SentenceEnds, LastRuneBeforeClosers(strings.TrimRightFunc(s, unicode.IsSpace)))
}

// EndsWithColon reports whether s ends with a colon.
func EndsWithColon(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, unicode.IsSpace))
	return strings.ContainsRune(Colons, r)
}

// MaxHeading is the longest a heading may be, in characters after its number.
const MaxHeading = 60

// ReadsAsHeading reports whether a line (after its number, if it has one)
// reads as a heading: short, with no sentence punctuation in it and no
// comma or colon at its end.
func ReadsAsHeading(rest string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" || utf8.RuneCountInString(rest) > MaxHeading || strings.ContainsAny(rest, "。！？；!?;") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !strings.ContainsRune("，、：,:", r) && LastRuneBeforeClosers(rest) != '.'
}

// maxSigner is the longest a signature line may be, in non-space characters.
const maxSigner = 40

// Signer reports whether a line has the form of a signature: an organ on
// its own line (国务院办公厅), or a title and a name separated by spaces
// (国务院总理　李强): short, no punctuation but · 、 and brackets, no number.
// spaced says it is of the second form, which no clause has.
func Signer(text string) (signer, spaced bool) {
	if Classify(text) != Text {
		return false, false
	}
	if _, numbered := Parse(text); numbered {
		return false, false
	}
	return SignerForm(text)
}

// SignerForm is Signer for a line already known to be Text and unnumbered.
func SignerForm(text string) (signer, spaced bool) {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > 2*maxSigner {
		return false, false
	}
	n := 0
	gap, sawGap := false, false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			gap = n > 0
			continue
		case unicode.IsPunct(r) && !strings.ContainsRune("·•・、（）()", r):
			return false, false
		case unicode.IsDigit(r):
			return false, false
		}
		if gap {
			sawGap = true
		}
		gap = false
		n++
	}
	return n >= 2 && n <= maxSigner, sawGap
}

// maxAddressee is the longest an addressee line may be, in characters.
const maxAddressee = 200

// Addressee reports whether a line has the form of an addressee line:
// 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： a list of
// recipients ending with a colon, with no sentence in it and none of the
// words that introduce what follows (如下, 以下, 下列).
func Addressee(text string) bool {
	text = strings.TrimSpace(text)
	if !EndsWithColon(text) || utf8.RuneCountInString(text) > maxAddressee || strings.ContainsAny(text, "。！？；!?;") {
		return false
	}
	if _, numbered := Parse(text); numbered {
		return false
	}
	for _, w := range []string{"如下", "以下", "下列", "是", "为"} {
		if strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// tocPageNumber is what a table of contents prints after a heading: dot
// leaders or spaces, then a page number.
var tocPageNumber = regexp.MustCompile(`(?:[\s\x{3000}]+|[…·.．]{2,}[\s\x{3000}]*|…[\s\x{3000}]*)[0-9０-９]{1,4}$`)

// NormalizeHeading is a heading as a table of contents and the body both
// print it: without the dot leaders and page number an entry may have, and
// without spaces. "1　总则 ……… 3" → "1总则".
func NormalizeHeading(text string) string {
	s := strings.TrimSpace(text)
	s = tocPageNumber.ReplaceAllString(s, "")
	s = strings.TrimRight(s, "…·.． \u3000")
	return withoutSpace(s)
}

// withoutSpace drops every white space rune.
func withoutSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
