package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
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

func (d *domain) Migrate3(dconn host.Conn, params []host.TypedParam, flags uint32) (host.Domain, error) {
	dc, err := destConn(dconn)
	if err != nil {
		return nil, err
	}
	p, err := migrateParams(params)
	if err != nil {
		return nil, err
	}
	return wrapDomain(d.d.Migrate3(dc, &p, libvirt.DomainMigrateFlags(flags)))
}

func (d *domain) MigrateToURI(duri string, flags uint32, dname string, bandwidth uint64) error {
	return conv(d.d.MigrateToURI(duri, libvirt.DomainMigrateFlags(flags), dname, bandwidth))
}

func (d *domain) MigrateToURI2(dconnURI, migURI, dxml string, flags uint32, dname string, bandwidth uint64) error {
	return conv(d.d.MigrateToURI2(dconnURI, migURI, dxml, libvirt.DomainMigrateFlags(flags), dname, bandwidth))
}

func (d *domain) MigrateToURI3(dconnURI string, params []host.TypedParam, flags uint32) error {
	p, err := migrateParams(params)
	if err != nil {
		return err
	}
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

// migrateParams is libvirt's struct for host.MigrateParams. The struct
// holds one bandwidth, which libvirt.org/go/libvirt sends as both
// "bandwidth" and "bandwidth.postcopy" (the core sends them so, of the
// same value); a different "bandwidth.postcopy" cannot be sent.
func migrateParams(ps []host.TypedParam) (libvirt.DomainMigrateParameters, error) {
	var out libvirt.DomainMigrateParameters
	var postcopySet bool
	var postcopy uint64
	if err := setParams(migrateFields(&out, &postcopySet, &postcopy), ps); err != nil {
		return out, err
	}
	if postcopySet && (!out.BandwidthSet || postcopy != out.Bandwidth) {
		return out, fmt.Errorf("cgobackend: libvirt.org/go/libvirt sends one value for %q and %q", driver.MigrateParamBandwidth, driver.MigrateParamBandwidthPostcopy)
	}
	return out, nil
}

// migrateFields map host.MigrateParams; "bandwidth.postcopy" goes to
// postcopy.
func migrateFields(p *libvirt.DomainMigrateParameters, postcopySet *bool, postcopy *uint64) []field {
	return []field{
		{driver.MigrateParamURI, &p.URISet, &p.URI},
		{driver.MigrateParamDestName, &p.DestNameSet, &p.DestName},
		{driver.MigrateParamDestXML, &p.DestXMLSet, &p.DestXML},
		{driver.MigrateParamPersistXML, &p.PersistXMLSet, &p.PersistXML},
		{driver.MigrateParamBandwidth, &p.BandwidthSet, &p.Bandwidth},
		{driver.MigrateParamBandwidthPostcopy, postcopySet, postcopy},
		{driver.MigrateParamGraphicsURI, &p.GraphicsURISet, &p.GraphicsURI},
		{driver.MigrateParamListenAddress, &p.ListenAddressSet, &p.ListenAddress},
		{driver.MigrateParamMigrateDisks, &p.MigrateDisksSet, &p.MigrateDisks},
		{driver.MigrateParamDisksPort, &p.DisksPortSet, &p.DisksPort},
		{driver.MigrateParamDisksURI, &p.DisksURISet, &p.DisksURI},
		{driver.MigrateParamCompression, &p.CompressionSet, &p.Compression},
		{driver.MigrateParamCompressionMtLevel, &p.CompressionMTLevelSet, &p.CompressionMTLevel},
		{driver.MigrateParamCompressionMtThreads, &p.CompressionMTThreadsSet, &p.CompressionMTThreads},
		{driver.MigrateParamCompressionMtDthreads, &p.CompressionMTDThreadsSet, &p.CompressionMTDThreads},
		{driver.MigrateParamCompressionXbzrleCache, &p.CompressionXBZRLECacheSet, &p.CompressionXBZRLECache},
		{"compression.zlib.level", &p.CompressionZlibLevelSet, &p.CompressionZlibLevel},
		{"compression.zstd.level", &p.CompressionZstdLevelSet, &p.CompressionZstdLevel},
		{driver.MigrateParamAutoConvergeInitial, &p.AutoConvergeInitialSet, &p.AutoConvergeInitial},
		{driver.MigrateParamAutoConvergeIncrement, &p.AutoConvergeIncrementSet, &p.AutoConvergeIncrement},
		{driver.MigrateParamParallelConnections, &p.ParallelConnectionsSet, &p.ParallelConnections},
		{driver.MigrateParamTLSDestination, &p.TLSDestinationSet, &p.TLSDestination},
		{"migrate_disks_detect_zeroes", &p.MigrateDisksDetectZeroesSet, &p.MigrateDisksDetectZeroes},
	}
}
