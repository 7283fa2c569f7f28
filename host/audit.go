package host

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"time"
)

// auditCall writes one record for the call c, which started at start and
// returned v or err.
func (s *Session) auditCall(c *Call, start time.Time, v Value, err error) {
	recv, uri := ClassModule, ""
	if c.recv != nil {
		recv, uri = c.recv.String(), c.recv.Conn().label
	} else if o, ok := v.(*Object); ok {
		uri = o.Conn().label
	}
	attrs := []slog.Attr{
		slog.String("uri", uri),
		slog.String("receiver", recv),
		slog.String("op", c.op.QualName()),
		slog.Any("args", jsonValue(redactArgs(c.op, c.givenArgs()))),
		slog.String("effect", c.op.Effect.String()),
		slog.Duration("duration", time.Since(start)),
	}
	if s.dryRun && c.op.Effect != Read {
		attrs = append(attrs, slog.Bool("dry_run", true))
	}
	level := slog.LevelInfo
	if err != nil {
		level = slog.LevelError
		attrs = append(attrs, slog.String("error", err.Error()))
	} else if c.op.secretResult {
		attrs = append(attrs, slog.String("result", redacted))
	} else {
		attrs = append(attrs, slog.Any("result", jsonValue(redactValue(v))))
	}
	s.audit.LogAttrs(context.Background(), level, "call", attrs...)
}

// jsonValue converts v for encoding/json: objects as their printed form,
// bytes as their length.
func jsonValue(v Value) any {
	switch v := v.(type) {
	case []Value:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonValue(e)
		}
		return out
	case *Map:
		out := make(map[string]any, v.Len())
		for _, k := range v.keys {
			out[k] = jsonValue(v.vals[k])
		}
		return out
	case *IntMap:
		out := make(map[int64]any, v.Len())
		for _, k := range v.keys {
			out[k] = jsonValue(v.vals[k])
		}
		return out
	case *Object:
		return v.String()
	case Opaque:
		return v.Type
	case Bytes:
		// Data, not a description of a call: a stream's may be a whole
		// volume, or what a console showed.
		return fmt.Sprintf("<%d bytes>", len(v))
	}
	return v
}

// redacted replaces a secret in the audit log and the plan.
const redacted = "<redacted>"

// xmlSecret matches the attributes of libvirt XML that carry passwords and
// keys: <graphics passwd='...'>, <auth ... password='...'>, ...
var xmlSecret = regexp.MustCompile(`(?i)\b(passwd|password)=('[^']*'|"[^"]*")`)

// redactArgs returns args with Secret parameters replaced and passwords in
// XML strings masked.
func redactArgs(op *Op, args []Value) []Value {
	out := make([]Value, len(args))
	for i, a := range args {
		if i < len(op.Params) && op.Params[i].Secret {
			out[i] = redacted
			continue
		}
		out[i] = redactValue(a)
	}
	return out
}

func redactValue(v Value) Value {
	switch v := v.(type) {
	case string:
		return xmlSecret.ReplaceAllString(v, "$1='"+redacted+"'")
	case []Value:
		out := make([]Value, len(v))
		for i, e := range v {
			out[i] = redactValue(e)
		}
		return out
	}
	return v
}
