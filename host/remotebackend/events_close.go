package remotebackend

// The VIR_CONNECT_CLOSE_REASON_* values the remote backend reports.
const (
	closeReasonEOF    = 1 // the daemon closed the connection
	closeReasonClient = 3 // the client closed it (Abort: a call's deadline)
)

// closeWatch is a connection's close callback, and whether the goroutine
// that waits for the connection's end runs (one at most, which ends with
// the connection).
type closeWatch struct {
	deliver  func(reason int)
	watching bool
}

// RegisterCloseCallback registers deliver for the connection's end,
// replacing any other: it is called once, with
// VIR_CONNECT_CLOSE_REASON_EOF when the daemon went away, or _CLIENT when
// Abort closed the socket. Unlike libvirt's client, a Close without
// UnregisterCloseCallback calls it too (the core unregisters first).
func (c *conn) RegisterCloseCallback(deliver func(reason int)) error {
	ev := &c.ev
	ev.mu.Lock()
	defer ev.mu.Unlock()
	ev.close.deliver = deliver
	if !ev.close.watching {
		ev.close.watching = true
		go c.watchClose()
	}
	return nil
}

// UnregisterCloseCallback removes the close callback.
func (c *conn) UnregisterCloseCallback() error {
	c.ev.mu.Lock()
	defer c.ev.mu.Unlock()
	c.ev.close.deliver = nil
	return nil
}

// watchClose waits for the connection's end and calls the close callback
// registered then.
func (c *conn) watchClose() {
	<-c.l.Disconnected()
	reason := closeReasonEOF
	select {
	case <-c.w.aborted:
		reason = closeReasonClient
	default:
	}
	c.ev.mu.Lock()
	deliver := c.ev.close.deliver
	c.ev.close.deliver = nil
	c.ev.mu.Unlock()
	if deliver != nil {
		deliver(reason)
	}
}
