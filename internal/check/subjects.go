package check

import (
	"folio/internal/cjk"
	"slices"
	"strings"
	"unicode/utf8"
)

// A place named at the start of a clause: a name and a suffix saying what
// it is. Generic words with those suffixes (地区, 社区, 城乡) are not
// names.
var (
	placeSuffixes = []string{"经济技术开发区", "高新技术产业开发区", "高新区", "经开区", "开发区", "新区", "产业园", "园区", "街道", "自治县", "自治州", "区", "县", "市", "镇", "乡", "村", "省"}
	orgSuffixes   = []string{"股份有限公司", "有限责任公司", "有限公司", "集团", "合作社", "党支部", "党总支", "党委", "党工委", "委员会", "管委会", "医院", "银行"}
)

// nameAt finds a name of min to max Han characters at the start of s
// followed by one of suffixes, the shortest name first and, at each
// length, the suffixes in order (as the regexp ^(\p{Han}{min,max}?)(a|b…)
// would); it returns the name and the whole match.
func nameAt(s string, min, max int, suffixes []string) (name, whole string) {
	n, i := 0, 0
	for i < len(s) && n < max {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !cjk.IsHan(r) {
			return "", ""
		}
		i += size
		n++
		if n < min {
			continue
		}
		// Every suffix is Han and three bytes a character: most
		// positions end at the test of the next character's first
		// suffix character.
		if i+3 > len(s) || !suffixStarts[s[i:i+3]] {
			continue
		}
		for _, suf := range suffixes {
			if strings.HasPrefix(s[i:], suf) {
				return s[:i], s[:i+len(suf)]
			}
		}
	}
	return "", ""
}

// suffixStarts are the first characters of the place and organisation
// suffixes.
var suffixStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, suf := range append(append([]string{}, placeSuffixes...), orgSuffixes...) {
		m[suf[:3]] = true
	}
	return m
}()

var (
	notPlaces       = setOf("园区", "老区", "新区", "库区", "校区", "开发区", "工业区", "产业园", "镇村", "县市", "省市")
	notPlaceEndings = []string{"地区", "城区", "社区", "小区", "景区", "辖区", "市区", "郊区", "山区", "片区", "街区", "城市", "都市", "超市", "股市", "城镇", "乡镇", "村镇", "农村", "乡村", "山村", "城乡"}
)

// suffixWords are words a place suffix starts (市场, 区域): a name does
// not end there.
var suffixWords = []string{"市场", "市民", "市值", "市级", "市容", "区域", "区位", "区级", "区间", "区块", "县域", "县级", "镇域", "镇级", "村民", "村庄", "村级", "村落", "村集体", "省级", "省份", "乡村", "乡亲", "乡土", "乡镇"}

// anaphora at the start of a clause refer to the subject already named:
// 开发区 is the development zone the paragraph is about.
var anaphora = []string{"开发区", "高新区", "园区", "新区", "区里", "县里", "镇里", "市里", "村里", "公司", "集团", "企业"}

// placeName returns the place a clause starts with, or "".
func placeName(clause string) string {
	name, whole := nameAt(clause, 1, 6, placeSuffixes)
	if whole == "" || notPlaces[whole] || strings.ContainsAny(name, placeNameStop) {
		return ""
	}
	rest := clause[len(name):]
	for _, w := range suffixWords {
		if strings.HasPrefix(rest, w) {
			return ""
		}
	}
	for _, w := range notPlaceEndings {
		if strings.HasSuffix(whole, w) {
			return ""
		}
	}
	return whole
}

// generic names stand for the subject of the text: 全区 is the district
// the chapter or the publication is about.
var genericPrefixes = []string{"全", "该", "我", "本"}

// placeNameStop are characters no place name contains: a match through
// them is a phrase, not a name.
const placeNameStop = "的了与及在是为把对将向等个年这那其每各该我有"

// subjectAt reads the subject a clause starts with, after its time and a
// preposition: a place, an organisation, or a generic name (全区) that
// stands for the chapter's or publication's subject.
func subjectAt(clause string, ctx *StatementContext) string {
	clause = skipTimeAndPrepositions(clause)
	// A place the series names (another installment's subject) is
	// known by every name it has, even one that would otherwise stand
	// for this installment's own subject (高新区) or read as no place.
	for _, names := range ctx.Places {
		for _, n := range names {
			if strings.HasPrefix(clause, n) {
				return names[0]
			}
		}
	}
	for _, a := range anaphora {
		if strings.HasPrefix(clause, a) {
			return ""
		}
	}
	for _, g := range genericPrefixes {
		if rest, ok := strings.CutPrefix(clause, g); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if strings.ContainsRune("区县市镇乡省州旗村", r) {
				return genericSubject(r, ctx)
			}
		}
	}
	if name, whole := nameAt(clause, 2, 14, orgSuffixes); whole != "" && !strings.ContainsAny(name, placeNameStop) {
		return canonical(whole, ctx)
	}
	if p := placeName(clause); p != "" {
		return canonical(p, ctx)
	}
	return ""
}

func skipTimeAndPrepositions(clause string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range []string{"在", "截至", "截止", "到", "据", "对"} {
			if rest, ok := strings.CutPrefix(clause, p); ok {
				clause, changed = rest, true
			}
		}
		if clause == "" || !timeStart(clause, 0) {
			// no time here
		} else if m := timeStartRE.FindStringIndex(head(clause)); m != nil && m[1] > 0 {
			clause, changed = clause[m[1]:], true
		}
		for _, w := range []string{"，", "全年", "以来"} {
			if rest, ok := strings.CutPrefix(clause, w); ok {
				clause, changed = rest, true
			}
		}
	}
	return clause
}

// defaultSubject is the subject of a statement that names none: the
// chapter's place, else the publication's subject, else the publication
// itself ("*").
func (ctx *StatementContext) defaultSubject() string {
	switch {
	case ctx.ChapterPlace != "":
		return ctx.ChapterPlace
	case len(ctx.Subject) > 0:
		return ctx.Subject[0]
	}
	return "*"
}

// genericSubject is what 全区 (suffix 区) stands for: the chapter's place
// or the publication's subject when it is of that kind, else the generic
// name itself.
func genericSubject(suffix rune, ctx *StatementContext) string {
	if strings.HasSuffix(ctx.ChapterPlace, string(suffix)) {
		return ctx.ChapterPlace
	}
	if len(ctx.Subject) > 0 && strings.HasSuffix(ctx.Subject[0], string(suffix)) {
		return ctx.Subject[0]
	}
	return "全" + string(suffix)
}

// canonical maps another name of the publication's subject to its name.
func canonical(name string, ctx *StatementContext) string {
	for _, n := range ctx.Subject {
		if n == name {
			return ctx.Subject[0]
		}
	}
	for _, names := range ctx.Places {
		if slices.Contains(names, name) {
			return names[0]
		}
	}
	return name
}

// PlaceIn returns the first place a title names (青溪区 in
// 改革破冰——青溪区全面深化改革纪实), or "".
func PlaceIn(title string) string {
	for _, part := range strings.FieldsFunc(title, func(r rune) bool { return !cjk.IsHan(r) }) {
		for i := range part {
			if p := placeName(part[i:]); p != "" && (i == 0 || utf8.RuneCountInString(p) >= 3) {
				return p
			}
		}
	}
	return ""
}

// trimSubjectAndTime removes the time, the preposition and the subject a
// clause's text starts with.
func trimSubjectAndTime(s string, ctx *StatementContext) string {
	for changed := true; changed; {
		changed = false
		t := skipTimeAndPrepositions(s)
		if t != s {
			s, changed = t, true
		}
		for _, g := range genericPrefixes {
			if rest, ok := strings.CutPrefix(s, g); ok {
				r, size := utf8.DecodeRuneInString(rest)
				if strings.ContainsRune("区县市镇乡省州旗村", r) {
					s, changed = rest[size:], true
				}
			}
		}
		for _, a := range anaphora {
			if rest, ok := strings.CutPrefix(s, a); ok {
				s, changed = rest, true
			}
		}
		if name, whole := nameAt(s, 2, 14, orgSuffixes); whole != "" && !strings.ContainsAny(name, placeNameStop) {
			s, changed = s[len(whole):], true
		} else if p := placeName(s); p != "" {
			s, changed = s[len(p):], true
		}
	}
	return s
}

// otherPlaces are the names of other publications' subjects that name
// them in this one's text: not a generic name (全区, 该区: in this text
// they are its own subject), nor one of its own subject's names.
func otherPlaces(places [][]string, own []string) [][]string {
	var out [][]string
	for _, names := range places {
		var kept []string
		for _, n := range names {
			if !slices.Contains(own, n) && !generic(n) {
				kept = append(kept, n)
			}
		}
		if len(kept) > 0 {
			if kept[0] != names[0] { // the canonical name first, always
				kept = append([]string{names[0]}, kept...)
			}
			out = append(out, kept)
		}
	}
	return out
}

// generic reports whether a name is 全区, 该县 or their like.
func generic(name string) bool {
	for _, g := range genericPrefixes {
		if rest, ok := strings.CutPrefix(name, g); ok && utf8.RuneCountInString(rest) == 1 {
			return true
		}
	}
	return false
}
