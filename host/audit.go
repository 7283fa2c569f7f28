package host

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"time"
)

// Outcomes of a call in the audit log (its "outcome" attribute).
const (
	outcomeOK    = "ok"    // the call returned: its result
	outcomeError = "error" // the call failed: its error
	// outcomeAbandoned is a call still in libvirt when the run gave up on
	// it (call-timeout, timeout, a signal): it may yet take effect. The
	// record is written when the call is abandoned, with its duration so
	// far and the reason as its error.
	outcomeAbandoned = "abandoned"
	// outcomeLate is an abandoned call that returned after all (when the
	// process lived on): what libvirt made of it.
	outcomeLate = "late"
)

// auditCall writes one record for the call c, which started at start and
// returned v or err.
func (s *Session) auditCall(c *Call, start time.Time, v Value, err error) {
	outcome := outcomeOK
	if err != nil {
		outcome = outcomeError
	}
	s.writeAudit(c, start, outcome, v, err)
}

// auditAbandoned writes the record of the call c, abandoned for reason
// while still in libvirt. s.mu is held: the record must be written before
// Run returns, and the process perhaps exits.
func (s *Session) auditAbandoned(c *Call, reason error) {
	if s.audit != nil {
		s.writeAudit(c, c.start, outcomeAbandoned, nil, reason)
	}
}

// writeAudit writes the record of c with its outcome, result v and error
// err, the arguments, result and error redacted of their secrets and cut
// to what a record shows (see clip).
func (s *Session) writeAudit(c *Call, start time.Time, outcome string, v Value, err error) {
	recv, uri := c.op.moduleName(), ""
	if c.recv != nil {
		recv, uri = c.recv.String(), c.recv.Conn().label
	} else if o, ok := v.(*Object); ok {
		uri = o.Conn().label
	}
	given := c.givenArgs()
	args, r := newRedactor(c.op, given)
	attrs := []slog.Attr{
		slog.String("uri", uri),
		slog.String("receiver", recv),
		slog.String("op", c.op.QualName()),
		slog.Any("args", jsonValue(clipEach(args))),
	}
	if names := flagNamesOf(c.op, given); names != nil {
		// Beside args, which keep the numbers: the flags by name.
		attrs = append(attrs, slog.Any("flags", FlagsByParam(c.op.Params, names)))
	}
	attrs = append(attrs,
		slog.String("effect", c.op.Effect.String()),
		slog.Duration("duration", time.Since(start)),
		slog.String("outcome", outcome),
	)
	if s.dryRun && c.op.Effect != Read {
		attrs = append(attrs, slog.Bool("dry_run", true))
	}
	level := slog.LevelInfo
	switch {
	case err != nil:
		level = slog.LevelError
		attrs = append(attrs, slog.String("error", clip(r.errorText(err)).(string)))
	case c.op.secretResult:
		attrs = append(attrs, slog.String("result", redacted))
	default:
		attrs = append(attrs, slog.Any("result", jsonValue(clip(r.result(v)))))
	}
	s.audit.LogAttrs(context.Background(), level, "call", attrs...)
}

// jsonValue converts v for encoding/json, through the one walk over
// values: lists and tuples as arrays, dicts as objects in their order,
// objects as their printed form, bytes as their length, functions and
// opaques by name, floats that JSON cannot hold (NaN, infinities) as
// strings.
func jsonValue(v Value) any {
	out, _ := walker{leaf: func(_ []pathStep, v Value) (Value, error) {
		switch v := v.(type) {
		case *Object:
			return v.String(), nil
		case Opaque:
			return "{" + v.Type + "}", nil
		case Callable:
			return "<function " + v.Name() + ">", nil
		case Bytes:
			// Data, not a description of a call: a stream's may be a
			// whole volume, or what a console showed.
			return fmt.Sprintf("<%d bytes>", len(v)), nil
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return Repr(v), nil
			}
		case nil, bool, int64, string:
		default:
			return Repr(v), nil
		}
		return v, nil
	}}.walk(nil, v)
	return out
}
