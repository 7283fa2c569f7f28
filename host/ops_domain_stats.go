package host

import (
	"slices"
	"strings"
)

// domainStatsOps are virDomain's statistics and tunables: CPU, memory, block, interface, job and typed-parameter getters and setters, and virConnect's getAllDomainStats and domainListGetStats.
var domainStatsOps = slices.Concat(
	domainInfoOps,       // ops_domain_stats_info.go
	domainCPUOps,        // ops_domain_stats_cpu.go
	domainVcpuOps,       // ops_domain_stats_vcpu.go
	domainMemoryOps,     // ops_domain_stats_memory.go
	domainBlockStatsOps, // ops_domain_stats_block.go
	domainNetJobOps,     // ops_domain_stats_net.go
	connectStatsOps,     // ops_domain_stats_connect.go
)

// paramsArg checks the typed parameters of argument i against schema (see
// typedParams).
func (c *Call) paramsArg(i int, schema TypedSchema, nonEmpty bool) ([]TypedParam, error) {
	return typedParams(c.op, c.op.Params[i].Name, c.dict(i), schema, nonEmpty)
}

// cpumapArg converts the CPU map of argument i (see cpumapArg).
//
// The map is cut or padded with false to the host's CPUs, as
// libvirt-python does before a pinning call: libvirt gets a map of
// VIR_CPU_MAPLEN(host CPUs) bytes.
func (c *Call) cpumapArg(i int) ([]bool, error) {
	m, err := cpumapArg(c.op, c.op.Params[i].Name, c.list(i))
	if err != nil {
		return nil, err
	}
	n, err := c.hostCPUs()
	if err != nil {
		return nil, err
	}
	return fitCPUMap(m, n), nil
}

// hostCPUs is the number of host CPUs libvirt-python sizes CPU maps to:
// virNodeGetCPUMap's count, on the connection of the call's receiver.
// (libvirt.org/go/libvirt sizes them from virNodeGetInfo,
// nodes*sockets*cores*threads, which can differ: the test driver reports
// 16 there and 8 CPUs in its map.)
func (c *Call) hostCPUs() (int, error) {
	c.s.mu.Lock()
	conn := c.recv.Conn().h.ref.(Conn)
	c.s.mu.Unlock()
	cpus, _, err := conn.NodeGetCPUMap(0)
	return len(cpus), err
}

// fitCPUMap cuts or pads m with false to n entries, as libvirt-python's
// cpumaps of n host CPUs read.
func fitCPUMap(m []bool, n int) []bool {
	if len(m) >= n {
		return m[:n:n]
	}
	return append(m[:len(m):len(m)], make([]bool, n-len(m))...)
}

// checkCPUList checks the CPU list string of argument i (see
// parseCPUList), which the backend then passes on as it is.
func (c *Call) checkCPUList(i int) error {
	if _, err := parseCPUList(c.str(i)); err != nil {
		return invalidArg(c.op.QualName(), forParam(c.op.Params[i].Name), "%v", err)
	}
	return nil
}

// setter is the fn of an operation that passes the typed parameters of
// argument i, checked against schema, to a backend setter. An empty dict
// is passed on (libvirt answers).
func setter(i int, schema TypedSchema, set func(c *Call, ps []TypedParam) error) func(c *Call) (Value, error) {
	return func(c *Call) (Value, error) {
		ps, err := c.paramsArg(i, schema, false)
		if err != nil {
			return nil, err
		}
		return done(set(c, ps))
	}
}

// tunableSetter is setter for the tunables libvirt-python sets as it
// does: it refuses an empty dict, then reads the current values with get
// (the same flags) and refuses a key the driver does not report, before
// it calls set.
func tunableSetter(i int, schema TypedSchema, get func(c *Call) ([]TypedParam, error), set func(c *Call, ps []TypedParam) error) func(c *Call) (Value, error) {
	return func(c *Call) (Value, error) {
		ps, err := c.paramsArg(i, schema, true)
		if err != nil {
			return nil, err
		}
		cur, err := get(c)
		if err != nil {
			return nil, err
		}
		if err := c.checkReported(c.op.Params[i].Name, ps, cur); err != nil {
			return nil, err
		}
		return done(set(c, ps))
	}
}

// checkReported refuses parameters the driver did not report among the
// current values, as libvirt-python does before setting tunables.
func (c *Call) checkReported(what string, ps, cur []TypedParam) error {
	if len(cur) == 0 {
		return argErrorf(c.op.QualName(), "the domain has no settable attributes")
	}
	names := make([]string, len(cur))
	for i, p := range cur {
		names[i] = p.Name
	}
	for _, p := range ps {
		if !slices.Contains(names, p.Name) {
			return argErrorf(c.op.QualName(), "key %q in %s is not one the driver reports: want one of %s",
				p.Name, what, strings.Join(names, ", "))
		}
	}
	return nil
}
