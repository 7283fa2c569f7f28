package host

// errorOps are libvirt-python's error-reporting functions. libvirt keeps
// the last error per thread and per connection, and calls a registered
// handler on each; the session does the same for the script's calls, so
// scripts that silence or inspect libvirt's errors this way run unchanged.
var errorOps = append(inClass(ClassModule, []*Op{
	{Name: "registerErrorHandler", CName: "virSetErrorFunc",
		Params: []Param{req("f", TAny), req("ctx", TAny)}, Result: "int (1)",
		Doc: "Calls f(ctx, error) for each libvirt error, error being virGetLastError's tuple; f None restores the default (no call).",
		fn: func(c *Call) (Value, error) {
			f, ok := view(c.args[0]).(Callable)
			if !ok && view(c.args[0]) != nil {
				return nil, wrongType(c.op.QualName(), forParam("f"), c.args[0], wantKinds(KindFunction, KindNone))
			}
			c.s.mu.Lock()
			c.s.errHandler, c.s.errCtx = f, c.args[1]
			c.s.mu.Unlock()
			return int64(1), nil
		}},
	{Name: "virGetLastError", CName: "virGetLastError", Result: "tuple (code, domain, message, level, str1, str2, str3, int1, int2) or None",
		Doc: "Returns the last libvirt error of the script's calls, or None.",
		fn: func(c *Call) (Value, error) {
			if e := c.s.lastError(nil); e != nil {
				return errorTuple(e), nil
			}
			return nil, nil
		}},
	{Name: "virGetLastErrorCode", CName: "virGetLastErrorCode", Result: "int",
		Doc: "Returns the last libvirt error's code (VIR_ERR_*), 0 when there is none.",
		fn: func(c *Call) (Value, error) {
			if e := c.s.lastError(nil); e != nil {
				return int64(e.Code), nil
			}
			return int64(0), nil
		}},
	{Name: "virGetLastErrorDomain", CName: "virGetLastErrorDomain", Result: "int",
		Doc: "Returns the last libvirt error's domain (VIR_FROM_*), 0 when there is none.",
		fn: func(c *Call) (Value, error) {
			if e := c.s.lastError(nil); e != nil {
				return int64(e.Domain), nil
			}
			return int64(0), nil
		}},
	{Name: "virGetLastErrorMessage", CName: "virGetLastErrorMessage", Result: "str",
		Doc: "Returns the last libvirt error's message, \"no error\" when there is none.",
		fn: func(c *Call) (Value, error) {
			if e := c.s.lastError(nil); e != nil {
				return e.Message, nil
			}
			return "no error", nil
		}},
	{Name: "virResetLastError", CName: "virResetLastError", Result: "None",
		Doc: "Forgets the last libvirt error.",
		fn: func(c *Call) (Value, error) {
			c.s.mu.Lock()
			c.s.lastErr = nil
			c.s.mu.Unlock()
			return nil, nil
		}},
}), inClass(ClassConnect, []*Op{
	{Name: "virConnGetLastError", CName: "virConnGetLastError", Result: "tuple (code, domain, message, level, str1, str2, str3, int1, int2)",
		Doc: "Returns the last libvirt error of the calls on this connection and its objects.",
		fn: func(c *Call) (Value, error) {
			if e := c.s.lastError(c.recv); e != nil {
				return errorTuple(e), nil
			}
			return Tuple{int64(0), int64(0), nil, int64(0), nil, nil, nil, int64(0), int64(0)}, nil
		}},
	{Name: "virConnResetLastError", CName: "virConnResetLastError", Result: "None",
		Doc: "Forgets the last libvirt error of this connection.",
		fn: func(c *Call) (Value, error) {
			c.s.mu.Lock()
			c.recv.lastErr = nil
			c.s.mu.Unlock()
			return nil, nil
		}},
})...)

// errorTuple is libvirt-python's tuple for e: code, domain, message,
// level, str1, str2, str3, int1, int2. The backend reports no extra
// strings and numbers: str1 repeats the message, as libvirt's own errors
// mostly do, and the rest are None and -1.
func errorTuple(e *Error) Tuple {
	return Tuple{int64(e.Code), int64(e.Domain), e.Message, int64(e.Level), e.Message, nil, nil, int64(-1), int64(-1)}
}

// lastError returns the last libvirt error of the session's calls, or of
// those on conn when conn is not nil.
func (s *Session) lastError(conn *Object) *Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if conn != nil {
		return conn.lastErr
	}
	return s.lastErr
}

// noteError records e, the libvirt error of a call on recv, as the last
// error, and calls the script's error handler with it.
func (s *Session) noteError(recv *Object, e *Error) error {
	s.mu.Lock()
	s.lastErr = e
	if recv != nil {
		recv.Conn().lastErr = e
	}
	h, ctx := s.errHandler, s.errCtx
	if s.inErrHandler {
		h = nil // an error inside the handler does not call it again
	}
	s.inErrHandler = h != nil
	s.mu.Unlock()
	if h == nil {
		return nil
	}
	_, err := h.Call([]Value{ctx, errorTuple(e)})
	s.mu.Lock()
	s.inErrHandler = false
	s.mu.Unlock()
	return err
}
