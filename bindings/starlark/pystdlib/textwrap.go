package pystdlib

import (
	"strings"
	"unicode"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// textwrap is Python's textwrap module:
//
//	wrap(text, width=70, initial_indent="", subsequent_indent="", break_long_words=True, break_on_hyphens=True)
//	fill(text, ...)       the lines of wrap joined with "\n"
//	dedent(text), indent(text, prefix)
//
// argparse and optparse format their help with the same wrapping.

// wrapper is textwrap.TextWrapper's settings.
type wrapper struct {
	width                    int
	initial, subsequent      string
	breakLong, breakHyphens  bool
	expandTabs, replaceSpace bool
	dropSpace                bool
}

func newWrapper(width int) wrapper {
	return wrapper{width: width, breakLong: true, breakHyphens: true, expandTabs: true, replaceSpace: true, dropSpace: true}
}

// wrap splits text into lines of at most w.width characters, as
// Python's TextWrapper.wrap.
func (w wrapper) wrap(text string) []string {
	if w.expandTabs {
		text = expandTabs(text, 8)
	}
	if w.replaceSpace {
		text = strings.Map(func(r rune) rune {
			if strings.ContainsRune("\t\n\x0b\x0c\r", r) {
				return ' '
			}
			return r
		}, text)
	}
	var chunks [][]rune
	if w.breakHyphens {
		chunks = splitChunks([]rune(text))
	} else {
		chunks = splitSpaces([]rune(text))
	}
	return w.wrapChunks(chunks)
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\x0b' || r == '\x0c' || unicode.IsSpace(r)
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
func isLetterRune(r rune) bool {
	return r == '_' || (unicode.IsLetter(r) && !unicode.IsDigit(r))
}
func isWordPunct(r rune) bool { return isWordRune(r) || strings.ContainsRune("!\"'&.,?", r) }

// splitSpaces splits s into runs of spaces and runs of other characters.
func splitSpaces(s []rune) [][]rune {
	var out [][]rune
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && isSpaceRune(s[j]) == isSpaceRune(s[i]) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// splitChunks splits s as TextWrapper.wordsep_re does: runs of spaces,
// em-dashes between words, and words, hyphenated words split after each
// hyphen that has two letters before and a letter after it.
func splitChunks(s []rune) [][]rune {
	at := func(i int) rune {
		if i < 0 || i >= len(s) {
			return -1
		}
		return s[i]
	}
	// dashesThenWord: at i, two or more '-' then a word character.
	dashesThenWord := func(i int) int {
		j := i
		for at(j) == '-' {
			j++
		}
		if j-i >= 2 && j < len(s) && isWordRune(s[j]) {
			return j
		}
		return -1
	}
	var out [][]rune
	for i := 0; i < len(s); {
		if isSpaceRune(s[i]) {
			j := i
			for j < len(s) && isSpaceRune(s[j]) {
				j++
			}
			out = append(out, s[i:j])
			i = j
			continue
		}
		if i > 0 && isWordPunct(s[i-1]) {
			if j := dashesThenWord(i); j >= 0 {
				k := i
				for at(k) == '-' {
					k++
				}
				out = append(out, s[i:k])
				i = k
				continue
			}
		}
		end := -1
		for j := i + 1; j <= len(s); j++ {
			// s[i:j] is the lazily growing run of non-spaces.
			if isSpaceRune(s[j-1]) {
				break
			}
			if at(j) == '-' && ((isLetterRune(at(j-2)) && isLetterRune(at(j-1))) ||
				(isLetterRune(at(j-3)) && at(j-2) == '-' && isLetterRune(at(j-1)))) {
				k := j + 1
				if isLetterRune(at(k)) && (isLetterRune(at(k+1)) || (at(k+1) == '-' && isLetterRune(at(k+2)))) {
					end = j + 1
					break
				}
			}
			if j == len(s) || isSpaceRune(s[j]) {
				end = j
				break
			}
			if isWordPunct(s[j-1]) && dashesThenWord(j) >= 0 {
				end = j
				break
			}
		}
		out = append(out, s[i:end])
		i = end
	}
	return out
}

func isBlank(r []rune) bool {
	for _, c := range r {
		if !isSpaceRune(c) {
			return false
		}
	}
	return true
}

// wrapChunks is TextWrapper._wrap_chunks.
func (w wrapper) wrapChunks(chunks [][]rune) []string {
	var lines []string
	for len(chunks) > 0 {
		var cur [][]rune
		curLen := 0
		indent := w.initial
		if len(lines) > 0 {
			indent = w.subsequent
		}
		width := w.width - len([]rune(indent))
		if w.dropSpace && isBlank(chunks[0]) && len(lines) > 0 {
			chunks = chunks[1:]
		}
		for len(chunks) > 0 && curLen+len(chunks[0]) <= width {
			cur = append(cur, chunks[0])
			curLen += len(chunks[0])
			chunks = chunks[1:]
		}
		if len(chunks) > 0 && len(chunks[0]) > width {
			chunks, cur = w.longWord(chunks, cur, curLen, width)
		}
		if w.dropSpace && len(cur) > 0 && isBlank(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			var b strings.Builder
			b.WriteString(indent)
			for _, c := range cur {
				b.WriteString(string(c))
			}
			lines = append(lines, b.String())
		}
	}
	return lines
}

// longWord is TextWrapper._handle_long_word.
func (w wrapper) longWord(chunks, cur [][]rune, curLen, width int) ([][]rune, [][]rune) {
	spaceLeft := 1
	if width >= 1 {
		spaceLeft = width - curLen
	}
	if w.breakLong {
		end := spaceLeft
		chunk := chunks[0]
		if w.breakHyphens && len(chunk) > spaceLeft {
			hyphen := -1
			for k := min(spaceLeft, len(chunk)) - 1; k >= 0; k-- {
				if chunk[k] == '-' {
					hyphen = k
					break
				}
			}
			if hyphen > 0 {
				for _, c := range chunk[:hyphen] {
					if c != '-' {
						end = hyphen + 1
						break
					}
				}
			}
		}
		end = min(end, len(chunk))
		cur = append(cur, chunk[:end])
		chunks = append([][]rune{chunk[end:]}, chunks[1:]...)
		if len(chunks[0]) == 0 {
			chunks = chunks[1:]
		}
	} else if len(cur) == 0 {
		cur = append(cur, chunks[0])
		chunks = chunks[1:]
	}
	return chunks, cur
}

// expandTabs is Python's str.expandtabs(size).
func expandTabs(s string, size int) string {
	if !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := size - col%size
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// collapseSpace replaces each run of ASCII whitespace with one space and
// trims the ends, as argparse's formatter does before wrapping.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\x0b' || r == '\x0c'
	}), " ")
}

// dedent is textwrap.dedent.
func dedent(text string) string {
	lines := strings.SplitAfter(text, "\n")
	margin := ""
	first := true
	for i, l := range lines {
		body := strings.TrimRight(l, "\n")
		if strings.Trim(body, " \t") == "" {
			lines[i] = strings.TrimLeft(body, " \t") + l[len(body):]
			continue
		}
		ind := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		if first {
			margin, first = ind, false
			continue
		}
		n := 0
		for n < len(margin) && n < len(ind) && margin[n] == ind[n] {
			n++
		}
		margin = margin[:n]
	}
	if margin != "" {
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, margin)
		}
	}
	return strings.Join(lines, "")
}

func textwrapModule() *starlarkstruct.Module {
	wrapArgs := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (string, wrapper, error) {
		var text string
		w := newWrapper(70)
		err := starlark.UnpackArgs(b.Name(), args, kwargs, "text", &text, "width?", &w.width,
			"initial_indent?", &w.initial, "subsequent_indent?", &w.subsequent,
			"expand_tabs?", &w.expandTabs, "replace_whitespace?", &w.replaceSpace,
			"fix_sentence_endings?", new(bool), "break_long_words?", &w.breakLong,
			"drop_whitespace?", &w.dropSpace, "break_on_hyphens?", &w.breakHyphens, "tabsize?", new(int))
		if err == nil && w.width <= 0 {
			err = valueError("invalid width %d (must be > 0)", w.width)
		}
		return text, w, err
	}
	return module("textwrap", map[string]builtin{
		"wrap": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			text, w, err := wrapArgs(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := charge(thread, len(text), b.Name()); err != nil {
				return nil, err
			}
			var out []starlark.Value
			for _, l := range w.wrap(text) {
				out = append(out, starlark.String(l))
			}
			return starlark.NewList(out), nil
		},
		"fill": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			text, w, err := wrapArgs(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := charge(thread, len(text), b.Name()); err != nil {
				return nil, err
			}
			return starlark.String(strings.Join(w.wrap(text), "\n")), nil
		},
		"dedent": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var text string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "text", &text); err != nil {
				return nil, err
			}
			if err := charge(thread, len(text), b.Name()); err != nil {
				return nil, err
			}
			return starlark.String(dedent(text)), nil
		},
		"indent": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var text, prefix string
			var pred starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "text", &text, "prefix", &prefix, "predicate?", &pred); err != nil {
				return nil, err
			}
			lines := strings.SplitAfter(text, "\n")
			if err := charge(thread, len(text)+len(lines)*len(prefix), b.Name()); err != nil {
				return nil, err
			}
			var out strings.Builder
			for _, l := range lines {
				add := strings.TrimSpace(l) != ""
				if pred != starlark.None {
					v, err := starlark.Call(thread, pred, starlark.Tuple{starlark.String(l)}, nil)
					if err != nil {
						return nil, err
					}
					add = bool(v.Truth())
				}
				if add {
					out.WriteString(prefix)
				}
				out.WriteString(l)
			}
			return starlark.String(out.String()), nil
		},
	}, nil)
}
