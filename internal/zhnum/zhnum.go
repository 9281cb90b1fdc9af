// Package zhnum writes small numbers in Chinese numerals, as chapter
// numbers (一, 十二) and as counts in running text (两次).
package zhnum

import "strconv"

var digits = [...]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Ordinal writes 1–99 as a chapter number: 一, 十, 十二, 二十, 四十五.
// Other numbers stay in Arabic digits.
func Ordinal(n int) string {
	if n <= 0 || n >= 100 {
		return strconv.Itoa(n)
	}
	return under100(n)
}

// Count writes 0–99 the way running text counts: 零, 两 for two alone,
// 十一, 二十二. Other numbers stay in Arabic digits.
func Count(n int) string {
	switch {
	case n < 0 || n >= 100:
		return strconv.Itoa(n)
	case n == 0:
		return "零"
	case n == 2:
		return "两"
	}
	return under100(n)
}

// under100 writes 1–99.
func under100(n int) string {
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digits[n-10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
