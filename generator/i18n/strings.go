package i18n

// Strings is one language's wording, as its strings file gives it. A
// field's args tag names the placeholders its wording may use; a field
// whose comment says "markdown" is written into a page's markdown as it
// is (its links are site paths given as placeholders).
type Strings struct {
	Lang      string `yaml:"lang"`      // the pages' language tag (the html lang attribute): zh-Hans
	Locale    string `yaml:"locale"`    // the Open Graph locale: zh_CN
	Collation string `yaml:"collation"` // the language whose order sorted names follow: zh (pinyin), en
	// Date writes a date: {y} the year, {m} and {d} the month and day as
	// numbers without a leading zero, {month} the month's name from Months.
	DateFormat string   `yaml:"date" args:"y,m,d,month"`
	Months     []string `yaml:"months"` // the months' names, January to December
	// ListSep goes between the items of a list in running text: 、 or ", ".
	ListSep string `yaml:"list_sep"`
	// Colon goes between a label and what it labels: ： or ": ".
	Colon string `yaml:"colon"`

	Site       Site       `yaml:"site"`
	Provenance Provenance `yaml:"provenance"`
	Document   Document   `yaml:"document"`
	Clause     Clause     `yaml:"clause"`
	Notes      Notes      `yaml:"notes"`
	EdNotes    EdNotes    `yaml:"editors_notes"`
	Home       Home       `yaml:"home"`
	NotFound   NotFound   `yaml:"not_found"`
	Search     Search     `yaml:"search"`
	Browse     Browse     `yaml:"browse"`
	Themes     Themes     `yaml:"themes"`

	// Script is what site.js says (its copy buttons and their messages),
	// SearchScript what search.js says; the layouts give both to the
	// scripts as JSON. Their keys are the scripts' own: every language
	// has the same keys, with the same placeholders.
	Script       map[string]string `yaml:"script"`
	SearchScript map[string]string `yaml:"search_script"`
}

// Site is the frame of every page.
type Site struct {
	Skip              string `yaml:"skip"`               // the skip link to the page's main text
	SearchLabel       string `yaml:"search_label"`       // the header's search form, as a landmark
	SearchPlaceholder string `yaml:"search_placeholder"` // the header's search box
	Crumbs            string `yaml:"crumbs"`             // the breadcrumb, as a landmark
	Home              string `yaml:"home"`               // the home page, as the breadcrumb's first step
	Footer            string `yaml:"footer"`             // the footer's line on where provenance is
	Data              string `yaml:"data"`               // the footer's link to the data page
	Language          string `yaml:"language"`           // the language's name, in itself: 中文, English
	Languages         string `yaml:"languages"`          // the language switch, as a landmark
	Link              string `yaml:"link"`               // a block's ¶ link, as a screen reader names it
	// LinkTo is a block's ¶ link, named with the block's number or locator.
	LinkTo string `yaml:"link_to" args:"label"`
}

// Provenance is the source and citation section of a document's and a clause's page.
type Provenance struct {
	Title      string `yaml:"title"`      // the section's heading, and the link to it
	Source     string `yaml:"source"`     // the release the text comes from
	Text       string `yaml:"text"`       // how the text was transcribed and checked
	Compare    string `yaml:"compare"`    // the official releases to compare with
	Correction string `yaml:"correction"` // the corrections made since publication
	None       string `yaml:"none"`       // there are no corrections
	// InDocument, markdown, leads from a clause's page to its document's provenance.
	InDocument string `yaml:"in_document" args:"link"`
	CiteBlock  string `yaml:"cite_block"`    // the heading of a clause's citations
	CiteDoc    string `yaml:"cite_document"` // the heading of a document's citations
	CiteNote   string `yaml:"cite_note"`     // the copy buttons add the date accessed
	Downloads  string `yaml:"downloads"`     // the citation files to download
}

// Document is a document's page.
type Document struct {
	Description  string `yaml:"description" args:"title,date"` // the page's description, for previews
	PartyTitle   string `yaml:"party_title" args:"party"`      // the tooltip of a party's link
	Publisher    string `yaml:"publisher" args:"publisher"`    // who released it
	Chars        Count  `yaml:"chars"`                         // its length in characters
	Contents     string `yaml:"contents"`                      // the table of contents
	SkipContents string `yaml:"skip_contents"`                 // the keyboard's link past the table of contents, to the text
	// Translated and Untranslated head a document's pages in an edition
	// in another language: its text there is the editors' unofficial
	// translation, the original beside it authoritative; or it has no
	// translation yet, and shows the original.
	Translated   string `yaml:"translated"`
	Untranslated string `yaml:"untranslated"`
	// Stale follows a translated block whose original has changed since
	// it was translated.
	Stale string `yaml:"stale"`
}

// Clause is a clause's own page.
type Clause struct {
	HeadTitle string `yaml:"head_title" args:"title,excerpt"` // the page's <title>: 中古联合声明 四：古方重申…
	InContext string `yaml:"in_context"`                      // the link to the clause in its document
	PrevNext  string `yaml:"prev_next"`                       // the previous and next links, as a landmark
	Prev      string `yaml:"prev" args:"label"`
	Next      string `yaml:"next" args:"label"`
}

// Notes are the line after a block that names its themes and where else
// they occur.
type Notes struct {
	Themes      Count  `yaml:"themes"`                      // before the themes (their number): 主题：
	SeeAlso     string `yaml:"see_also" args:"places"`      // after a group of themes, its related blocks: （另见{places}）
	Place       string `yaml:"place" args:"document,label"` // a related block, by its full locator: 中巴行动计划 一、5
	AllPassages Count  `yaml:"all_passages"`                // the link to all of a theme's passages in a document
	Others      string `yaml:"others"`                      // the link to a theme's page, for the documents not named
	OnlyHere    string `yaml:"only_here"`                   // after themes that occur in this document only
	Group       string `yaml:"group"`                       // between groups of themes
}

// EdNotes are the editors' notes on a document's clauses.
type EdNotes struct {
	Heading string `yaml:"heading"`            // above the list of a page's notes: 编者注
	Note    string `yaml:"note" args:"number"` // a note's name, on its marker (for a screen reader) and its summary: 编者注{number}
	Back    string `yaml:"back" args:"label"`  // the link from a listed note back to where it is marked: 回到{label}
}

// Home is the home page.
type Home struct {
	Latest string `yaml:"latest"` // the heading of the latest documents
	// All, markdown, counts the documents and leads to the browse pages.
	All         string `yaml:"all" args:"documents,years,parties"`
	Themes      string `yaml:"themes"`                     // the heading of the themes
	ThemesIntro string `yaml:"themes_intro" args:"themes"` // markdown, leads to the themes' index
}

// NotFound is the not-found page.
type NotFound struct {
	Title string `yaml:"title"`
	Crumb string `yaml:"crumb"`
	// Text, markdown, offers search, the browse pages and the themes, before the latest documents.
	Text string `yaml:"text" args:"search,years,parties,themes"`
}

// Search is the search page.
type Search struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Help        string `yaml:"help"` // markdown: what search finds and how
	Form        string `yaml:"form"` // the page's search form, as a landmark
	Label       string `yaml:"label"`
	Button      string `yaml:"button"`
	// NoScript says what to do without JavaScript; markdown, with the
	// browse pages, the full text and the data as placeholders.
	NoScript string `yaml:"no_script" args:"years,parties,full_text,data"`
}

// Browse is the parties' and years' pages.
type Browse struct {
	Parties            string `yaml:"parties"` // the parties' index's title
	PartiesDescription string `yaml:"parties_description"`
	PartiesIntro       string `yaml:"parties_intro"`
	PartyIntro         string `yaml:"party_intro" args:"party"` // a party's page
	Years              string `yaml:"years"`                    // the years' index's title
	YearsDescription   string `yaml:"years_description"`
	Year               string `yaml:"year" args:"year"` // a year's title
	Documents          Count  `yaml:"documents"`        // a number of documents
	// Pager introduces the links to a list's pages, PageTitle is a list's
	// title on its further pages.
	Pager           string `yaml:"pager" args:"k,n"`
	PageTitle       string `yaml:"page_title" args:"title,k"`
	ListDescription string `yaml:"list_description" args:"title,documents"`
}

// Themes is the themes' index and pages.
type Themes struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Intro       string `yaml:"intro"`
	Counts      string `yaml:"counts" args:"passages,documents"` // a theme's line in the index
	Passages    Count  `yaml:"passages"`                         // a number of passages
	// ThemeDescription describes a theme's page; Sections heads its
	// passages, and Section one document's.
	ThemeDescription string `yaml:"theme_description" args:"title,title_en"`
	Sections         string `yaml:"sections" args:"documents"`
	Section          string `yaml:"section" args:"document,passages"`
}
