package cgobackend

// hostCPUs returns the number of host CPUs that libvirt-python sizes CPU
// maps to: virNodeGetCPUMap's count, on the domain's connection.
// libvirt.org/go/libvirt sizes them from virNodeGetInfo
// (nodes*sockets*cores*threads), which can differ (the test driver reports
// 16 there and 8 CPUs in its map).
func (d *domain) hostCPUs() (int, error) {
	c, err := d.d.DomainGetConnect()
	if err != nil {
		return 0, conv(err)
	}
	defer c.Close()
	m, _, err := c.GetCPUMap(0)
	if err != nil {
		return 0, conv(err)
	}
	return len(m), nil
}

// fitCPUMap cuts or pads m with false to n entries, as libvirt-python's
// cpumaps of n host CPUs read.
func fitCPUMap(m []bool, n int) []bool {
	if len(m) >= n {
		return m[:n:n]
	}
	return append(m[:len(m):len(m)], make([]bool, n-len(m))...)
}

// fitCPUMapArg fits a script's CPU map to the host's CPUs before a pinning
// call, as libvirt-python does: libvirt then gets a map of
// VIR_CPU_MAPLEN(host CPUs) bytes.
func (d *domain) fitCPUMapArg(m []bool) ([]bool, error) {
	n, err := d.hostCPUs()
	if err != nil {
		return nil, err
	}
	return fitCPUMap(m, n), nil
}
