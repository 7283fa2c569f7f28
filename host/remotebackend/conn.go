package remotebackend

import (
	"context"
	"encoding/hex"
	"strings"
	"time"

	libvirt "github.com/digitalocean/go-libvirt"
	"github.com/digitalocean/go-libvirt/socket/dialers"

	"github.com/vertscript/vertscript/host/driver"
)

// conn is a connection to a daemon: go-libvirt's client on the wire.
type conn struct {
	driver.UnimplementedConnAreas
	t        target
	readOnly bool
	w        *wire
	l        *libvirt.Libvirt
	ev       eventState // the event callbacks (events.go)
}

var (
	_ driver.Conn    = (*conn)(nil)
	_ driver.Aborter = (*conn)(nil)
)

// featureProgramKeepalive is VIR_DRV_FEATURE_PROGRAM_KEEPALIVE.
const featureProgramKeepalive = 10

// open dials t's daemon and opens t.Name there.
func open(ctx context.Context, t target, readOnly bool) (*conn, error) {
	nc, err := dial(ctx, t, readOnly)
	if err != nil {
		return nil, &driver.Error{Code: errSystemError, Domain: fromRPC, Level: driver.ErrError,
			Message: "Failed to connect to the daemon for " + t.URI + ": " + err.Error()}
	}
	c := &conn{t: t, readOnly: readOnly, w: newWire(nc, readOnly)}
	c.w.onMessage = c.handleMessage
	stop := context.AfterFunc(ctx, c.w.Abort)
	defer stop()
	c.l = libvirt.NewWithDialer(dialers.NewAlreadyConnected(c.w))
	if err := c.l.ConnectToURI(libvirt.ConnectURI(t.Name)); err != nil {
		c.w.Abort()
		return nil, c.conv(err)
	}
	c.w.opened.Store(true)
	// As libvirt's client does at every open: asking whether the daemon
	// has the keepalive program starts the daemon's keepalive towards this
	// client (the wire answers its PINGs), so that the daemon lets go of a
	// client that vanished instead of holding it until TCP gives up.
	c.supports(featureProgramKeepalive)
	return c, nil
}

// Abort implements driver.Aborter: it closes the socket, ending every call
// in flight.
func (c *conn) Abort() { c.w.Abort() }

// closeWait bounds the goodbye to a daemon that does not answer.
const closeWait = 5 * time.Second

// Close says goodbye to the daemon and closes the socket; a daemon that
// does not answer within closeWait is left.
func (c *conn) Close() (int, error) {
	done := make(chan error, 1)
	go func() { done <- c.l.Disconnect() }()
	select {
	case err := <-done:
		c.w.Abort()
		if err != nil {
			select {
			case <-c.w.aborted:
				return 0, nil
			default:
			}
		}
		return 0, nil
	case <-time.After(closeWait):
		c.w.Abort()
		<-done
		return 0, nil
	}
}

// GetURI is the URI as opened, as libvirt's client answers it.
func (c *conn) GetURI() (string, error) { return c.t.URI, nil }

func (c *conn) GetHostname() (string, error) {
	h, err := c.l.ConnectGetHostname()
	return h, c.conv(err)
}

func (c *conn) GetType() (string, error) {
	s, err := c.l.ConnectGetType()
	return s, c.conv(err)
}

func (c *conn) GetVersion() (uint64, error) {
	v, err := c.l.ConnectGetVersion()
	return v, c.conv(err)
}

func (c *conn) GetLibVersion() (uint64, error) {
	v, err := c.l.ConnectGetLibVersion()
	return v, c.conv(err)
}

func (c *conn) NodeGetInfo() (driver.NodeInfo, error) {
	model, mem, cpus, mhz, nodes, sockets, cores, threads, err := c.l.NodeGetInfo()
	if err != nil {
		return driver.NodeInfo{}, c.conv(err)
	}
	b := make([]byte, 0, len(model))
	for _, ch := range model {
		if ch == 0 {
			break
		}
		b = append(b, byte(ch))
	}
	return driver.NodeInfo{Model: string(b), Memory: mem, CPUs: uint(cpus), MHz: uint(mhz),
		Nodes: uint32(nodes), Sockets: uint32(sockets), Cores: uint32(cores), Threads: uint32(threads)}, nil
}

func (c *conn) GetCapabilities() (string, error) {
	s, err := c.l.ConnectGetCapabilities()
	return s, c.conv(err)
}

func (c *conn) NodeGetFreeMemory() (uint64, error) {
	v, err := c.l.NodeGetFreeMemory()
	return v, c.conv(err)
}

// IsAlive is true until the socket closes.
func (c *conn) IsAlive() (bool, error) {
	select {
	case <-c.w.aborted:
		return false, nil
	case <-c.l.Disconnected():
		return false, nil
	default:
		return true, nil
	}
}

// IsEncrypted is what libvirt's remote driver answers: TLS and ssh are.
func (c *conn) IsEncrypted() (bool, error) {
	return c.t.Transport == "tls" || c.t.Transport == "ssh", nil
}

// IsSecure asks the daemon (a local socket, TLS and ssh are).
func (c *conn) IsSecure() (bool, error) {
	if c.t.Transport == "tcp" {
		return false, nil
	}
	v, err := c.l.ConnectIsSecure()
	return v != 0, c.conv(err)
}

func (c *conn) ListDomains(max int) ([]int64, error) {
	ids, err := c.l.ConnectListDomains(int32(max))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out, nil
}

func (c *conn) ListDefinedDomains(max int) ([]string, error) {
	l, err := c.l.ConnectListDefinedDomains(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllDomains(flags uint32) ([]driver.Domain, error) {
	doms, _, err := c.l.ConnectListAllDomains(1, libvirt.ConnectListAllDomainsFlags(flags))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Domain, len(doms))
	for i, d := range doms {
		out[i] = c.domain(d)
	}
	return out, nil
}

func (c *conn) NumOfDomains() (int, error) {
	n, err := c.l.ConnectNumOfDomains()
	return int(n), c.conv(err)
}

func (c *conn) NumOfDefinedDomains() (int, error) {
	n, err := c.l.ConnectNumOfDefinedDomains()
	return int(n), c.conv(err)
}

// lookup wraps the domain a lookup returned.
func (c *conn) lookup(d libvirt.Domain, err error) (driver.Domain, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return c.domain(d), nil
}

func (c *conn) DomainLookupByID(id uint32) (driver.Domain, error) {
	return c.lookup(c.l.DomainLookupByID(int32(id)))
}

func (c *conn) DomainLookupByName(name string) (driver.Domain, error) {
	return c.lookup(c.l.DomainLookupByName(name))
}

func (c *conn) DomainLookupByUUIDString(uuid string) (driver.Domain, error) {
	u, ok := parseUUID(uuid)
	if !ok {
		return nil, &driver.Error{Code: errInvalidArg, Domain: fromNone, Level: driver.ErrError,
			Message: "invalid argument: uuidstr in virDomainLookupByUUIDString must be a valid UUID"}
	}
	return c.lookup(c.l.DomainLookupByUUID(u))
}

func (c *conn) DomainDefineXML(xml string) (driver.Domain, error) {
	return c.lookup(c.l.DomainDefineXML(xml))
}

func (c *conn) DomainCreateXML(xml string, flags uint32) (driver.Domain, error) {
	return c.lookup(c.l.DomainCreateXML(xml, libvirt.DomainCreateFlags(flags)))
}

// parseUUID reads a UUID as libvirt's virUUIDParse does: 32 hex digits,
// with or without dashes between them, spaces around.
func parseUUID(s string) (libvirt.UUID, bool) {
	var u libvirt.UUID
	h := strings.ReplaceAll(strings.TrimSpace(s), "-", "")
	if len(h) != 32 {
		return u, false
	}
	if _, err := hex.Decode(u[:], []byte(h)); err != nil {
		return u, false
	}
	return u, true
}

// formatUUID writes u as libvirt does.
func formatUUID(u libvirt.UUID) string {
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
