// Package plural chooses between the singular and plural forms of a
// counted message: the one place folio decides that 1 is "1 error" and
// every other count is "2 errors". Each form is a whole literal format,
// so a message catalogue translates forms, never pieces of sentences
// (Chinese, which has no plural forms, maps both to one translation).
package plural

import "fmt"

// Form returns one when n is 1 and other for every other count,
// 0 included ("0 files").
func Form(n int, one, other string) string {
	if n == 1 || n == -1 {
		return one
	}
	return other
}

// Sprintf formats args with the form of the message for the count n:
// Sprintf(n, "%d error", "%d errors", n).
func Sprintf(n int, one, other string, args ...any) string {
	return fmt.Sprintf(Form(n, one, other), args...)
}

// Problems names a count of errors and warnings: "1 error", "2 warnings",
// "1 error and 3 warnings"; "no problems" when both are 0.
func Problems(errs, warns int) string {
	switch {
	case errs > 0 && warns > 0:
		if errs == 1 {
			return Sprintf(warns, "%d error and %d warning", "%d error and %d warnings", errs, warns)
		}
		return Sprintf(warns, "%d errors and %d warning", "%d errors and %d warnings", errs, warns)
	case errs > 0:
		return Sprintf(errs, "%d error", "%d errors", errs)
	case warns > 0:
		return Sprintf(warns, "%d warning", "%d warnings", warns)
	}
	return "no problems"
}
