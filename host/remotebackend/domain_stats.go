package remotebackend

import (
	"fmt"
	"reflect"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// driver.DomainStats on libvirtd's protocol, shaped as the cgo backend
// shapes it: typed parameters of a fixed group in its schema's order
// (typedparams.go), CPU maps sized to the host's CPUs (cpumap.go), and the
// calls libvirt's client library makes before a call (a count, the node's
// CPUs) made here too.

var _ driver.DomainStats = (*domain)(nil)

func (d *domain) GetUUID() ([]byte, error) {
	u := d.d.UUID
	return u[:], nil
}

func (d *domain) GetOSType() (string, error) {
	s, err := d.c.l.DomainGetOsType(d.d)
	return s, d.c.conv(err)
}

func (d *domain) GetHostname(flags uint32) (string, error) {
	s, err := d.c.l.DomainGetHostname(d.d, libvirt.DomainGetHostnameFlags(flags))
	return s, d.c.conv(err)
}

func (d *domain) IsUpdated() (bool, error) {
	v, err := d.c.l.DomainIsUpdated(d.d)
	return v != 0, d.c.conv(err)
}

func (d *domain) GetControlInfo(flags uint32) (driver.DomainControlInfo, error) {
	s, det, t, err := d.c.l.DomainGetControlInfo(d.d, flags)
	if err != nil {
		return driver.DomainControlInfo{}, d.c.conv(err)
	}
	return driver.DomainControlInfo{State: int(s), Details: int(det), StateTime: t}, nil
}

func (d *domain) GetTime(flags uint32) (int64, uint, error) {
	s, ns, err := d.c.l.DomainGetTime(d.d, flags)
	return s, uint(ns), d.c.conv(err)
}

func (d *domain) SetTime(seconds int64, nseconds uint, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetTime(d.d, seconds, uint32(nseconds), libvirt.DomainSetTimeFlags(flags)))
}

func (d *domain) GetMetadata(typ int, uri string, flags uint32) (string, error) {
	s, err := d.c.l.DomainGetMetadata(d.d, int32(typ), opt(uri), libvirt.DomainModificationImpact(flags))
	return s, d.c.conv(err)
}

// SetMetadata passes key and uri only for VIR_DOMAIN_METADATA_ELEMENT
// (uri then always, "" included), as libvirt.org/go/libvirt does.
func (d *domain) SetMetadata(typ int, metadata, key, uri string, flags uint32) error {
	var k, u libvirt.OptString
	if typ == int(libvirt.DomainMetadataElement) {
		k, u = opt(key), libvirt.OptString{uri}
	}
	return d.c.conv(d.c.l.DomainSetMetadata(d.d, int32(typ), opt(metadata), k, u, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetMessages(flags uint32) ([]string, error) {
	ms, err := d.c.l.DomainGetMessages(d.d, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return nonNil(ms), nil
}

func (d *domain) GetSecurityLabel() (driver.SecurityLabel, error) {
	l, enf, err := d.c.l.DomainGetSecurityLabel(d.d)
	if err != nil {
		return driver.SecurityLabel{}, d.c.conv(err)
	}
	return driver.SecurityLabel{Label: cString(l), Enforcing: enf == 1}, nil
}

// GetSecurityLabelList fails as libvirt's client fails when the daemon
// reports a failure without an error (it does when the driver has no such
// function): "An error occurred, but the cause is unknown".
func (d *domain) GetSecurityLabelList() ([]driver.SecurityLabel, error) {
	ls, ret, err := d.c.l.DomainGetSecurityLabelList(d.d)
	if err != nil {
		return nil, d.c.conv(err)
	}
	if ret < 0 {
		return nil, &driver.Error{Code: errInternal, Domain: fromNone, Level: driver.ErrError,
			Message: "An error occurred, but the cause is unknown"}
	}
	out := make([]driver.SecurityLabel, len(ls))
	for i, l := range ls {
		out[i] = driver.SecurityLabel{Label: cString(l.Label), Enforcing: l.Enforcing == 1}
	}
	return out, nil
}

func (d *domain) GetFSInfo(flags uint32) ([]driver.DomainFSInfo, error) {
	fss, _, err := d.c.l.DomainGetFsinfo(d.d, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	out := make([]driver.DomainFSInfo, len(fss))
	for i, fs := range fss {
		aliases := fs.DevAliases
		if aliases == nil {
			aliases = []string{}
		}
		out[i] = driver.DomainFSInfo{MountPoint: fs.Mountpoint, Name: fs.Name, FSType: fs.Fstype, DevAlias: aliases}
	}
	return out, nil
}

// GetGuestInfo returns every parameter, in libvirt's order.
func (d *domain) GetGuestInfo(types, flags uint32) ([]driver.TypedParam, error) {
	ps, err := d.c.l.DomainGetGuestInfo(d.d, types, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) GetLaunchSecurityInfo(flags uint32) ([]driver.TypedParam, error) {
	ps, err := d.c.l.DomainGetLaunchSecurityInfo(d.d, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) SetLaunchSecurityState(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.LaunchSecurityStateParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetLaunchSecurityState(d.d, ps, flags))
}

// CPU and scheduler.

// GetCPUStats returns one group of statistics per CPU asked for; ncpus 0
// with startCPU 0 asks for every host CPU, startCPU -1 for the total. It
// asks for the counts first, as libvirt.org/go/libvirt does.
func (d *domain) GetCPUStats(startCPU int, ncpus uint, flags uint32) ([][]driver.TypedParam, error) {
	if ncpus == 0 {
		if startCPU == -1 {
			ncpus = 1
		} else {
			_, n, err := d.cpuStats(0, 0, 0, 0)
			if err != nil {
				return nil, err
			}
			ncpus = uint(n)
		}
	}
	_, nparams, err := d.cpuStats(0, startCPU, ncpus, 0)
	if err != nil {
		return nil, err
	}
	ps, rn, err := d.cpuStats(uint32(nparams), startCPU, ncpus, flags)
	if err != nil {
		return nil, err
	}
	out := make([][]driver.TypedParam, ncpus)
	for i := range out {
		if rn > 0 && (i+1)*int(rn) <= len(ps) {
			out[i] = fromWire(ps[i*int(rn) : (i+1)*int(rn)])
		}
	}
	return out, nil
}

// The most parameters and CPUs one virDomainGetCPUStats call carries
// (REMOTE_DOMAIN_GET_CPU_STATS_MAX, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX).
const (
	cpuStatsMax      = 2048
	cpuStatsNCPUsMax = 128
)

// cpuStats is one virDomainGetCPUStats call, refused as libvirt's remote
// client refuses counts the protocol does not carry.
func (d *domain) cpuStats(nparams uint32, startCPU int, ncpus uint, flags uint32) ([]libvirt.TypedParam, int32, error) {
	tooMany := func(what string, n uint, max int) error {
		return &driver.Error{Code: errRPC, Domain: fromRemote, Level: driver.ErrError,
			Message: fmt.Sprintf("%s count exceeds maximum: %d > %d", what, n, max)}
	}
	if nparams > cpuStatsMax {
		return nil, 0, tooMany("nparams", uint(nparams), cpuStatsMax)
	}
	if ncpus > cpuStatsNCPUsMax {
		return nil, 0, tooMany("ncpus", ncpus, cpuStatsNCPUsMax)
	}
	ps, n, err := d.c.l.DomainGetCPUStats(d.d, nparams, int32(startCPU), uint32(ncpus),
		libvirt.TypedParameterFlags(flags|typedParamStringOkay))
	return ps, n, d.c.conv(err)
}

func (d *domain) GetSchedulerType() (string, int, error) {
	s, n, err := d.c.l.DomainGetSchedulerType(d.d)
	return s, int(n), d.c.conv(err)
}

// GetSchedulerParameters asks virDomainGetSchedulerType for the count
// first, as libvirt's client library does; none is no parameter.
func (d *domain) GetSchedulerParameters() ([]driver.TypedParam, error) {
	_, n, err := d.c.l.DomainGetSchedulerType(d.d)
	if err != nil || n == 0 {
		return nil, d.c.conv(err)
	}
	ps, err := d.c.l.DomainGetSchedulerParameters(d.d, n)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) GetSchedulerParametersFlags(flags uint32) ([]driver.TypedParam, error) {
	_, n, err := d.c.l.DomainGetSchedulerType(d.d)
	if err != nil || n == 0 {
		return nil, d.c.conv(err)
	}
	ps, err := d.c.l.DomainGetSchedulerParametersFlags(d.d, n, flags|typedParamStringOkay)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) SetSchedulerParameters(params []driver.TypedParam) error {
	ps, err := toWire(params, host.SchedulerParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetSchedulerParameters(d.d, ps))
}

func (d *domain) SetSchedulerParametersFlags(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.SchedulerParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetSchedulerParametersFlags(d.d, ps, flags))
}

func (d *domain) GetPerfEvents(flags uint32) ([]driver.TypedParam, error) {
	ps, err := d.c.l.DomainGetPerfEvents(d.d, libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) SetPerfEvents(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.PerfEventParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetPerfEvents(d.d, ps, libvirt.DomainModificationImpact(flags)))
}

// Virtual CPUs and pinning.

func (d *domain) GetMaxVcpus() (int, error) {
	n, err := d.c.l.DomainGetMaxVcpus(d.d)
	return int(n), d.c.conv(err)
}

// GetVcpus asks for as many vCPUs as virDomainGetInfo counts, with maps
// of the host's CPUs.
func (d *domain) GetVcpus(n int) ([]driver.VcpuInfo, [][]bool, error) {
	_, _, _, nvcpus, _, err := d.c.l.DomainGetInfo(d.d)
	if err != nil {
		return nil, nil, d.c.conv(err)
	}
	ml := mapLen(n)
	vs, maps, err := d.c.l.DomainGetVcpus(d.d, int32(nvcpus), int32(ml))
	if err != nil {
		return nil, nil, d.c.conv(err)
	}
	infos, cpumaps := make([]driver.VcpuInfo, len(vs)), make([][]bool, len(vs))
	for i, v := range vs {
		infos[i] = driver.VcpuInfo{Number: int(v.Number), State: int(v.State), CPUTime: v.CPUTime, CPU: int(v.CPU)}
		cpumaps[i] = unpackCPUMap(row(maps, i, ml), n)
	}
	return infos, cpumaps, nil
}

// row is the i-th map of packed maps of ml bytes each.
func row(maps []byte, i, ml int) []byte {
	if (i+1)*ml > len(maps) {
		if i*ml >= len(maps) {
			return nil
		}
		return maps[i*ml:]
	}
	return maps[i*ml : (i+1)*ml]
}

func (d *domain) GetVcpusFlags(flags uint32) (int, error) {
	n, err := d.c.l.DomainGetVcpusFlags(d.d, flags)
	return int(n), d.c.conv(err)
}

func (d *domain) SetVcpus(nvcpus uint) error {
	return d.c.conv(d.c.l.DomainSetVcpus(d.d, uint32(nvcpus)))
}

func (d *domain) SetVcpusFlags(nvcpus uint, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetVcpusFlags(d.d, uint32(nvcpus), flags))
}

func (d *domain) SetVcpu(cpumap string, state bool, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetVcpu(d.d, cpumap, flag(state), libvirt.DomainModificationImpact(flags)))
}

// GetVcpuPinInfo asks for as many maps as virDomainGetInfo counts vCPUs.
func (d *domain) GetVcpuPinInfo(n int, flags uint32) ([][]bool, error) {
	_, _, _, nvcpus, _, err := d.c.l.DomainGetInfo(d.d)
	if err != nil {
		return nil, d.c.conv(err)
	}
	ml := mapLen(n)
	maps, _, err := d.c.l.DomainGetVcpuPinInfo(d.d, int32(nvcpus), int32(ml), flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	out := make([][]bool, nvcpus)
	for i := range out {
		out[i] = unpackCPUMap(row(maps, i, ml), n)
	}
	return out, nil
}

func (d *domain) PinVcpu(vcpu uint, cpumap []bool) error {
	return d.c.conv(d.c.l.DomainPinVcpu(d.d, uint32(vcpu), packCPUMap(cpumap)))
}

func (d *domain) PinVcpuFlags(vcpu uint, cpumap []bool, flags uint32) error {
	return d.c.conv(d.c.l.DomainPinVcpuFlags(d.d, uint32(vcpu), packCPUMap(cpumap), flags))
}

func (d *domain) GetEmulatorPinInfo(n int, flags uint32) ([]bool, error) {
	m, _, err := d.c.l.DomainGetEmulatorPinInfo(d.d, int32(mapLen(n)), libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, d.c.conv(err)
	}
	return unpackCPUMap(m, n), nil
}

func (d *domain) PinEmulator(cpumap []bool, flags uint32) error {
	return d.c.conv(d.c.l.DomainPinEmulator(d.d, packCPUMap(cpumap), libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetGuestVcpus(flags uint32) ([]driver.TypedParam, error) {
	ps, err := d.c.l.DomainGetGuestVcpus(d.d, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) SetGuestVcpus(cpumap string, state bool, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetGuestVcpus(d.d, cpumap, flag(state), flags))
}

func (d *domain) GetIOThreadInfo(n int, flags uint32) ([]driver.IOThreadInfo, error) {
	ts, _, err := d.c.l.DomainGetIothreadInfo(d.d, libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, d.c.conv(err)
	}
	out := make([]driver.IOThreadInfo, len(ts))
	for i, t := range ts {
		out[i] = driver.IOThreadInfo{ID: uint(t.IothreadID), CPUMap: unpackCPUMap(t.Cpumap, n)}
	}
	return out, nil
}

func (d *domain) AddIOThread(id uint, flags uint32) error {
	return d.c.conv(d.c.l.DomainAddIothread(d.d, uint32(id), libvirt.DomainModificationImpact(flags)))
}

func (d *domain) DelIOThread(id uint, flags uint32) error {
	return d.c.conv(d.c.l.DomainDelIothread(d.d, uint32(id), libvirt.DomainModificationImpact(flags)))
}

func (d *domain) PinIOThread(id uint, cpumap []bool, flags uint32) error {
	return d.c.conv(d.c.l.DomainPinIothread(d.d, uint32(id), packCPUMap(cpumap), libvirt.DomainModificationImpact(flags)))
}

func (d *domain) SetIOThreadParams(id uint, params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.IOThreadParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetIothreadParams(d.d, uint32(id), ps, flags))
}

// Memory.

// typedParamStringOkay is VIR_TYPED_PARAM_STRING_OKAY, which libvirt's
// client library adds to a getter's flags when the driver (here the
// daemon) takes string parameters: without it the daemon leaves them out.
const typedParamStringOkay = 1 << 2

// counted is the two calls of a getter of typed parameters: the count
// (asked with flags 0, as libvirt.org/go/libvirt asks), then the
// parameters, in the daemon's order. Both take
// VIR_TYPED_PARAM_STRING_OKAY, as libvirt's client library adds it.
func (d *domain) counted(get func(n int32, flags uint32) ([]libvirt.TypedParam, int32, error), flags uint32) ([]driver.TypedParam, error) {
	_, n, err := get(0, typedParamStringOkay)
	if err != nil {
		return nil, d.c.conv(err)
	}
	ps, _, err := get(n, flags|typedParamStringOkay)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return fromWire(ps), nil
}

func (d *domain) GetMemoryParameters(flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainGetMemoryParameters(d.d, n, f)
	}, flags)
}

func (d *domain) SetMemoryParameters(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.MemoryParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetMemoryParameters(d.d, ps, flags))
}

func (d *domain) MemoryStats(nrStats, flags uint32) ([]driver.MemoryStat, error) {
	stats, err := d.c.l.DomainMemoryStats(d.d, nrStats, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	out := make([]driver.MemoryStat, len(stats))
	for i, s := range stats {
		out[i] = driver.MemoryStat{Tag: int(s.Tag), Val: s.Val}
	}
	return out, nil
}

func (d *domain) SetMemoryStatsPeriod(period int, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetMemoryStatsPeriod(d.d, int32(period), libvirt.DomainMemoryModFlags(flags)))
}

func (d *domain) GetNumaParameters(flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainGetNumaParameters(d.d, n, f)
	}, flags)
}

func (d *domain) SetNumaParameters(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.NumaParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetNumaParameters(d.d, ps, flags))
}

// peekMax is REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX and
// REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX: the most bytes one peek carries.
const peekMax = 4194304

// errRPC is VIR_ERR_RPC.
const errRPC = 39

// peekTooLarge is the error of libvirt's remote client for a peek larger
// than the protocol carries.
func peekTooLarge(what string, size uint64) error {
	return &driver.Error{Code: errRPC, Domain: fromRemote, Level: driver.ErrError,
		Message: fmt.Sprintf("%s peek request too large for remote protocol, %d > %d", what, size, peekMax)}
}

// MemoryPeek reads size bytes, at most peekMax, as libvirt's remote
// client does.
func (d *domain) MemoryPeek(start, size uint64, flags uint32) ([]byte, error) {
	if size > peekMax {
		return nil, peekTooLarge("memory", size)
	}
	b, err := d.c.l.DomainMemoryPeek(d.d, start, uint32(size), libvirt.DomainMemoryFlags(flags))
	if err != nil {
		return nil, d.c.conv(err)
	}
	return b, nil
}

// Block devices.

func (d *domain) GetBlkioParameters(flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainGetBlkioParameters(d.d, n, f)
	}, flags)
}

func (d *domain) SetBlkioParameters(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.BlkioParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetBlkioParameters(d.d, ps, flags))
}

func (d *domain) GetBlockInfo(disk string, flags uint32) (driver.BlockInfo, error) {
	alloc, capacity, phys, err := d.c.l.DomainGetBlockInfo(d.d, disk, flags)
	if err != nil {
		return driver.BlockInfo{}, d.c.conv(err)
	}
	return driver.BlockInfo{Capacity: capacity, Allocation: alloc, Physical: phys}, nil
}

func (d *domain) GetBlockIoTune(disk string, flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainGetBlockIOTune(d.d, libvirt.OptString{disk}, n, f)
	}, flags)
}

func (d *domain) SetBlockIoTune(disk string, params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.BlockIoTuneParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetBlockIOTune(d.d, disk, ps, flags))
}

func (d *domain) BlockStats(path string) (driver.BlockStats, error) {
	rdReq, rdBytes, wrReq, wrBytes, errs, err := d.c.l.DomainBlockStats(d.d, path)
	if err != nil {
		return driver.BlockStats{}, d.c.conv(err)
	}
	return driver.BlockStats{RdReq: rdReq, RdBytes: rdBytes, WrReq: wrReq, WrBytes: wrBytes, Errs: errs}, nil
}

func (d *domain) BlockStatsFlags(path string, flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainBlockStatsFlags(d.d, path, n, f)
	}, flags)
}

// GetDiskErrors asks how many disks may report errors, then for their
// errors.
//
// go-libvirt's remote_domain_disk_error leaves the error code unexported,
// so its decoder skips it: a list of one error decodes as the disk, and
// the code where the count should be. GetDiskErrors reads that one case;
// a longer list cannot be read, and is refused rather than misread. When
// go-libvirt exports the field, diskErrorCode reads it.
func (d *domain) GetDiskErrors(flags uint32) ([]driver.DiskError, error) {
	_, n, err := d.c.l.DomainGetDiskErrors(d.d, 0, 0)
	if err != nil {
		return nil, d.c.conv(err)
	}
	if n <= 0 {
		return nil, nil
	}
	errs, last, err := d.c.l.DomainGetDiskErrors(d.d, uint32(n), flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	var out []driver.DiskError
	for _, e := range errs {
		code, ok := diskErrorCode(e)
		switch {
		case ok:
		case len(errs) == 1:
			code = int(last)
		default:
			return nil, &driver.Error{Code: errInternal, Domain: fromRemote, Level: driver.ErrError,
				Message: "internal error: the remote backend cannot read more than one disk error (virDomainGetDiskErrors)"}
		}
		if e.Disk != "" {
			out = append(out, driver.DiskError{Disk: e.Disk, Error: code})
		}
	}
	return out, nil
}

// diskErrorCode reads a disk error's code when go-libvirt exports it.
func diskErrorCode(e libvirt.DomainDiskError) (int, bool) {
	v := reflect.ValueOf(e)
	if v.NumField() < 2 || !v.Type().Field(1).IsExported() {
		return 0, false
	}
	return int(v.Field(1).Int()), true
}

// BlockPeek reads size bytes, at most peekMax, as libvirt's remote
// client does.
func (d *domain) BlockPeek(disk string, offset, size uint64, flags uint32) ([]byte, error) {
	if size > peekMax {
		return nil, peekTooLarge("block", size)
	}
	b, err := d.c.l.DomainBlockPeek(d.d, disk, offset, uint32(size), flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return b, nil
}

// Network interfaces.

// InterfaceAddresses refuses flags other than 0, as the cgo backend does
// (libvirt defines none).
func (d *domain) InterfaceAddresses(source, flags uint32) ([]driver.DomainInterface, error) {
	if flags != 0 {
		return nil, &driver.Error{Code: errInvalidArg, Domain: fromDomain, Level: driver.ErrError,
			Message: fmt.Sprintf("invalid argument: unsupported flags (0x%x) in function virDomainInterfaceAddresses", flags)}
	}
	ifaces, err := d.c.l.DomainInterfaceAddresses(d.d, source, 0)
	if err != nil {
		return nil, d.c.conv(err)
	}
	out := make([]driver.DomainInterface, len(ifaces))
	for i, ifc := range ifaces {
		addrs := make([]driver.DomainIPAddress, len(ifc.Addrs))
		for j, a := range ifc.Addrs {
			addrs[j] = driver.DomainIPAddress{Type: int(a.Type), Addr: a.Addr, Prefix: uint(a.Prefix)}
		}
		hw := ""
		if len(ifc.Hwaddr) > 0 {
			hw = ifc.Hwaddr[0]
		}
		out[i] = driver.DomainInterface{Name: ifc.Name, Hwaddr: hw, Addrs: addrs}
	}
	return out, nil
}

func (d *domain) GetInterfaceParameters(device string, flags uint32) ([]driver.TypedParam, error) {
	return d.counted(func(n int32, f uint32) ([]libvirt.TypedParam, int32, error) {
		return d.c.l.DomainGetInterfaceParameters(d.d, device, n, libvirt.DomainModificationImpact(f))
	}, flags)
}

func (d *domain) SetInterfaceParameters(device string, params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.InterfaceParams)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSetInterfaceParameters(d.d, device, ps, flags))
}

func (d *domain) InterfaceStats(path string) (driver.InterfaceStats, error) {
	rxB, rxP, rxE, rxD, txB, txP, txE, txD, err := d.c.l.DomainInterfaceStats(d.d, path)
	if err != nil {
		return driver.InterfaceStats{}, d.c.conv(err)
	}
	return driver.InterfaceStats{RxBytes: rxB, RxPackets: rxP, RxErrs: rxE, RxDrop: rxD,
		TxBytes: txB, TxPackets: txP, TxErrs: txE, TxDrop: txD}, nil
}

// Jobs.

func (d *domain) GetJobInfo() (driver.JobInfo, error) {
	typ, te, tr, dt, dp, dr, mt, mp, mr, ft, fp, fr, err := d.c.l.DomainGetJobInfo(d.d)
	if err != nil {
		return driver.JobInfo{}, d.c.conv(err)
	}
	return driver.JobInfo{Type: int(typ), TimeElapsed: te, TimeRemaining: tr,
		DataTotal: dt, DataProcessed: dp, DataRemaining: dr,
		MemTotal: mt, MemProcessed: mp, MemRemaining: mr,
		FileTotal: ft, FileProcessed: fp, FileRemaining: fr}, nil
}

func (d *domain) GetJobStats(flags uint32) (int, []driver.TypedParam, error) {
	typ, ps, err := d.c.l.DomainGetJobStats(d.d, libvirt.DomainGetJobStatsFlags(flags))
	if err != nil {
		return 0, nil, d.c.conv(err)
	}
	return int(typ), fromWire(ps), nil
}
