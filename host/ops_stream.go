package host

import "fmt"

// streamOps are the methods of virStream, and the methods that use a stream:
// virConnect.newStream, virDomain.screenshot, openConsole and openChannel,
// virStorageVol.download and upload. The event-callback methods of
// virStream (eventAddCallback, eventUpdateCallback, eventRemoveCallback)
// need the host's event loop and are not here.
var streamOps = []*Op{
	{Class: ClassConnect, Name: "newStream", CName: "virStreamNew", Params: []Param{flags()}, Result: "virStream",
		Doc: "Makes a stream for screenshot, openConsole, download, ... (VIR_STREAM_NONBLOCK for a non-blocking one).",
		fn: func(c *Call) (Value, error) {
			st, err := c.conn().StreamNew(c.uint32(0))
			return adoptOne(st, err, c.adoptStream)
		}},

	{Class: ClassDomain, Name: "screenshot", CName: "virDomainScreenshot", Effect: Privileged,
		Params: []Param{obj("stream", ClassStream), req("screen", TUint), flags()},
		Result: "str (the image's MIME type)",
		Doc:    "Attaches the stream to an image of the domain's screen, read with recv; returns its MIME type.",
		fn: func(c *Call) (Value, error) {
			st, err := objectArg[Stream](c, 0)
			if err != nil {
				return nil, err
			}
			return str(c.domain().Screenshot(st, c.uint32(1), c.uint32(2)))
		}},
	{Class: ClassDomain, Name: "openConsole", CName: "virDomainOpenConsole",
		Params: []Param{req("dev_name", TStringOrNone), obj("st", ClassStream), flagsOf("VIR_DOMAIN_CONSOLE_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Attaches the stream to a console, serial or parallel device (None: the first); VIR_DOMAIN_CONSOLE_FORCE takes it from another client.",
		fn: func(c *Call) (Value, error) {
			st, err := objectArg[Stream](c, 1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().OpenConsole(c.optStr(0), st, c.uint32(2)))
		}},
	// name is a string, not None: libvirt.org/go/libvirt always passes
	// it, so NULL (the first channel) cannot reach virDomainOpenChannel.
	{Class: ClassDomain, Name: "openChannel", CName: "virDomainOpenChannel",
		Params: []Param{req("name", TString), obj("st", ClassStream), flagsOf("VIR_DOMAIN_CHANNEL_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Attaches the stream to the channel device name (alias or target name); VIR_DOMAIN_CHANNEL_FORCE takes it from another client.",
		fn: func(c *Call) (Value, error) {
			st, err := objectArg[Stream](c, 1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().OpenChannel(c.str(0), st, c.uint32(2)))
		}},

	{Class: ClassStorageVol, Name: "download", CName: "virStorageVolDownload", Effect: Privileged,
		Params: []Param{obj("stream", ClassStream), req("offset", TUint64), req("length", TUint64), flagsOf("VIR_STORAGE_VOL_DOWNLOAD_SPARSE_")},
		Result: "int (0)",
		Doc:    "Attaches the stream to length bytes of the volume from offset (length 0: to the end), read with recv.",
		fn: func(c *Call) (Value, error) {
			st, err := objectArg[Stream](c, 0)
			if err != nil {
				return nil, err
			}
			return done(c.streamVol().Download(st, c.uint64(1), c.uint64(2), c.uint32(3)))
		}},
	{Class: ClassStorageVol, Name: "upload", CName: "virStorageVolUpload",
		Params: []Param{obj("stream", ClassStream), req("offset", TUint64), req("length", TUint64), flagsOf("VIR_STORAGE_VOL_UPLOAD_SPARSE_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Attaches the stream to length bytes of the volume from offset (length 0: to the end), written with send, then finish.",
		fn: func(c *Call) (Value, error) {
			st, err := objectArg[Stream](c, 0)
			if err != nil {
				return nil, err
			}
			return done(c.streamVol().Upload(st, c.uint64(1), c.uint64(2), c.uint32(3)))
		}},

	{Class: ClassStream, Name: "connect", CName: "virStream.connect", Result: "virConnect",
		Doc: "Returns the connection the stream was made on (no libvirt call).",
		fn:  func(c *Call) (Value, error) { return c.recv.Conn(), nil }},
	{Class: ClassStream, Name: "abort", CName: "virStreamAbort", Result: "int (0)",
		Doc: "Ends the transfer before the end of the stream, telling the other end.",
		fn:  func(c *Call) (Value, error) { return done(c.stream().Abort()) }},
	{Class: ClassStream, Name: "finish", CName: "virStreamFinish", Result: "int (0)",
		Doc: "Ends the transfer after the end of the stream, reporting any error the other end saw.",
		fn:  func(c *Call) (Value, error) { return done(c.stream().Finish()) }},
	{Class: ClassStream, Name: "recv", CName: "virStreamRecv", Params: []Param{req("nbytes", TUint64)},
		Result: "bytes (b'' at the end), or int -2 when a non-blocking stream would block",
		Doc:    "Reads up to nbytes bytes from the stream.",
		fn: func(c *Call) (Value, error) {
			buf, err := c.streamBuffer(c.uint64(0))
			if err != nil {
				return nil, err
			}
			n, err := c.stream().Recv(buf)
			return received(buf, n, err)
		}},
	{Class: ClassStream, Name: "recvFlags", CName: "virStreamRecvFlags", Params: []Param{req("nbytes", TUint64), flags()},
		Result: "bytes (b'' at the end), or int: -2 when a non-blocking stream would block, -3 at a hole",
		Doc:    "Reads up to nbytes bytes from the stream; VIR_STREAM_RECV_STOP_AT_HOLE stops at a hole (see recvHole).",
		fn: func(c *Call) (Value, error) {
			buf, err := c.streamBuffer(c.uint64(0))
			if err != nil {
				return nil, err
			}
			n, err := c.stream().RecvFlags(buf, c.uint32(1))
			return received(buf, n, err)
		}},
	{Class: ClassStream, Name: "recvHole", CName: "virStreamRecvHole", Params: []Param{flags()}, Result: "int (bytes)",
		Doc: "Returns the length of the hole recvFlags stopped at.",
		fn:  func(c *Call) (Value, error) { return num(c.stream().RecvHole(c.uint32(0))) }},
	{Class: ClassStream, Name: "send", CName: "virStreamSend", Params: []Param{req("data", TBytes)},
		Result: "int (bytes sent), or -2 when a non-blocking stream would block",
		Doc:    "Writes data (bytes or str) to the stream.",
		fn:     func(c *Call) (Value, error) { return num(c.stream().Send(c.bytes(0))) }},
	{Class: ClassStream, Name: "sendHole", CName: "virStreamSendHole", Params: []Param{req("length", TInt), flags()},
		Result: "int (0)",
		Doc:    "Makes the stream's sink skip length bytes, leaving a hole.",
		fn:     func(c *Call) (Value, error) { return done(c.stream().SendHole(c.int(0), c.uint32(1))) }},
	{Class: ClassStream, Name: "recvAll", CName: "virStreamRecv",
		Params: []Param{req("handler", TCallable), req("opaque", TAny)}, Result: "None",
		Doc: "Reads the stream to its end, calling handler(stream, data, opaque) with each piece.",
		fn:  recvAll},
	{Class: ClassStream, Name: "sendAll", CName: "virStreamSend",
		Params: []Param{req("handler", TCallable), req("opaque", TAny)}, Result: "None",
		Doc: "Writes what handler(stream, nbytes, opaque) returns until it returns empty data.",
		fn:  sendAll},
	{Class: ClassStream, Name: "sparseRecvAll", CName: "virStreamRecvFlags",
		Params: []Param{req("handler", TCallable), req("holeHandler", TCallable), req("opaque", TAny)}, Result: "None",
		Doc: "Reads the stream to its end: handler(stream, data, opaque) for data, holeHandler(stream, length, opaque) for holes.",
		fn:  sparseRecvAll},
	{Class: ClassStream, Name: "sparseSendAll", CName: "virStreamSend",
		Params: []Param{req("handler", TCallable), req("holeHandler", TCallable), req("skipHandler", TCallable), req("opaque", TAny)},
		Result: "None",
		Doc:    "Writes a sparse source: holeHandler(stream, opaque) says [inData, sectionLen], handler(stream, nbytes, opaque) gives data, skipHandler(stream, length, opaque) skips a hole.",
		fn:     sparseSendAll},
}

func (c *Call) stream() Stream { return c.ref.(Stream) }

// streamVol is the receiver's backend object for the volume methods.
func (c *Call) streamVol() StorageVol { return c.ref.(StorageVol) }

// adoptStream gives st to the session. A stream has no name or UUID: it is
// stream-N, the N-th stream made on its connection.
func (c *Call) adoptStream(st Stream) (*Object, error) {
	conn := c.recv.Conn()
	c.s.mu.Lock()
	n := 1
	for _, o := range c.s.owned[conn] {
		if o.class == ClassStream {
			n++
		}
	}
	c.s.mu.Unlock()
	id := fmt.Sprintf("stream-%d", n)
	return c.adopt(ClassStream, id, id, st)
}

// maxRecv is the most one virStreamRecv can return: its count is a C int.
// A larger buffer would never fill.
const maxRecv = 1<<31 - 1

// streamBuffer allocates the buffer of a read of nbytes, refused when it
// would take the heap past the run's memory limit.
func (c *Call) streamBuffer(nbytes uint64) ([]byte, error) {
	n := min(nbytes, maxRecv)
	if le := c.s.limits.CheckAlloc(n, fmt.Sprintf("%s(%d)", c.op.QualName(), nbytes), "a buffer"); le != nil {
		return nil, le
	}
	return make([]byte, n), nil
}

// received is the result of a read into buf: the bytes read (b” at the
// end of the stream), or the C function's negative result (would block, a
// hole) as an int, as libvirt-python returns them.
func received(buf []byte, n int, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return int64(n), nil
	}
	return Bytes(buf[:n]), nil
}
