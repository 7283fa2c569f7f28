package remotebackend

import (
	"errors"
	"fmt"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// This file implements driver.ConnHost's host, CPU and domain-definition
// functions (iface.go and nodedev.go hold the rest), and the small helpers
// the connection areas share.

// The libvirt error domains this package's own checks report, as
// libvirt's public API reports the same checks (VIR_FROM_THIS of its file).
const (
	fromStorage  = driver.FromStorage
	fromNetwork  = driver.FromNetwork
	fromDomain   = driver.FromDomain
	fromSecret   = driver.FromSecret
	fromNWFilter = driver.FromNwfilter
)

// uuidLen is VIR_UUID_BUFLEN, the length of a raw UUID.
const uuidLen = 16

// invalidArg is libvirt's VIR_ERR_INVALID_ARG of domain from, for an
// argument this package refuses before calling the daemon, worded as the
// cgo backend words the same refusal.
func invalidArg(from int, format string, args ...any) error {
	return &driver.Error{Code: errInvalidArg, Domain: from, Level: driver.ErrError,
		Message: "invalid argument: " + fmt.Sprintf(format, args...)}
}

// rawUUID checks that uuid is a raw UUID, as the cgo backend checks it.
func rawUUID(uuid []byte) (libvirt.UUID, error) {
	var u libvirt.UUID
	if len(uuid) != uuidLen {
		return u, invalidArg(fromNone, "uuid must be %d bytes, got %d", uuidLen, len(uuid))
	}
	copy(u[:], uuid)
	return u, nil
}

// uuidString parses uuid for fn, a virXLookupByUUIDString of domain from,
// refusing what libvirt's virUUIDParse refuses with libvirt's error
// (virReportInvalidArg: VIR_ERR_INVALID_ARG, the message without the
// "invalid argument: " prefix).
func uuidString(fn string, from int, uuid string) (libvirt.UUID, error) {
	u, ok := parseUUID(uuid)
	if !ok {
		return u, &driver.Error{Code: errInvalidArg, Domain: from, Level: driver.ErrError,
			Message: fmt.Sprintf("uuidstr in %s must be a valid UUID", fn)}
	}
	return u, nil
}

// opt is an optional string on the wire: "" is NULL.
func opt(s string) libvirt.OptString {
	if s == "" {
		return nil
	}
	return libvirt.OptString{s}
}

// optPtr is an optional string on the wire: nil is NULL.
func optPtr(s *string) libvirt.OptString {
	if s == nil {
		return nil
	}
	return libvirt.OptString{*s}
}

// optValue is the string an optional string holds, "" for NULL.
func optValue(s libvirt.OptString) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// flag is libvirt's int for a bool.
func flag(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// names returns a list of names, never nil, as the cgo backend returns
// them.
func names(list []string, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	if list == nil {
		return []string{}, nil
	}
	return list, nil
}

// cString reads a C char array that the wire carries as []int8 or
// [N]int8, up to its first NUL.
func cString(chars []int8) string {
	b := make([]byte, 0, len(chars))
	for _, ch := range chars {
		if ch == 0 {
			break
		}
		b = append(b, byte(ch))
	}
	return string(b)
}

func (c *conn) NodeAllocPages(pages []driver.PageCount, startCell int, cellCount uint32, flags uint32) (int, error) {
	sizes := make([]uint32, len(pages))
	counts := make([]uint64, len(pages))
	for i, p := range pages {
		sizes[i], counts[i] = p.Size, p.Count
	}
	n, err := c.l.NodeAllocPages(sizes, counts, int32(startCell), cellCount, libvirt.NodeAllocPagesFlags(flags))
	return int(n), c.conv(err)
}

func (c *conn) BaselineCPU(xmlCPUs []string, flags uint32) (string, error) {
	s, err := c.l.ConnectBaselineCPU(xmlCPUs, libvirt.ConnectBaselineCPUFlags(flags))
	return s, c.conv(err)
}

func (c *conn) BaselineHypervisorCPU(emulator, arch, machine, virttype string, xmlCPUs []string, flags uint32) (string, error) {
	s, err := c.l.ConnectBaselineHypervisorCPU(opt(emulator), opt(arch), opt(machine), opt(virttype), xmlCPUs, flags)
	return s, c.conv(err)
}

func (c *conn) CompareCPU(xml string, flags uint32) (int, error) {
	r, err := c.l.ConnectCompareCPU(xml, libvirt.ConnectCompareCPUFlags(flags))
	return int(r), c.conv(err)
}

func (c *conn) CompareHypervisorCPU(emulator, arch, machine, virttype, xml string, flags uint32) (int, error) {
	r, err := c.l.ConnectCompareHypervisorCPU(opt(emulator), opt(arch), opt(machine), opt(virttype), xml, flags)
	return int(r), c.conv(err)
}

func (c *conn) GetCPUModelNames(arch string, flags uint32) ([]string, error) {
	models, _, err := c.l.ConnectGetCPUModelNames(arch, 1, flags)
	return names(models, c.conv(err))
}

func (c *conn) GetDomainCapabilities(emulator, arch, machine, virttype string, flags uint32) (string, error) {
	s, err := c.l.ConnectGetDomainCapabilities(opt(emulator), opt(arch), opt(machine), opt(virttype),
		libvirt.ConnectGetDomainCapabilitiesFlags(flags))
	return s, c.conv(err)
}

// GetMaxVcpus passes "" as NULL, as the cgo backend does.
func (c *conn) GetMaxVcpus(typ string) (int, error) {
	n, err := c.l.ConnectGetMaxVcpus(opt(typ))
	return int(n), c.conv(err)
}

func (c *conn) GetSysinfo(flags uint32) (string, error) {
	s, err := c.l.ConnectGetSysinfo(flags)
	return s, c.conv(err)
}

func (c *conn) SetIdentity(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.IdentityParams)
	if err != nil {
		return err
	}
	return c.conv(c.l.ConnectSetIdentity(ps, flags))
}

// NodeGetCPUMap returns one bool per CPU the daemon counts.
func (c *conn) NodeGetCPUMap(flags uint32) ([]bool, uint, error) {
	m, online, n, err := c.l.NodeGetCPUMap(1, 1, flags)
	if err != nil {
		return nil, 0, c.conv(err)
	}
	cpus := make([]bool, n)
	for i := range cpus {
		if i/8 < len(m) {
			cpus[i] = m[i/8]&(1<<(i%8)) != 0
		}
	}
	return cpus, uint(online), nil
}

// NodeGetCPUStats asks for the number of statistics first, as libvirt's
// client does, and returns them in the daemon's order.
func (c *conn) NodeGetCPUStats(cpuNum int, flags uint32) ([]driver.TypedParam, error) {
	_, n, err := c.l.NodeGetCPUStats(int32(cpuNum), 0, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	if n == 0 {
		return nil, nil
	}
	stats, _, err := c.l.NodeGetCPUStats(int32(cpuNum), n, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.TypedParam, len(stats))
	for i, s := range stats {
		out[i] = driver.TypedParam{Name: s.Field, Value: int64(s.Value)}
	}
	return out, nil
}

// NodeGetCellsFreeMemory refuses maxCells <= 0 as the cgo backend does.
func (c *conn) NodeGetCellsFreeMemory(startCell, maxCells int) ([]uint64, error) {
	if maxCells <= 0 {
		return nil, invalidArg(fromNone, "maxCells must be greater than zero")
	}
	mem, err := c.l.NodeGetCellsFreeMemory(int32(startCell), int32(maxCells))
	if err != nil {
		return nil, c.conv(err)
	}
	if mem == nil {
		mem = []uint64{}
	}
	return mem, nil
}

// NodeGetFreePages refuses pages without cells as the cgo backend does.
func (c *conn) NodeGetFreePages(pages []uint32, startCell int, cellCount uint32, flags uint32) ([]uint64, error) {
	if len(pages) > 0 && cellCount == 0 {
		return nil, invalidArg(fromNone, "cellCount must not be zero")
	}
	counts, err := c.l.NodeGetFreePages(pages, int32(startCell), cellCount, flags)
	if noCounts(err) {
		return []uint64{}, nil
	}
	if err != nil {
		return nil, c.conv(err)
	}
	if counts == nil {
		counts = []uint64{}
	}
	return counts, nil
}

// noCounts tells the answer libvirtd gives when virNodeGetFreePages
// counts no pages: its dispatcher takes the count 0 for a failure, one
// that set no error. libvirt in-process returns the empty list, as the
// cgo backend does; this backend returns it too.
func noCounts(err error) bool {
	var le libvirt.Error
	return errors.As(err, &le) && le.Code == errInternal &&
		le.Message == "Library function returned error but did not set virError"
}

// NodeGetMemoryParameters asks for the number of parameters first, as
// libvirt's client does.
func (c *conn) NodeGetMemoryParameters(flags uint32) ([]driver.TypedParam, error) {
	_, n, err := c.l.NodeGetMemoryParameters(0, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	if n == 0 {
		return nil, nil
	}
	ps, _, err := c.l.NodeGetMemoryParameters(n, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	return fromWire(ps), nil
}

func (c *conn) NodeSetMemoryParameters(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.NodeMemoryParams)
	if err != nil {
		return err
	}
	return c.conv(c.l.NodeSetMemoryParameters(ps, flags))
}

// NodeGetMemoryStats asks for the number of statistics first, as
// libvirt's client does.
func (c *conn) NodeGetMemoryStats(cellNum int, flags uint32) ([]driver.TypedParam, error) {
	_, n, err := c.l.NodeGetMemoryStats(0, int32(cellNum), flags)
	if err != nil {
		return nil, c.conv(err)
	}
	if n == 0 {
		return nil, nil
	}
	stats, _, err := c.l.NodeGetMemoryStats(n, int32(cellNum), flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.TypedParam, len(stats))
	for i, s := range stats {
		out[i] = driver.TypedParam{Name: s.Field, Value: int64(s.Value)}
	}
	return out, nil
}

// NodeGetSEVInfo returns the fields in the daemon's order.
func (c *conn) NodeGetSEVInfo(flags uint32) ([]driver.TypedParam, error) {
	ps, _, err := c.l.NodeGetSevInfo(0, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	return fromWire(ps), nil
}

func (c *conn) NodeGetSecurityModel() (string, string, error) {
	model, doi, err := c.l.NodeGetSecurityModel()
	if err != nil {
		return "", "", c.conv(err)
	}
	return cString(model), cString(doi), nil
}

func (c *conn) NodeSuspendForDuration(target uint32, duration uint64, flags uint32) error {
	return c.conv(c.l.NodeSuspendForDuration(target, duration, flags))
}

// DomainCreateLinux is virDomainCreateLinux, which libvirt defines as
// virDomainCreateXML.
func (c *conn) DomainCreateLinux(xml string, flags uint32) (driver.Domain, error) {
	return c.lookup(c.l.DomainCreateXML(xml, libvirt.DomainCreateFlags(flags)))
}

func (c *conn) DomainDefineXMLFlags(xml string, flags uint32) (driver.Domain, error) {
	return c.lookup(c.l.DomainDefineXMLFlags(xml, libvirt.DomainDefineFlags(flags)))
}

func (c *conn) DomainLookupByUUID(uuid []byte) (driver.Domain, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return c.lookup(c.l.DomainLookupByUUID(u))
}

func (c *conn) DomainXMLFromNative(format, config string, flags uint32) (string, error) {
	s, err := c.l.ConnectDomainXMLFromNative(format, config, flags)
	return s, c.conv(err)
}

func (c *conn) DomainXMLToNative(format, xml string, flags uint32) (string, error) {
	s, err := c.l.ConnectDomainXMLToNative(format, xml, flags)
	return s, c.conv(err)
}
