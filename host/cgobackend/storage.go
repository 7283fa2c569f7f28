package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// storagePool implements host.StoragePool.
type storagePool struct{ p *libvirt.StoragePool }

var _ host.StoragePool = (*storagePool)(nil)

func wrapStoragePool(p *libvirt.StoragePool, err error) (host.StoragePool, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &storagePool{p: p}, nil
}

// storageVol implements host.StorageVol (its stream functions live with
// the other stream functions).
type storageVol struct{ v *libvirt.StorageVol }

var _ host.StorageVol = (*storageVol)(nil)

func wrapStorageVol(v *libvirt.StorageVol, err error) (host.StorageVol, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &storageVol{v: v}, nil
}

func wrapStorageVols(vs []libvirt.StorageVol, err error) ([]host.StorageVol, error) {
	return wrapAll(vs, err, wrapStorageVol)
}

// The connection's storage functions.

func (c *conn) ListStoragePools(max int) ([]string, error) {
	names, err := c.c.ListStoragePools()
	return atMost(names, err, max)
}

func (c *conn) ListDefinedStoragePools(max int) ([]string, error) {
	names, err := c.c.ListDefinedStoragePools()
	return atMost(names, err, max)
}

func (c *conn) ListAllStoragePools(flags uint32) ([]host.StoragePool, error) {
	pools, err := c.c.ListAllStoragePools(libvirt.ConnectListAllStoragePoolsFlags(flags))
	return wrapAll(pools, err, wrapStoragePool)
}

func (c *conn) NumOfStoragePools() (int, error) {
	n, err := c.c.NumOfStoragePools()
	return n, conv(err)
}

func (c *conn) NumOfDefinedStoragePools() (int, error) {
	n, err := c.c.NumOfDefinedStoragePools()
	return n, conv(err)
}

func (c *conn) StoragePoolCreateXML(xml string, flags uint32) (host.StoragePool, error) {
	return wrapStoragePool(c.c.StoragePoolCreateXML(xml, libvirt.StoragePoolCreateFlags(flags)))
}

func (c *conn) StoragePoolDefineXML(xml string, flags uint32) (host.StoragePool, error) {
	return wrapStoragePool(c.c.StoragePoolDefineXML(xml, libvirt.StoragePoolDefineFlags(flags)))
}

func (c *conn) StoragePoolLookupByName(name string) (host.StoragePool, error) {
	return wrapStoragePool(c.c.LookupStoragePoolByName(name))
}

func (c *conn) StoragePoolLookupByTargetPath(path string) (host.StoragePool, error) {
	return wrapStoragePool(c.c.LookupStoragePoolByTargetPath(path))
}

func (c *conn) StoragePoolLookupByUUID(uuid []byte) (host.StoragePool, error) {
	return wrapStoragePool(c.c.LookupStoragePoolByUUID(uuid))
}

func (c *conn) StoragePoolLookupByUUIDString(uuid string) (host.StoragePool, error) {
	return wrapStoragePool(c.c.LookupStoragePoolByUUIDString(uuid))
}

func (c *conn) StorageVolLookupByKey(key string) (host.StorageVol, error) {
	return wrapStorageVol(c.c.LookupStorageVolByKey(key))
}

func (c *conn) StorageVolLookupByPath(path string) (host.StorageVol, error) {
	return wrapStorageVol(c.c.LookupStorageVolByPath(path))
}

// FindStoragePoolSources passes a nil srcSpec as NULL, as
// libvirt.org/go/libvirt passes "".
func (c *conn) FindStoragePoolSources(poolType string, srcSpec *string, flags uint32) (string, error) {
	spec := ""
	if srcSpec != nil {
		spec = *srcSpec
	}
	s, err := c.c.FindStoragePoolSources(poolType, spec, flags)
	return s, conv(err)
}

func (c *conn) GetStoragePoolCapabilities(flags uint32) (string, error) {
	s, err := c.c.GetStoragePoolCapabilities(flags)
	return s, conv(err)
}

// The pool's functions.

func (p *storagePool) Free() error              { return conv(p.p.Free()) }
func (p *storagePool) GetName() (string, error) { s, err := p.p.GetName(); return s, conv(err) }
func (p *storagePool) GetUUID() ([]byte, error) { b, err := p.p.GetUUID(); return b, conv(err) }
func (p *storagePool) GetUUIDString() (string, error) {
	s, err := p.p.GetUUIDString()
	return s, conv(err)
}
func (p *storagePool) GetAutostart() (bool, error)       { b, err := p.p.GetAutostart(); return b, conv(err) }
func (p *storagePool) SetAutostart(autostart bool) error { return conv(p.p.SetAutostart(autostart)) }
func (p *storagePool) IsActive() (bool, error)           { b, err := p.p.IsActive(); return b, conv(err) }
func (p *storagePool) IsPersistent() (bool, error)       { b, err := p.p.IsPersistent(); return b, conv(err) }
func (p *storagePool) Destroy() error                    { return conv(p.p.Destroy()) }
func (p *storagePool) Undefine() error                   { return conv(p.p.Undefine()) }
func (p *storagePool) Refresh(flags uint32) error        { return conv(p.p.Refresh(flags)) }
func (p *storagePool) NumOfVolumes() (int, error) {
	n, err := p.p.NumOfStorageVolumes()
	return n, conv(err)
}

func (p *storagePool) GetXMLDesc(flags uint32) (string, error) {
	s, err := p.p.GetXMLDesc(libvirt.StorageXMLFlags(flags))
	return s, conv(err)
}

func (p *storagePool) GetInfo() (host.StoragePoolInfo, error) {
	i, err := p.p.GetInfo()
	if err != nil {
		return host.StoragePoolInfo{}, conv(err)
	}
	return host.StoragePoolInfo{State: int(i.State), Capacity: i.Capacity, Allocation: i.Allocation, Available: i.Available}, nil
}

func (p *storagePool) Build(flags uint32) error {
	return conv(p.p.Build(libvirt.StoragePoolBuildFlags(flags)))
}

func (p *storagePool) Create(flags uint32) error {
	return conv(p.p.Create(libvirt.StoragePoolCreateFlags(flags)))
}

func (p *storagePool) Delete(flags uint32) error {
	return conv(p.p.Delete(libvirt.StoragePoolDeleteFlags(flags)))
}

func (p *storagePool) ListVolumes(max int) ([]string, error) {
	names, err := p.p.ListStorageVolumes()
	return atMost(names, err, max)
}

func (p *storagePool) ListAllVolumes(flags uint32) ([]host.StorageVol, error) {
	return wrapStorageVols(p.p.ListAllStorageVolumes(flags))
}

func (p *storagePool) StorageVolCreateXML(xml string, flags uint32) (host.StorageVol, error) {
	return wrapStorageVol(p.p.StorageVolCreateXML(xml, libvirt.StorageVolCreateFlags(flags)))
}

func (p *storagePool) StorageVolCreateXMLFrom(xml string, clone host.StorageVol, flags uint32) (host.StorageVol, error) {
	cv, ok := clone.(*storageVol)
	if !ok {
		return nil, fmt.Errorf("cloning a volume: %T is not a volume of the cgo backend", clone)
	}
	return wrapStorageVol(p.p.StorageVolCreateXMLFrom(xml, cv.v, libvirt.StorageVolCreateFlags(flags)))
}

func (p *storagePool) StorageVolLookupByName(name string) (host.StorageVol, error) {
	return wrapStorageVol(p.p.LookupStorageVolByName(name))
}

// The volume's functions.

func (v *storageVol) Free() error              { return conv(v.v.Free()) }
func (v *storageVol) GetName() (string, error) { s, err := v.v.GetName(); return s, conv(err) }
func (v *storageVol) GetKey() (string, error)  { s, err := v.v.GetKey(); return s, conv(err) }
func (v *storageVol) GetPath() (string, error) { s, err := v.v.GetPath(); return s, conv(err) }
func (v *storageVol) Wipe(flags uint32) error  { return conv(v.v.Wipe(flags)) }
func (v *storageVol) Delete(flags uint32) error {
	return conv(v.v.Delete(libvirt.StorageVolDeleteFlags(flags)))
}
func (v *storageVol) WipePattern(algorithm, flags uint32) error {
	return conv(v.v.WipePattern(libvirt.StorageVolWipeAlgorithm(algorithm), flags))
}

func (v *storageVol) GetXMLDesc(flags uint32) (string, error) {
	s, err := v.v.GetXMLDesc(flags)
	return s, conv(err)
}

func (v *storageVol) GetInfo() (host.StorageVolInfo, error) {
	return volInfo(v.v.GetInfo())
}

func (v *storageVol) GetInfoFlags(flags uint32) (host.StorageVolInfo, error) {
	return volInfo(v.v.GetInfoFlags(libvirt.StorageVolInfoFlags(flags)))
}

func volInfo(i *libvirt.StorageVolInfo, err error) (host.StorageVolInfo, error) {
	if err != nil {
		return host.StorageVolInfo{}, conv(err)
	}
	return host.StorageVolInfo{Type: int(i.Type), Capacity: i.Capacity, Allocation: i.Allocation}, nil
}

func (v *storageVol) Resize(capacity uint64, flags uint32) error {
	return conv(v.v.Resize(capacity, libvirt.StorageVolResizeFlags(flags)))
}

func (v *storageVol) StoragePoolLookupByVolume() (host.StoragePool, error) {
	return wrapStoragePool(v.v.LookupPoolByVolume())
}
