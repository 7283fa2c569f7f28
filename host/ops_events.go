package host

import "time"

// eventOps are the event registration methods of virConnect and the
// module's wait helpers, in which callbacks run (see events.go).
var eventOps = append(inClass(ClassConnect, []*Op{
	{Name: "domainEventRegisterAny", CName: "virConnectDomainEventRegisterAny",
		Params: []Param{{Name: "dom", Type: TObjectOrNone, Class: ClassDomain}, req("eventID", TInt), req("cb", TCallable), req("opaque", TAny)},
		Result: "int (callback ID)",
		Doc:    "Registers cb(conn, dom, ..., opaque) for events eventID (VIR_DOMAIN_EVENT_ID_*) of dom, or of every domain when dom is None; callbacks run inside the wait helpers.",
		fn: func(c *Call) (Value, error) {
			return c.registerEvents(domainEvents, c.object(0), c.int(1), c.args[2].(Callable), c.args[3], false)
		}},
	{Name: "domainEventDeregisterAny", CName: "virConnectDomainEventDeregisterAny",
		Params: []Param{req("callbackID", TInt)}, Result: "None",
		Doc: "Removes the callback registered with ID callbackID.",
		fn: func(c *Call) (Value, error) {
			return nil, c.deregisterEvents(domainEvents, c.int(0))
		}},
	{Name: "domainEventRegister", CName: "virConnectDomainEventRegister",
		Params: []Param{req("cb", TCallable), req("opaque", TAny)}, Result: "None",
		Doc: "Registers cb(conn, dom, event, detail, opaque) for the lifecycle events of every domain (registering cb again replaces its opaque).",
		fn: func(c *Call) (Value, error) {
			cb := c.args[0].(Callable)
			q := c.s.events
			for _, r := range q.legacyOf(c.recv) {
				if r.cb.Same(cb) {
					q.mu.Lock()
					r.opaque = c.args[1]
					q.mu.Unlock()
					return nil, nil
				}
			}
			if len(q.legacyOf(c.recv)) == 0 {
				group := &eventReg{conn: c.recv, kind: legacyEvents}
				err := c.conn().DomainEventRegisterLegacy(func(ev ObjectEvent) {
					q.push(queuedEvent{reg: group, obj: ev.Object, args: EventArgs(ev.Payload)})
				})
				if err != nil {
					return nil, err
				}
				q.add(group)
			}
			q.add(&eventReg{conn: c.recv, kind: legacyEvents, cb: cb, opaque: c.args[1], legacy: true})
			return nil, nil
		}},
	{Name: "domainEventDeregister", CName: "virConnectDomainEventDeregister",
		Params: []Param{req("cb", TCallable)}, Result: "None",
		Doc: "Removes cb, registered with domainEventRegister.",
		fn: func(c *Call) (Value, error) {
			cb := c.args[0].(Callable)
			q := c.s.events
			if len(q.remove(c.recv, func(r *eventReg) bool { return r.legacy && r.cb.Same(cb) })) == 0 {
				return nil, nil // as libvirt-python: nothing to remove
			}
			if len(q.legacyOf(c.recv)) > 0 {
				return nil, nil
			}
			q.remove(c.recv, func(r *eventReg) bool { return r.kind == legacyEvents })
			return nil, c.conn().DomainEventDeregisterLegacy()
		}},
	{Name: "networkEventRegisterAny", CName: "virConnectNetworkEventRegisterAny",
		Params: []Param{{Name: "net", Type: TObjectOrNone, Class: ClassNetwork}, req("eventID", TInt), req("cb", TCallable), req("opaque", TAny)},
		Result: "int (callback ID)",
		Doc:    "Registers cb(conn, net, ..., opaque) for events eventID (VIR_NETWORK_EVENT_ID_*) of net, or of every network when net is None.",
		fn: func(c *Call) (Value, error) {
			return c.registerEvents(networkEvents, c.object(0), c.int(1), c.args[2].(Callable), c.args[3], false)
		}},
	{Name: "networkEventDeregisterAny", CName: "virConnectNetworkEventDeregisterAny",
		Params: []Param{req("callbackID", TInt)}, Result: "None",
		Doc: "Removes the network callback registered with ID callbackID.",
		fn:  func(c *Call) (Value, error) { return nil, c.deregisterEvents(networkEvents, c.int(0)) }},
	{Name: "storagePoolEventRegisterAny", CName: "virConnectStoragePoolEventRegisterAny",
		Params: []Param{{Name: "pool", Type: TObjectOrNone, Class: ClassStoragePool}, req("eventID", TInt), req("cb", TCallable), req("opaque", TAny)},
		Result: "int (callback ID)",
		Doc:    "Registers cb(conn, pool, ..., opaque) for events eventID (VIR_STORAGE_POOL_EVENT_ID_*) of pool, or of every pool when pool is None.",
		fn: func(c *Call) (Value, error) {
			return c.registerEvents(storagePoolEvents, c.object(0), c.int(1), c.args[2].(Callable), c.args[3], false)
		}},
	{Name: "storagePoolEventDeregisterAny", CName: "virConnectStoragePoolEventDeregisterAny",
		Params: []Param{req("callbackID", TInt)}, Result: "None",
		Doc: "Removes the storage pool callback registered with ID callbackID.",
		fn:  func(c *Call) (Value, error) { return nil, c.deregisterEvents(storagePoolEvents, c.int(0)) }},
	{Name: "secretEventRegisterAny", CName: "virConnectSecretEventRegisterAny",
		Params: []Param{{Name: "secret", Type: TObjectOrNone, Class: ClassSecret}, req("eventID", TInt), req("cb", TCallable), req("opaque", TAny)},
		Result: "int (callback ID)",
		Doc:    "Registers cb(conn, secret, ..., opaque) for events eventID (VIR_SECRET_EVENT_ID_*) of secret, or of every secret when secret is None.",
		fn: func(c *Call) (Value, error) {
			return c.registerEvents(secretEvents, c.object(0), c.int(1), c.args[2].(Callable), c.args[3], false)
		}},
	{Name: "secretEventDeregisterAny", CName: "virConnectSecretEventDeregisterAny",
		Params: []Param{req("callbackID", TInt)}, Result: "None",
		Doc: "Removes the secret callback registered with ID callbackID.",
		fn:  func(c *Call) (Value, error) { return nil, c.deregisterEvents(secretEvents, c.int(0)) }},
	{Name: "nodeDeviceEventRegisterAny", CName: "virConnectNodeDeviceEventRegisterAny",
		Params: []Param{{Name: "dev", Type: TObjectOrNone, Class: ClassNodeDevice}, req("eventID", TInt), req("cb", TCallable), req("opaque", TAny)},
		Result: "int (callback ID)",
		Doc:    "Registers cb(conn, dev, ..., opaque) for events eventID (VIR_NODE_DEVICE_EVENT_ID_*) of dev, or of every node device when dev is None.",
		fn: func(c *Call) (Value, error) {
			return c.registerEvents(nodeDeviceEvents, c.object(0), c.int(1), c.args[2].(Callable), c.args[3], false)
		}},
	{Name: "nodeDeviceEventDeregisterAny", CName: "virConnectNodeDeviceEventDeregisterAny",
		Params: []Param{req("callbackID", TInt)}, Result: "None",
		Doc: "Removes the node device callback registered with ID callbackID.",
		fn:  func(c *Call) (Value, error) { return nil, c.deregisterEvents(nodeDeviceEvents, c.int(0)) }},
	{Name: "registerCloseCallback", CName: "virConnectRegisterCloseCallback",
		Params: []Param{req("cb", TCallable), req("opaque", TAny)}, Result: "int (0)",
		Doc: "Registers cb(conn, reason, opaque) for the connection's closing (VIR_CONNECT_CLOSE_REASON_*), replacing any other; it runs inside the wait helpers.",
		fn: func(c *Call) (Value, error) {
			c.s.events.remove(c.recv, func(r *eventReg) bool { return r.id < 0 })
			r := &eventReg{conn: c.recv, id: -1, cb: c.args[0].(Callable), opaque: c.args[1]}
			q := c.s.events
			err := c.conn().RegisterCloseCallback(func(reason int) {
				q.push(queuedEvent{reg: r, args: []Value{int64(reason)}})
			})
			if err != nil {
				return nil, err
			}
			q.add(r)
			return int64(0), nil
		}},
	{Name: "unregisterCloseCallback", CName: "virConnectUnregisterCloseCallback", Result: "None",
		Doc: "Removes the close callback.",
		fn: func(c *Call) (Value, error) {
			c.s.events.remove(c.recv, func(r *eventReg) bool { return r.id < 0 })
			return nil, c.conn().UnregisterCloseCallback()
		}},
	{Name: "setKeepAlive", CName: "virConnectSetKeepAlive",
		Params: []Param{req("interval", TInt), req("count", TUint)}, Result: "int (0)",
		Doc: "Sends keepalive messages after interval seconds of silence, and closes the connection after count unanswered ones (remote connections).",
		fn: func(c *Call) (Value, error) {
			n := c.int(0)
			if n < -1<<31 || n > 1<<31-1 {
				return nil, invalidArg(c.op.QualName(), forParam("interval"), "%d is out of range", n)
			}
			return done(c.conn().SetKeepAlive(int(n), uint(c.uint32(1))))
		}},
}), inClass(ClassModule, []*Op{
	{Name: "virInitialize", CName: "virInitialize", Result: "int (0)",
		Doc: "Initializes the libvirt library; vertscript does it before the first connection, so a script need not.",
		fn:  func(c *Call) (Value, error) { return done(c.s.backend.Initialize()) }},
	{Name: "virEventRegisterDefaultImpl", CName: "virEventRegisterDefaultImpl", Result: "int (0)",
		Doc: "Returns 0: vertscript registered libvirt's event loop before the first connection opened, and runs it.",
		fn:  func(c *Call) (Value, error) { return int64(0), nil }},
	{Name: "virEventRunDefaultImpl", CName: "virEventRunDefaultImpl", Result: "int (0)", waits: true,
		Doc: "Runs one iteration of the event loop: waits, if no event has arrived, until one does or the loop wakes up for another reason (a remote connection's keepalive, say), then runs the callbacks of the events that come with it (until none comes for 50 ms).",
		fn: func(c *Call) (Value, error) {
			var turn <-chan struct{}
			if l, ok := c.s.backend.(EventLoop); ok {
				turn = l.LoopTurn()
			}
			n, err := c.s.dispatch()
			if err != nil {
				return nil, err
			}
			if n == 0 {
				// libvirt-python's returns after one iteration of the
				// loop, whether it brought an event or not.
				if err := c.s.waitEventsOr(time.Time{}, turn); err != nil {
					return nil, err
				}
			}
			for {
				if _, err := c.s.dispatch(); err != nil {
					return nil, err
				}
				settle := time.Now().Add(eventSettle)
				if err := c.s.waitEvents(settle); err != nil {
					return nil, err
				}
				if !time.Now().Before(settle) {
					_, err := c.s.dispatch()
					return int64(0), err
				}
			}
		}},
	{Name: "run_events", CName: "virEventRunDefaultImpl", Extension: true, waits: true,
		Params: []Param{opt("timeout", TFloat, 0.0)}, Result: "int (callbacks run)",
		Doc: "Runs the callbacks of the events that have arrived, then of those that arrive within timeout seconds; returns how many ran.",
		fn: func(c *Call) (Value, error) {
			d, err := seconds(c.op.QualName(), c.float(0))
			if err != nil {
				return nil, err
			}
			n, err := c.s.runEvents(d)
			return int64(n), err
		}},
	{Name: "wait_for_state", CName: "virDomainGetState", Extension: true, waits: true,
		Params: []Param{obj("dom", ClassDomain), req("state", TInt), opt("timeout", TFloat, 30.0)}, Result: "int (the state)",
		Doc: "Waits until dom is in state (VIR_DOMAIN_*), running event callbacks meanwhile; fails with VIR_ERR_OPERATION_TIMEOUT after timeout seconds. In a dry run that planned a change of dom's state, returns at once as though reached, or fails at once as it would past its timeout when the planned change leads to another state.",
		fn: func(c *Call) (Value, error) {
			d, err := seconds(c.op.QualName(), c.float(2))
			if err != nil {
				return nil, err
			}
			if v, ok, err := c.plannedWait(c.object(0), c.int(1)); ok {
				return v, err
			}
			return c.waitForState(c.object(0), c.int(1), d)
		}},
})...)

// eventSettle is how long an iteration of virEventRunDefaultImpl waits for
// more events after one came: libvirt dispatches the events of one call
// together, and they reach the session one by one.
const eventSettle = 50 * time.Millisecond

// registerEvents registers cb for events eventID of obj (nil: of every
// object of the kind's class).
func (c *Call) registerEvents(kind *eventKind, obj *Object, eventID int64, cb Callable, opaque Value, legacy bool) (Value, error) {
	if eventID < 0 || eventID > 1<<31-1 {
		return nil, invalidArg(c.op.QualName(), forParam("eventID"), "%d is not an event ID", eventID)
	}
	var ref any
	if obj != nil {
		r, err := c.argRef(obj)
		if err != nil {
			return nil, err
		}
		ref = r
	}
	r := &eventReg{conn: c.recv, kind: kind, cb: cb, opaque: opaque, legacy: legacy}
	q := c.s.events
	id, err := kind.register(c.conn(), ref, int(eventID), func(ev ObjectEvent) {
		q.push(queuedEvent{reg: r, obj: ev.Object, args: EventArgs(ev.Payload)})
	})
	if err != nil {
		return nil, err
	}
	r.id = id
	q.add(r)
	return int64(id), nil
}

// deregisterEvents removes the callback of kind registered as id.
func (c *Call) deregisterEvents(kind *eventKind, id int64) error {
	c.s.events.remove(c.recv, func(r *eventReg) bool { return r.kind == kind && int64(r.id) == id && !r.legacy })
	if id < 0 || id > 1<<31-1 {
		return invalidArg(c.op.QualName(), forParam("callbackID"), "%d is not a callback ID", id)
	}
	return kind.deregister(c.conn(), int(id))
}
