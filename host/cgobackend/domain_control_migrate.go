package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// Migration.

// destConn returns the libvirt connection of a migration's destination,
// which must come from this backend.
func destConn(dconn host.Conn) (*libvirt.Connect, error) {
	c, ok := dconn.(*conn)
	if !ok {
		return nil, fmt.Errorf("migration destination: a %T is not a connection of the cgo backend", dconn)
	}
	return c.c, nil
}

func (d *domain) Migrate(dconn host.Conn, flags uint32, dname, uri string, bandwidth uint64) (host.Domain, error) {
	dc, err := destConn(dconn)
	if err != nil {
		return nil, err
	}
	return wrapDomain(d.d.Migrate(dc, libvirt.DomainMigrateFlags(flags), dname, uri, bandwidth))
}

func (d *domain) Migrate2(dconn host.Conn, dxml string, flags uint32, dname, uri string, bandwidth uint64) (host.Domain, error) {
	dc, err := destConn(dconn)
	if err != nil {
		return nil, err
	}
	return wrapDomain(d.d.Migrate2(dc, dxml, libvirt.DomainMigrateFlags(flags), dname, uri, bandwidth))
}

func (d *domain) Migrate3(dconn host.Conn, params host.MigrateParams, flags uint32) (host.Domain, error) {
	dc, err := destConn(dconn)
	if err != nil {
		return nil, err
	}
	p := migrateParams(params)
	return wrapDomain(d.d.Migrate3(dc, &p, libvirt.DomainMigrateFlags(flags)))
}

func (d *domain) MigrateToURI(duri string, flags uint32, dname string, bandwidth uint64) error {
	return conv(d.d.MigrateToURI(duri, libvirt.DomainMigrateFlags(flags), dname, bandwidth))
}

func (d *domain) MigrateToURI2(dconnURI, migURI, dxml string, flags uint32, dname string, bandwidth uint64) error {
	return conv(d.d.MigrateToURI2(dconnURI, migURI, dxml, libvirt.DomainMigrateFlags(flags), dname, bandwidth))
}

func (d *domain) MigrateToURI3(dconnURI string, params host.MigrateParams, flags uint32) error {
	p := migrateParams(params)
	return conv(d.d.MigrateToURI3(dconnURI, &p, libvirt.DomainMigrateFlags(flags)))
}

func (d *domain) MigrateGetCompressionCache(flags uint32) (uint64, error) {
	v, err := d.d.MigrateGetCompressionCache(flags)
	return v, conv(err)
}

func (d *domain) MigrateGetMaxDowntime(flags uint32) (uint64, error) {
	v, err := d.d.MigrateGetMaxDowntime(flags)
	return v, conv(err)
}

func (d *domain) MigrateGetMaxSpeed(flags uint32) (uint64, error) {
	v, err := d.d.MigrateGetMaxSpeed(libvirt.DomainMigrateMaxSpeedFlags(flags))
	return v, conv(err)
}

func (d *domain) MigrateSetCompressionCache(cacheSize uint64, flags uint32) error {
	return conv(d.d.MigrateSetCompressionCache(cacheSize, flags))
}

func (d *domain) MigrateSetMaxDowntime(downtime uint64, flags uint32) error {
	return conv(d.d.MigrateSetMaxDowntime(downtime, flags))
}

func (d *domain) MigrateSetMaxSpeed(bandwidth uint64, flags uint32) error {
	return conv(d.d.MigrateSetMaxSpeed(bandwidth, libvirt.DomainMigrateMaxSpeedFlags(flags)))
}

func (d *domain) MigrateStartPostCopy(flags uint32) error {
	return conv(d.d.MigrateStartPostCopy(flags))
}

// migrateParams sets the fields of libvirt's struct that p names.
func migrateParams(p host.MigrateParams) libvirt.DomainMigrateParameters {
	var out libvirt.DomainMigrateParameters
	i32 := func(set *bool, dst *int, src *int32) {
		if src != nil {
			*set, *dst = true, int(*src)
		}
	}
	setOptional(&out.URISet, &out.URI, p.URI)
	setOptional(&out.DestNameSet, &out.DestName, p.DestName)
	setOptional(&out.DestXMLSet, &out.DestXML, p.DestXML)
	setOptional(&out.PersistXMLSet, &out.PersistXML, p.PersistXML)
	setOptional(&out.BandwidthSet, &out.Bandwidth, p.Bandwidth)
	setOptional(&out.GraphicsURISet, &out.GraphicsURI, p.GraphicsURI)
	setOptional(&out.ListenAddressSet, &out.ListenAddress, p.ListenAddress)
	if p.MigrateDisks != nil {
		out.MigrateDisksSet, out.MigrateDisks = true, p.MigrateDisks
	}
	i32(&out.DisksPortSet, &out.DisksPort, p.DisksPort)
	setOptional(&out.DisksURISet, &out.DisksURI, p.DisksURI)
	setOptional(&out.CompressionSet, &out.Compression, p.Compression)
	i32(&out.CompressionMTLevelSet, &out.CompressionMTLevel, p.CompressionMTLevel)
	i32(&out.CompressionMTThreadsSet, &out.CompressionMTThreads, p.CompressionMTThreads)
	i32(&out.CompressionMTDThreadsSet, &out.CompressionMTDThreads, p.CompressionMTDThreads)
	setOptional(&out.CompressionXBZRLECacheSet, &out.CompressionXBZRLECache, p.CompressionXBZRLECache)
	i32(&out.CompressionZlibLevelSet, &out.CompressionZlibLevel, p.CompressionZlibLevel)
	i32(&out.CompressionZstdLevelSet, &out.CompressionZstdLevel, p.CompressionZstdLevel)
	i32(&out.AutoConvergeInitialSet, &out.AutoConvergeInitial, p.AutoConvergeInitial)
	i32(&out.AutoConvergeIncrementSet, &out.AutoConvergeIncrement, p.AutoConvergeIncrement)
	i32(&out.ParallelConnectionsSet, &out.ParallelConnections, p.ParallelConnections)
	setOptional(&out.TLSDestinationSet, &out.TLSDestination, p.TLSDestination)
	setOptional(&out.MigrateDisksDetectZeroesSet, &out.MigrateDisksDetectZeroes, p.MigrateDisksDetectZeroes)
	return out
}
