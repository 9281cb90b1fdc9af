package check

// containsByte reports whether a byte of s satisfies is: a cheap test that
// lets a paragraph skip a regexp that cannot match it.
func containsByte(s string, is func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if is(s[i]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }
