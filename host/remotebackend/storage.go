package remotebackend

import (
	"fmt"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// storagePool is a storage pool: the daemon's reference (name, UUID),
// kept as libvirt's client keeps its virStoragePool.
type storagePool struct {
	driver.UnimplementedStoragePool
	c *conn
	p libvirt.StoragePool
}

var _ driver.StoragePool = (*storagePool)(nil)

// wrapPool wraps the pool a call returned.
func (c *conn) wrapPool(p libvirt.StoragePool, err error) (driver.StoragePool, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &storagePool{c: c, p: p}, nil
}

// storageVol is a storage volume: the daemon's reference (pool, name,
// key), kept as libvirt's client keeps its virStorageVol.
type storageVol struct {
	driver.UnimplementedStorageVol
	c *conn
	v libvirt.StorageVol
}

var _ driver.StorageVol = (*storageVol)(nil)

// wrapVol wraps the volume a call returned.
func (c *conn) wrapVol(v libvirt.StorageVol, err error) (driver.StorageVol, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &storageVol{c: c, v: v}, nil
}

// The connection's storage functions.

func (c *conn) ListStoragePools(max int) ([]string, error) {
	l, err := c.l.ConnectListStoragePools(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListDefinedStoragePools(max int) ([]string, error) {
	l, err := c.l.ConnectListDefinedStoragePools(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllStoragePools(flags uint32) ([]driver.StoragePool, error) {
	list, _, err := c.l.ConnectListAllStoragePools(1, libvirt.ConnectListAllStoragePoolsFlags(flags))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.StoragePool, len(list))
	for i, p := range list {
		out[i] = &storagePool{c: c, p: p}
	}
	return out, nil
}

func (c *conn) NumOfStoragePools() (int, error) {
	n, err := c.l.ConnectNumOfStoragePools()
	return int(n), c.conv(err)
}

func (c *conn) NumOfDefinedStoragePools() (int, error) {
	n, err := c.l.ConnectNumOfDefinedStoragePools()
	return int(n), c.conv(err)
}

func (c *conn) StoragePoolCreateXML(xml string, flags uint32) (driver.StoragePool, error) {
	return c.wrapPool(c.l.StoragePoolCreateXML(xml, libvirt.StoragePoolCreateFlags(flags)))
}

func (c *conn) StoragePoolDefineXML(xml string, flags uint32) (driver.StoragePool, error) {
	return c.wrapPool(c.l.StoragePoolDefineXML(xml, flags))
}

func (c *conn) StoragePoolLookupByName(name string) (driver.StoragePool, error) {
	return c.wrapPool(c.l.StoragePoolLookupByName(name))
}

func (c *conn) StoragePoolLookupByTargetPath(path string) (driver.StoragePool, error) {
	return c.wrapPool(c.l.StoragePoolLookupByTargetPath(path))
}

func (c *conn) StoragePoolLookupByUUID(uuid []byte) (driver.StoragePool, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapPool(c.l.StoragePoolLookupByUUID(u))
}

func (c *conn) StoragePoolLookupByUUIDString(uuid string) (driver.StoragePool, error) {
	u, err := uuidString("virStoragePoolLookupByUUIDString", fromStorage, uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapPool(c.l.StoragePoolLookupByUUID(u))
}

func (c *conn) StorageVolLookupByKey(key string) (driver.StorageVol, error) {
	return c.wrapVol(c.l.StorageVolLookupByKey(key))
}

func (c *conn) StorageVolLookupByPath(path string) (driver.StorageVol, error) {
	return c.wrapVol(c.l.StorageVolLookupByPath(path))
}

// FindStoragePoolSources passes a nil or empty srcSpec as NULL, as the
// cgo backend does.
func (c *conn) FindStoragePoolSources(poolType string, srcSpec *string, flags uint32) (string, error) {
	spec := ""
	if srcSpec != nil {
		spec = *srcSpec
	}
	s, err := c.l.ConnectFindStoragePoolSources(poolType, opt(spec), flags)
	return s, c.conv(err)
}

func (c *conn) GetStoragePoolCapabilities(flags uint32) (string, error) {
	s, err := c.l.ConnectGetStoragePoolCapabilities(flags)
	return s, c.conv(err)
}

// The pool's functions.

// Free does nothing: the daemon holds no reference for the client.
func (p *storagePool) Free() error { return nil }

// GetName is the name the lookup returned, as libvirt's client answers it.
func (p *storagePool) GetName() (string, error) { return p.p.Name, nil }

// GetUUID is the UUID the lookup returned, as libvirt's client answers it.
func (p *storagePool) GetUUID() ([]byte, error)       { return append([]byte(nil), p.p.UUID[:]...), nil }
func (p *storagePool) GetUUIDString() (string, error) { return formatUUID(p.p.UUID), nil }

func (p *storagePool) GetXMLDesc(flags uint32) (string, error) {
	s, err := p.c.l.StoragePoolGetXMLDesc(p.p, libvirt.StorageXMLFlags(flags))
	return s, p.c.conv(err)
}

func (p *storagePool) GetInfo() (driver.StoragePoolInfo, error) {
	state, capacity, allocation, available, err := p.c.l.StoragePoolGetInfo(p.p)
	if err != nil {
		return driver.StoragePoolInfo{}, p.c.conv(err)
	}
	return driver.StoragePoolInfo{State: int(state), Capacity: capacity, Allocation: allocation, Available: available}, nil
}

func (p *storagePool) GetAutostart() (bool, error) {
	v, err := p.c.l.StoragePoolGetAutostart(p.p)
	return v != 0, p.c.conv(err)
}

func (p *storagePool) SetAutostart(autostart bool) error {
	return p.c.conv(p.c.l.StoragePoolSetAutostart(p.p, flag(autostart)))
}

func (p *storagePool) IsActive() (bool, error) {
	v, err := p.c.l.StoragePoolIsActive(p.p)
	return v != 0, p.c.conv(err)
}

func (p *storagePool) IsPersistent() (bool, error) {
	v, err := p.c.l.StoragePoolIsPersistent(p.p)
	return v != 0, p.c.conv(err)
}

func (p *storagePool) Build(flags uint32) error {
	return p.c.conv(p.c.l.StoragePoolBuild(p.p, libvirt.StoragePoolBuildFlags(flags)))
}

func (p *storagePool) Create(flags uint32) error {
	return p.c.conv(p.c.l.StoragePoolCreate(p.p, libvirt.StoragePoolCreateFlags(flags)))
}

func (p *storagePool) Delete(flags uint32) error {
	return p.c.conv(p.c.l.StoragePoolDelete(p.p, libvirt.StoragePoolDeleteFlags(flags)))
}

func (p *storagePool) Destroy() error  { return p.c.conv(p.c.l.StoragePoolDestroy(p.p)) }
func (p *storagePool) Undefine() error { return p.c.conv(p.c.l.StoragePoolUndefine(p.p)) }
func (p *storagePool) Refresh(flags uint32) error {
	return p.c.conv(p.c.l.StoragePoolRefresh(p.p, flags))
}

func (p *storagePool) NumOfVolumes() (int, error) {
	n, err := p.c.l.StoragePoolNumOfVolumes(p.p)
	return int(n), p.c.conv(err)
}

func (p *storagePool) ListVolumes(max int) ([]string, error) {
	l, err := p.c.l.StoragePoolListVolumes(p.p, int32(max))
	return names(l, p.c.conv(err))
}

func (p *storagePool) ListAllVolumes(flags uint32) ([]driver.StorageVol, error) {
	list, _, err := p.c.l.StoragePoolListAllVolumes(p.p, 1, flags)
	if err != nil {
		return nil, p.c.conv(err)
	}
	out := make([]driver.StorageVol, len(list))
	for i, v := range list {
		out[i] = &storageVol{c: p.c, v: v}
	}
	return out, nil
}

func (p *storagePool) StorageVolCreateXML(xml string, flags uint32) (driver.StorageVol, error) {
	return p.c.wrapVol(p.c.l.StorageVolCreateXML(p.p, xml, libvirt.StorageVolCreateFlags(flags)))
}

// StorageVolCreateXMLFrom clones clone, a volume of this backend.
func (p *storagePool) StorageVolCreateXMLFrom(xml string, clone driver.StorageVol, flags uint32) (driver.StorageVol, error) {
	cv, ok := clone.(*storageVol)
	if !ok {
		return nil, fmt.Errorf("cloning a volume: %T is not a volume of the remote backend", clone)
	}
	return p.c.wrapVol(p.c.l.StorageVolCreateXMLFrom(p.p, xml, cv.v, libvirt.StorageVolCreateFlags(flags)))
}

func (p *storagePool) StorageVolLookupByName(name string) (driver.StorageVol, error) {
	return p.c.wrapVol(p.c.l.StorageVolLookupByName(p.p, name))
}

// The volume's functions.

// Free does nothing: the daemon holds no reference for the client.
func (v *storageVol) Free() error { return nil }

// GetName is the name the lookup returned, as libvirt's client answers it.
func (v *storageVol) GetName() (string, error) { return v.v.Name, nil }

// GetKey is the key the lookup returned, as libvirt's client answers it.
func (v *storageVol) GetKey() (string, error) { return v.v.Key, nil }

func (v *storageVol) GetPath() (string, error) {
	s, err := v.c.l.StorageVolGetPath(v.v)
	return s, v.c.conv(err)
}

func (v *storageVol) GetXMLDesc(flags uint32) (string, error) {
	s, err := v.c.l.StorageVolGetXMLDesc(v.v, flags)
	return s, v.c.conv(err)
}

func (v *storageVol) GetInfo() (driver.StorageVolInfo, error) {
	return v.info(v.c.l.StorageVolGetInfo(v.v))
}

func (v *storageVol) GetInfoFlags(flags uint32) (driver.StorageVolInfo, error) {
	return v.info(v.c.l.StorageVolGetInfoFlags(v.v, flags))
}

func (v *storageVol) info(typ int8, capacity, allocation uint64, err error) (driver.StorageVolInfo, error) {
	if err != nil {
		return driver.StorageVolInfo{}, v.c.conv(err)
	}
	return driver.StorageVolInfo{Type: int(typ), Capacity: capacity, Allocation: allocation}, nil
}

func (v *storageVol) Delete(flags uint32) error {
	return v.c.conv(v.c.l.StorageVolDelete(v.v, libvirt.StorageVolDeleteFlags(flags)))
}

func (v *storageVol) Resize(capacity uint64, flags uint32) error {
	return v.c.conv(v.c.l.StorageVolResize(v.v, capacity, libvirt.StorageVolResizeFlags(flags)))
}

func (v *storageVol) Wipe(flags uint32) error { return v.c.conv(v.c.l.StorageVolWipe(v.v, flags)) }

func (v *storageVol) WipePattern(algorithm, flags uint32) error {
	return v.c.conv(v.c.l.StorageVolWipePattern(v.v, algorithm, flags))
}

func (v *storageVol) StoragePoolLookupByVolume() (driver.StoragePool, error) {
	return v.c.wrapPool(v.c.l.StoragePoolLookupByVolume(v.v))
}
