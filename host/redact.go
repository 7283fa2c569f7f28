package host

import (
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strings"
)

// This file keeps secrets out of the audit log and the plan, by the
// structure of what carries them rather than by the look of their text:
//
//   - A parameter marked Secret (virSecret.setValue's value,
//     virDomain.setUserPassword's password, ...) is replaced whole, and a
//     result marked secretResult (virSecret.value) too.
//   - A string that is XML (its first non-blank character is "<", or it is
//     under a parameter or dictionary key whose name holds "xml", such as
//     migrate3's destination_xml) is parsed, and the values libvirt's
//     schemas define as secrets are replaced, wherever in the value they
//     are: a string argument, a string inside a list, tuple or dict, a
//     result. The attributes passwd and password (<graphics passwd=...>
//     for VNC and SPICE) and the content of the elements cookie (a network
//     disk's HTTP cookies) and session (a SEV launch session) are secrets
//     on any element, in any namespace. References to secrets (<auth>,
//     <encryption>, <secret uuid=... usage=...>, tls='yes') name a secret
//     held by libvirt and hold no value: they are kept. Text or an
//     attribute value that is itself XML is redacted the same way.
//   - XML that does not parse (or declares a DTD, whose entities and
//     default attributes libvirt's parser could read where ours does not)
//     is replaced whole by "<redacted: unparsable XML>": what cannot be
//     read cannot be shown safe.
//   - The secret values found in a call's arguments (the decoded values and
//     their text as written) are then scrubbed from every other string of
//     the call: arguments, result and error message. An error message is
//     XML-redacted when it is XML; its lines that quote an argument which
//     held a secret (libvirt's parser errors quote the offending line) are
//     replaced; and when an argument could not be parsed, the whole
//     message is replaced, as its secrets cannot be known.
//
// A redacted XML string keeps its text as written, with only the secret
// values replaced, so that it is no longer well-formed XML: it is for
// humans, not for a parser.

// redacted replaces a secret in the audit log and the plan.
const redacted = "<redacted>"

// redactedXML replaces an XML string that could not be parsed.
const redactedXML = "<redacted: unparsable XML>"

// redactedQuote replaces a line of an error message that quotes an
// argument which held a secret.
const redactedQuote = "<redacted: quoted XML>"

// redactedMessage replaces the message of an error of a call with an
// argument that could not be parsed as XML.
const redactedMessage = "<redacted: the call's XML could not be parsed, and its message may quote it>"

// secretAttrs are the attributes (by local name) whose values are secrets
// on any element: <graphics passwd=...> (VNC, SPICE); password is no
// libvirt attribute, and redacted as well should one appear.
var secretAttrs = map[string]bool{"passwd": true, "password": true}

// secretElements are the elements (by local name) whose content is a
// secret: a network disk source's <cookies><cookie name=...>VALUE</cookie>
// and a SEV <launchSecurity><session>.
var secretElements = map[string]bool{"cookie": true, "session": true}

// maxXMLNesting bounds the XML inside XML (text or an attribute value that
// is itself a document) that is redacted; deeper, it counts as unparsable.
const maxXMLNesting = 4

// redactor redacts what one call gives to and gets from libvirt.
type redactor struct {
	secrets    []string // secret values found in the arguments, decoded and as written
	quoted     []string // XML arguments that held secrets
	unparsable bool     // an argument that is XML could not be parsed
}

// redactArgs returns args with Secret parameters replaced and the
// secrets in XML strings masked.
func redactArgs(op *Op, args []Value) []Value {
	out, _ := newRedactor(op, args)
	return out
}

// newRedactor redacts op's args and returns them with the redactor that
// knows their secrets, for the call's result and error.
func newRedactor(op *Op, args []Value) ([]Value, *redactor) {
	r := &redactor{}
	out := make([]Value, len(args))
	for i, a := range args {
		var p Param
		if i < len(op.Params) {
			p = op.Params[i]
		}
		if p.Secret {
			r.collect(a)
			out[i] = redacted
			continue
		}
		out[i] = r.structural(a, isXMLName(p.Name))
	}
	for i, a := range out {
		out[i] = r.scrubValue(a)
	}
	return out, r
}

// isXMLName reports whether a parameter or key of this name holds XML.
func isXMLName(name string) bool { return strings.Contains(strings.ToLower(name), "xml") }

// collect records the strings inside v, a Secret argument, as secrets.
func (r *redactor) collect(v Value) {
	_, _ = walker{leaf: func(_ []pathStep, v Value) (Value, error) {
		switch v := v.(type) {
		case string:
			r.addSecret(v)
		case Bytes:
			r.addSecret(string(v))
		}
		return v, nil
	}}.walk(nil, v)
}

func (r *redactor) addSecret(s string) {
	if strings.TrimSpace(s) != "" {
		r.secrets = append(r.secrets, s)
	}
}

// structural redacts the XML strings inside v; xmlName says v is under a
// name that holds XML.
func (r *redactor) structural(v Value, xmlName bool) Value {
	out, _ := walker{leaf: func(path []pathStep, v Value) (Value, error) {
		s, ok := v.(string)
		if !ok {
			return v, nil
		}
		named := xmlName
		for _, st := range path {
			if k, ok := st.key.(string); ok && isXMLName(k) {
				named = true
			}
		}
		if !looksXML(s) && !(named && strings.TrimSpace(s) != "") {
			return s, nil
		}
		red, ok := r.xml(s, 0)
		if !ok {
			r.unparsable = true
		} else if red != s {
			r.quoted = append(r.quoted, s)
		}
		return red, nil
	}}.walk(nil, v)
	return out
}

// scrubValue replaces the known secret values in every string inside v.
func (r *redactor) scrubValue(v Value) Value {
	if len(r.secrets) == 0 {
		return v
	}
	out, _ := walker{leaf: func(_ []pathStep, v Value) (Value, error) {
		if s, ok := v.(string); ok {
			return r.scrub(s), nil
		}
		return v, nil
	}}.walk(nil, v)
	return out
}

// scrub replaces the known secret values in s, longest first.
func (r *redactor) scrub(s string) string {
	if len(r.secrets) == 0 {
		return s
	}
	secrets := append([]string(nil), r.secrets...)
	sort.Slice(secrets, func(i, j int) bool { return len(secrets[i]) > len(secrets[j]) })
	for _, secret := range secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return s
}

// result redacts a call's result: its XML strings structurally (a
// result's secrets are collected too, so the same value elsewhere in it
// is scrubbed), then the secrets known from the arguments.
func (r *redactor) result(v Value) Value {
	v = r.structural(v, false)
	return r.scrubValue(v)
}

// message redacts an error message of the call.
func (r *redactor) message(msg string) string {
	if r.unparsable {
		return redactedMessage
	}
	if looksXML(msg) {
		if red, ok := r.xml(msg, 0); ok {
			msg = red
		} else {
			return redactedMessage
		}
	}
	if len(r.quoted) > 0 {
		lines := strings.Split(msg, "\n")
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			for _, q := range r.quoted {
				if strings.Contains(q, t) {
					lines[i] = redactedQuote
					break
				}
			}
		}
		msg = strings.Join(lines, "\n")
	}
	return r.scrub(msg)
}

// errorText is err's text as the audit log records it: the message of a
// libvirt error redacted, with its operation.
func (r *redactor) errorText(err error) string {
	if e, ok := AsError(err); ok && errors.Is(err, e) && err.Error() == e.Error() {
		red := r.message(e.Message)
		if e.Op == "" {
			return red
		}
		return e.Op + ": " + red
	}
	return r.message(err.Error())
}

// looksXML reports whether s is an XML document, as libvirt's parser would
// take it: its first character past blanks (and a byte-order mark) is "<".
func looksXML(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \t\r\n\ufeff"), "<")
}

// edit replaces src[from:to] with with.
type edit struct {
	from, to int
	with     string
}

// xml returns src with its secrets replaced, and records them; ok is false
// (and the result redactedXML) when src is not well-formed XML, declares a
// DTD, or nests XML deeper than maxXMLNesting.
func (r *redactor) xml(src string, depth int) (out string, ok bool) {
	if depth > maxXMLNesting {
		return redactedXML, false
	}
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict = true
	var edits []edit
	secretDepth := 0 // > 0 inside an element whose content is secret
	contentStart := 0
	var text strings.Builder // the text run being read, decoded
	textStart := -1
	prev := 0
	endText := func() bool {
		if textStart < 0 {
			return true
		}
		t := text.String()
		from := textStart
		text.Reset()
		textStart = -1
		if secretDepth > 0 {
			r.addSecret(t)
			r.addSecret(strings.TrimSpace(t))
			return true
		}
		if !looksXML(t) {
			return true
		}
		red, ok := r.xml(t, depth+1)
		if !ok {
			return false
		}
		if red != t {
			edits = append(edits, edit{from, prev, escapeXML(red, 0)})
		}
		return true
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return redactedXML, false
		}
		off := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.CharData:
			if textStart < 0 {
				textStart = prev
			}
			text.Write(t)
		case xml.Comment, xml.ProcInst:
			// inside a text run, they stay in it
		case xml.Directive:
			return redactedXML, false
		case xml.StartElement:
			if !endText() {
				return redactedXML, false
			}
			if secretDepth > 0 {
				secretDepth++
				break
			}
			attrEdits, ok := r.attrs(src, prev, off, t, depth)
			if !ok {
				return redactedXML, false
			}
			edits = append(edits, attrEdits...)
			if secretElements[t.Name.Local] {
				secretDepth, contentStart = 1, off
			}
		case xml.EndElement:
			if !endText() {
				return redactedXML, false
			}
			if secretDepth > 0 {
				secretDepth--
				if secretDepth == 0 && prev > contentStart {
					r.addSecret(src[contentStart:prev])
					edits = append(edits, edit{contentStart, prev, redacted})
				}
			}
		}
		prev = off
	}
	if !endText() {
		return redactedXML, false
	}
	if len(edits) == 0 {
		return src, true
	}
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(src[at:e.from])
		b.WriteString(e.with)
		at = e.to
	}
	b.WriteString(src[at:])
	return b.String(), true
}

// attrs returns the edits that redact the attributes of the start tag
// src[from:to], which the decoder read as t. ok is false when the tag's
// text does not match t, or an attribute value that is XML does not parse.
func (r *redactor) attrs(src string, from, to int, t xml.StartElement, depth int) (edits []edit, ok bool) {
	tag := src[from:to]
	i := strings.IndexAny(tag, " \t\r\n/>")
	if !strings.HasPrefix(tag, "<") || i < 0 {
		return nil, false
	}
	n := 0
	for {
		for i < len(tag) && strings.IndexByte(" \t\r\n", tag[i]) >= 0 {
			i++
		}
		if i >= len(tag) || tag[i] == '/' || tag[i] == '>' {
			break
		}
		nameEnd := i + strings.IndexAny(tag[i:], " \t\r\n=")
		if nameEnd < i {
			return nil, false
		}
		name := tag[i:nameEnd]
		i = nameEnd
		for i < len(tag) && strings.IndexByte(" \t\r\n", tag[i]) >= 0 {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			return nil, false
		}
		i++
		for i < len(tag) && strings.IndexByte(" \t\r\n", tag[i]) >= 0 {
			i++
		}
		if i >= len(tag) || (tag[i] != '\'' && tag[i] != '"') {
			return nil, false
		}
		quote := tag[i]
		valStart := i + 1
		valEnd := valStart + strings.IndexByte(tag[valStart:], quote)
		if valEnd < valStart {
			return nil, false
		}
		i = valEnd + 1
		if n >= len(t.Attr) {
			return nil, false
		}
		a := t.Attr[n]
		n++
		local := name[strings.LastIndexByte(name, ':')+1:]
		if local != a.Name.Local {
			return nil, false
		}
		switch {
		case secretAttrs[local]:
			r.addSecret(a.Value)
			r.addSecret(tag[valStart:valEnd])
			edits = append(edits, edit{from + valStart, from + valEnd, redacted})
		case looksXML(a.Value):
			red, ok := r.xml(a.Value, depth+1)
			if !ok {
				return nil, false
			}
			if red != a.Value {
				edits = append(edits, edit{from + valStart, from + valEnd, escapeXML(red, quote)})
			}
		}
	}
	return edits, n == len(t.Attr)
}

// escapeXML escapes s as text, or as an attribute value in quote.
func escapeXML(s string, quote byte) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	s = r.Replace(s)
	switch quote {
	case '\'':
		s = strings.ReplaceAll(s, "'", "&apos;")
	case '"':
		s = strings.ReplaceAll(s, `"`, "&quot;")
	}
	return s
}
