package remotebackend

import (
	"fmt"
	"net/url"
	"strings"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// Migration, as libvirt's client library runs it (libvirt-domain.c): the
// checks it makes before any call, the features it asks the daemon for,
// then either the unmanaged path (peer to peer, or direct: the source
// daemon migrates alone) or the managed protocol 3, where the client
// carries cookies from the source daemon to the destination's and back
// (Begin, Prepare, Perform, Finish, Confirm).
//
// Protocols 1 and 2, which only daemons older than libvirt 0.9.2 need, are
// not spoken: such a daemon is answered as libvirt answers one that
// supports no migration at all.

// The driver features migration asks for (virDrvFeature).
const (
	featureMigrationV1      = 1
	featureMigrationV2      = 3
	featureMigrationP2P     = 4
	featureMigrationDirect  = 5
	featureMigrationV3      = 6
	featureChangeProtection = 7
	featureMigrationOffline = 11
	featureMigrationParams  = 12
)

// The flags, states and errors migration reads and raises.
const (
	migratePaused           = uint32(libvirt.MigratePaused)
	migratePeer2Peer        = uint32(libvirt.MigratePeer2peer)
	migrateTunnelled        = uint32(libvirt.MigrateTunnelled)
	migrateNonSharedDisk    = uint32(libvirt.MigrateNonSharedDisk)
	migrateNonSharedInc     = uint32(libvirt.MigrateNonSharedInc)
	migrateChangeProtection = uint32(libvirt.MigrateChangeProtection)
	migrateOffline          = uint32(libvirt.MigrateOffline)
	migrateAbortOnError     = uint32(libvirt.MigrateAbortOnError)
	migrateAutoConverge     = uint32(libvirt.MigrateAutoConverge)
	domainPaused            = int32(libvirt.DomainPaused)
	errNoSupport            = int(libvirt.ErrNoSupport)
	errOperationDenied      = int(libvirt.ErrOperationDenied)
	errArgumentUnsupported  = int(libvirt.ErrArgumentUnsupported)
	errMigrateFinishOK      = int(libvirt.ErrMigrateFinishOk)
	fromQEMU                = driver.FromQemu
)

// Migration's typed parameters and messages.
const (
	paramURI                  = driver.MigrateParamURI
	paramDestName             = driver.MigrateParamDestName
	paramDestXML              = driver.MigrateParamDestXML
	paramBandwidth            = driver.MigrateParamBandwidth
	paramBandwidthPostcopy    = driver.MigrateParamBandwidthPostcopy
	noSupportMessage          = "this function is not supported by the connection driver: "
	readOnlyMessage           = "operation forbidden: read only access prevents "
	exclusiveNonSharedMessage = "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive"
)

// supports asks the daemon whether its driver has feature, as
// VIR_DRV_SUPPORTS_FEATURE does: a failed question is a no.
func (c *conn) supports(feature int32) bool {
	v, err := c.l.ConnectSupportsFeature(feature)
	return err == nil && v > 0
}

// domainError is an error libvirt's client raises itself, in
// VIR_FROM_DOMAIN: virReportError's messages begin with the code's words
// ("argument unsupported: "), virReportInvalidArg's do not.
func domainError(code int, format string, args ...any) error {
	return &driver.Error{Code: code, Domain: fromDomain, Level: driver.ErrError, Message: fmt.Sprintf(format, args...)}
}

// unsupported is virReportUnsupportedError raised in fn.
func unsupported(fn string) error { return domainError(errNoSupport, "%s%s", noSupportMessage, fn) }

// checkWritable refuses fn on a read-only connection, as
// virCheckReadOnlyGoto does.
func (c *conn) checkWritable(fn string) error {
	if c.readOnly {
		return domainError(errOperationDenied, "%s%s", readOnlyMessage, fn)
	}
	return nil
}

// checkExclusive refuses VIR_MIGRATE_NON_SHARED_DISK with
// VIR_MIGRATE_NON_SHARED_INC.
func checkExclusive(flags uint32) error {
	if flags&migrateNonSharedDisk != 0 && flags&migrateNonSharedInc != 0 {
		return domainError(errInvalidArg, "%s", exclusiveNonSharedMessage)
	}
	return nil
}

// checkOffline refuses an offline migration a side does not support.
func checkOffline(flags uint32, src, dst *conn) error {
	if flags&migrateOffline == 0 {
		return nil
	}
	if !src.supports(featureMigrationOffline) {
		return domainError(errArgumentUnsupported, "argument unsupported: offline migration is not supported by the source host")
	}
	if dst != nil && !dst.supports(featureMigrationOffline) {
		return domainError(errArgumentUnsupported, "argument unsupported: offline migration is not supported by the destination host")
	}
	return nil
}

// checkUnmanaged is virDomainMigrateUnmanagedCheckCompat.
func (d *domain) checkUnmanaged(flags uint32) error {
	if err := checkExclusive(flags); err != nil {
		return err
	}
	if err := checkOffline(flags, d.c, nil); err != nil {
		return err
	}
	if flags&migratePeer2Peer != 0 {
		if !d.c.supports(featureMigrationP2P) {
			return domainError(errArgumentUnsupported, "argument unsupported: p2p migration is not supported by the source host")
		}
	} else if !d.c.supports(featureMigrationDirect) {
		return domainError(errArgumentUnsupported, "argument unsupported: direct migration is not supported by the source host")
	}
	return nil
}

// migrationParams are the typed parameters p sets, as
// libvirt.org/go/libvirt sends them (a bandwidth is sent as
// "bandwidth.postcopy" too).
func migrationParams(p driver.MigrateParams) []libvirt.TypedParam {
	var ps []libvirt.TypedParam
	s := func(name string, v *string) {
		if v != nil {
			ps = append(ps, param(name, libvirt.NewTypedParamValueString(*v)))
		}
	}
	i := func(name string, v *int32) {
		if v != nil {
			ps = append(ps, param(name, libvirt.NewTypedParamValueInt(*v)))
		}
	}
	s(paramURI, p.URI)
	s(paramDestName, p.DestName)
	s(paramDestXML, p.DestXML)
	s(driver.MigrateParamPersistXML, p.PersistXML)
	if p.Bandwidth != nil {
		ps = append(ps, param(paramBandwidth, libvirt.NewTypedParamValueUllong(*p.Bandwidth)),
			param(paramBandwidthPostcopy, libvirt.NewTypedParamValueUllong(*p.Bandwidth)))
	}
	s(driver.MigrateParamGraphicsURI, p.GraphicsURI)
	s(driver.MigrateParamListenAddress, p.ListenAddress)
	for _, disk := range p.MigrateDisks {
		ps = append(ps, param(driver.MigrateParamMigrateDisks, libvirt.NewTypedParamValueString(disk)))
	}
	i(driver.MigrateParamDisksPort, p.DisksPort)
	s(driver.MigrateParamDisksURI, p.DisksURI)
	s(driver.MigrateParamCompression, p.Compression)
	i(driver.MigrateParamCompressionMtLevel, p.CompressionMTLevel)
	i(driver.MigrateParamCompressionMtThreads, p.CompressionMTThreads)
	i(driver.MigrateParamCompressionMtDthreads, p.CompressionMTDThreads)
	if p.CompressionXBZRLECache != nil {
		ps = append(ps, param(driver.MigrateParamCompressionXbzrleCache, libvirt.NewTypedParamValueUllong(*p.CompressionXBZRLECache)))
	}
	i("compression.zlib.level", p.CompressionZlibLevel)
	i("compression.zstd.level", p.CompressionZstdLevel)
	i(driver.MigrateParamAutoConvergeInitial, p.AutoConvergeInitial)
	i(driver.MigrateParamAutoConvergeIncrement, p.AutoConvergeIncrement)
	i(driver.MigrateParamParallelConnections, p.ParallelConnections)
	s(driver.MigrateParamTLSDestination, p.TLSDestination)
	if p.MigrateDisksDetectZeroes != nil {
		ps = append(ps, param("migrate_disks_detect_zeroes", libvirt.NewTypedParamValueBoolean(flag(*p.MigrateDisksDetectZeroes))))
	}
	return ps
}

// stringParam is the first string parameter named name.
func stringParam(ps []libvirt.TypedParam, name string) (string, bool) {
	for _, p := range ps {
		if s, ok := p.Value.I.(string); ok && p.Field == name && p.Value.D == typedString {
			return s, true
		}
	}
	return "", false
}

// ullongParam is the first ULLONG parameter named name, 0 if none.
func ullongParam(ps []libvirt.TypedParam, name string) uint64 {
	for _, p := range ps {
		if v, ok := p.Value.I.(uint64); ok && p.Field == name {
			return v
		}
	}
	return 0
}

// replaceString sets the string parameter name to v, as
// virTypedParamsReplaceString does: every parameter of that name goes,
// one is added.
func replaceString(ps []libvirt.TypedParam, name, v string) []libvirt.TypedParam {
	out := make([]libvirt.TypedParam, 0, len(ps)+1)
	for _, p := range ps {
		if p.Field != name {
			out = append(out, p)
		}
	}
	return append(out, param(name, libvirt.NewTypedParamValueString(v)))
}

// onlyParams reports whether ps names nothing but names, as
// virTypedParamsCheck does.
func onlyParams(ps []libvirt.TypedParam, names ...string) bool {
	for _, p := range ps {
		known := false
		for _, n := range names {
			known = known || p.Field == n
		}
		if !known {
			return false
		}
	}
	return true
}

// unmanagedParams are virDomainMigrateUnmanaged's parameters.
func unmanagedParams(xmlin, dname, miguri string, bandwidth uint64) []libvirt.TypedParam {
	var ps []libvirt.TypedParam
	if miguri != "" {
		ps = append(ps, param(paramURI, libvirt.NewTypedParamValueString(miguri)))
	}
	if dname != "" {
		ps = append(ps, param(paramDestName, libvirt.NewTypedParamValueString(dname)))
	}
	if xmlin != "" {
		ps = append(ps, param(paramDestXML, libvirt.NewTypedParamValueString(xmlin)))
	}
	return append(ps, param(paramBandwidth, libvirt.NewTypedParamValueUllong(bandwidth)))
}

// checkNotLocal refuses a peer-to-peer destination on this host, as
// virDomainMigrateCheckNotLocal does.
func checkNotLocal(dconnuri string) error {
	u, err := url.Parse(dconnuri)
	if err != nil {
		return &driver.Error{Code: errInternal, Domain: fromURI, Level: driver.ErrError,
			Message: "internal error: Unable to parse URI " + dconnuri}
	}
	if u.Hostname() == "" || strings.HasPrefix(u.Hostname(), "localhost") {
		return domainError(errInvalidArg, "Attempt to migrate guest to the same host")
	}
	return nil
}

// migrateUnmanaged is virDomainMigrateUnmanagedParams: the source daemon
// migrates alone, to dconnuri (peer to peer) or by the hypervisor's own
// URI in ps (direct).
func (d *domain) migrateUnmanaged(dconnuri string, ps []libvirt.TypedParam, flags uint32) error {
	if flags&migratePeer2Peer != 0 {
		if err := checkNotLocal(dconnuri); err != nil {
			return err
		}
	}
	if flags&migratePeer2Peer != 0 && d.c.supports(featureMigrationParams) {
		_, err := d.c.l.DomainMigratePerform3Params(d.d, opt(dconnuri), ps, nil, libvirt.DomainMigrateFlags(flags))
		return d.c.conv(err)
	}
	if !d.c.supports(featureMigrationV3) {
		return d.migrateUnmanagedV2(dconnuri, ps, flags)
	}
	if !onlyParams(ps, paramURI, paramDestName, paramDestXML, paramBandwidth) {
		return domainError(errArgumentUnsupported, "argument unsupported: Some parameters are not supported by migration protocol 3")
	}
	miguri, _ := stringParam(ps, paramURI)
	dname, _ := stringParam(ps, paramDestName)
	xmlin, _ := stringParam(ps, paramDestXML)
	_, err := d.c.l.DomainMigratePerform3(d.d, opt(xmlin), nil, opt(dconnuri), opt(miguri), uint64(flags),
		opt(dname), ullongParam(ps, paramBandwidth))
	return d.c.conv(err)
}

// migrateUnmanagedV2 is virDomainMigrateUnmanagedProto2.
func (d *domain) migrateUnmanagedV2(dconnuri string, ps []libvirt.TypedParam, flags uint32) error {
	if !onlyParams(ps, paramDestName, paramBandwidth, paramURI) {
		return domainError(errArgumentUnsupported, "argument unsupported: Some parameters are not supported by migration protocol 2")
	}
	miguri, _ := stringParam(ps, paramURI)
	dname, _ := stringParam(ps, paramDestName)
	uri := miguri
	if flags&migratePeer2Peer != 0 {
		if miguri != "" {
			return domainError(errInternal, "internal error: Unable to override peer2peer migration URI")
		}
		uri = dconnuri
	}
	return d.c.conv(d.c.l.DomainMigratePerform(d.d, nil, uri, uint64(flags), opt(dname), ullongParam(ps, paramBandwidth)))
}

// MigrateToURI passes duri as given, "" included, as
// libvirt.org/go/libvirt does.
func (d *domain) MigrateToURI(duri string, flags uint32, dname string, bandwidth uint64) error {
	const fn = "virDomainMigrateToURI"
	if err := d.c.checkWritable(fn); err != nil {
		return err
	}
	if err := d.checkUnmanaged(flags); err != nil {
		return err
	}
	dconnuri, miguri := "", duri
	if flags&migratePeer2Peer != 0 {
		dconnuri, miguri = duri, ""
	}
	return d.migrateUnmanaged(dconnuri, unmanagedParams("", dname, miguri, bandwidth), flags)
}

func (d *domain) MigrateToURI2(dconnURI, migURI, dxml string, flags uint32, dname string, bandwidth uint64) error {
	const fn = "virDomainMigrateToURI2"
	if err := d.c.checkWritable(fn); err != nil {
		return err
	}
	if err := d.checkUnmanaged(flags); err != nil {
		return err
	}
	if flags&migratePeer2Peer != 0 {
		if dconnURI == "" {
			return domainError(errInvalidArg, "dconnuri in %s must not be NULL", fn)
		}
	} else {
		dconnURI = ""
	}
	return d.migrateUnmanaged(dconnURI, unmanagedParams(dxml, dname, migURI, bandwidth), flags)
}

func (d *domain) MigrateToURI3(dconnURI string, params driver.MigrateParams, flags uint32) error {
	const fn = "virDomainMigrateToURI3"
	if err := d.c.checkWritable(fn); err != nil {
		return err
	}
	if err := d.checkUnmanaged(flags); err != nil {
		return err
	}
	if flags&migratePeer2Peer != 0 {
		if dconnURI == "" {
			return domainError(errInvalidArg, "dconnuri in %s must not be NULL", fn)
		}
	} else {
		dconnURI = ""
	}
	return d.migrateUnmanaged(dconnURI, migrationParams(params), flags)
}

// destination is a migration's destination connection, which must be
// this backend's.
func destination(dconn driver.Conn) (*conn, error) {
	c, ok := dconn.(*conn)
	if !ok {
		return nil, fmt.Errorf("migration destination: a %T is not a connection of the remote backend", dconn)
	}
	return c, nil
}

// migrateManaged is what virDomainMigrate and virDomainMigrate2 do
// without VIR_MIGRATE_PEER2PEER: protocol 3 between the two daemons. fn
// names the public function.
func (d *domain) migrateManaged(fn string, dc *conn, dxml string, flags uint32, dname, uri string, bandwidth uint64) (driver.Domain, error) {
	if flags&migrateChangeProtection != 0 && !d.c.supports(featureChangeProtection) {
		return nil, domainError(errArgumentUnsupported, "argument unsupported: cannot enforce change protection")
	}
	flags &^= migrateChangeProtection
	if flags&migrateTunnelled != 0 {
		return nil, domainError(errOperationInvalid, "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag")
	}
	return d.migrateByProtocol(fn, dc, dxml, flags, dname, uri, bandwidth)
}

// migrateByProtocol runs protocol 3 when both daemons speak it.
func (d *domain) migrateByProtocol(fn string, dc *conn, dxml string, flags uint32, dname, uri string, bandwidth uint64) (driver.Domain, error) {
	switch {
	case d.c.supports(featureMigrationV3) && dc.supports(featureMigrationV3):
		return d.migrateV3(dc, dxml, dname, uri, bandwidth, nil, false, flags)
	case d.c.supports(featureMigrationV2) && dc.supports(featureMigrationV2),
		d.c.supports(featureMigrationV1) && dc.supports(featureMigrationV1):
		return nil, unsupported(fn + " (migration protocols 1 and 2)")
	}
	return nil, unsupported(fn)
}

// lookupOn finds the migrated domain on the destination, by its new name
// or its own.
func (d *domain) lookupOn(dc *conn, dname string) (driver.Domain, error) {
	if dname == "" {
		dname = d.d.Name
	}
	return dc.lookup(dc.l.DomainLookupByName(dname))
}

func (d *domain) Migrate(dconn driver.Conn, flags uint32, dname, uri string, bandwidth uint64) (driver.Domain, error) {
	dc, err := d.checkManaged("virDomainMigrate", dconn, flags)
	if err != nil {
		return nil, err
	}
	if flags&migratePeer2Peer != 0 {
		if !d.c.supports(featureMigrationP2P) {
			return nil, unsupported("virDomainMigrate")
		}
		dconnuri := uri
		if dconnuri == "" {
			dconnuri = dc.t.URI
		}
		if err := d.migrateUnmanaged(dconnuri, unmanagedParams("", dname, "", bandwidth), flags); err != nil {
			return nil, err
		}
		return d.lookupOn(dc, dname)
	}
	return d.migrateManaged("virDomainMigrate", dc, "", flags, dname, uri, bandwidth)
}

func (d *domain) Migrate2(dconn driver.Conn, dxml string, flags uint32, dname, uri string, bandwidth uint64) (driver.Domain, error) {
	dc, err := d.checkManaged("virDomainMigrate2", dconn, flags)
	if err != nil {
		return nil, err
	}
	if flags&migratePeer2Peer != 0 {
		if !d.c.supports(featureMigrationP2P) {
			return nil, unsupported("virDomainMigrate2")
		}
		if err := d.migrateUnmanaged(dc.t.URI, unmanagedParams(dxml, dname, uri, bandwidth), flags); err != nil {
			return nil, err
		}
		return d.lookupOn(dc, dname)
	}
	return d.migrateManaged("virDomainMigrate2", dc, dxml, flags, dname, uri, bandwidth)
}

// checkManaged makes the checks virDomainMigrate, virDomainMigrate2 and
// virDomainMigrate3 begin with.
func (d *domain) checkManaged(fn string, dconn driver.Conn, flags uint32) (*conn, error) {
	dc, err := destination(dconn)
	if err != nil {
		return nil, err
	}
	if err := d.c.checkWritable(fn); err != nil {
		return nil, err
	}
	if err := dc.checkWritable(fn); err != nil {
		return nil, err
	}
	if err := checkExclusive(flags); err != nil {
		return nil, err
	}
	if fn == "virDomainMigrate3" {
		if flags&migratePeer2Peer != 0 {
			return nil, domainError(errInvalidArg, "use virDomainMigrateToURI3 for peer-to-peer migration")
		}
		if flags&migrateTunnelled != 0 {
			return nil, domainError(errInvalidArg, "cannot perform tunnelled migration without using peer2peer flag")
		}
	}
	if err := checkOffline(flags, d.c, dc); err != nil {
		return nil, err
	}
	return dc, nil
}

func (d *domain) Migrate3(dconn driver.Conn, params driver.MigrateParams, flags uint32) (driver.Domain, error) {
	dc, err := d.checkManaged("virDomainMigrate3", dconn, flags)
	if err != nil {
		return nil, err
	}
	if flags&migrateChangeProtection != 0 && !d.c.supports(featureChangeProtection) {
		return nil, domainError(errArgumentUnsupported, "argument unsupported: cannot enforce change protection")
	}
	flags &^= migrateChangeProtection
	ps := migrationParams(params)
	if d.c.supports(featureMigrationParams) && dc.supports(featureMigrationParams) {
		return d.migrateV3(dc, "", "", "", 0, ps, true, flags)
	}
	if !onlyParams(ps, paramURI, paramDestName, paramDestXML, paramBandwidth) {
		return nil, domainError(errArgumentUnsupported, "argument unsupported: Migration APIs with extensible parameters are not supported but extended parameters were passed")
	}
	uri, _ := stringParam(ps, paramURI)
	dname, _ := stringParam(ps, paramDestName)
	dxml, _ := stringParam(ps, paramDestXML)
	return d.migrateByProtocol("virDomainMigrate3", dc, dxml, flags, dname, uri, ullongParam(ps, paramBandwidth))
}

// migrateV3 is virDomainMigrateVersion3Full: Begin on the source, Prepare
// on the destination, Perform on the source, Finish on the destination,
// Confirm on the source, each handing its cookie to the next; with
// useParams, the extensible-parameter calls.
func (d *domain) migrateV3(dc *conn, xmlin, dname, uri string, bandwidth uint64, ps []libvirt.TypedParam, useParams bool, flags uint32) (driver.Domain, error) {
	var protection uint32
	if d.c.supports(featureChangeProtection) {
		protection = migrateChangeProtection
	}
	var cookie []byte
	var domXML string
	var err error
	if useParams {
		cookie, domXML, err = d.c.l.DomainMigrateBegin3Params(d.d, ps, flags|protection)
	} else {
		cookie, domXML, err = d.c.l.DomainMigrateBegin3(d.d, opt(xmlin), uint64(flags|protection), opt(dname), bandwidth)
	}
	if err != nil {
		return nil, d.c.conv(err)
	}
	var state int32
	if useParams {
		state, _, err = d.c.l.DomainGetState(d.d, 0)
	} else {
		var s uint8
		s, _, _, _, _, err = d.c.l.DomainGetInfo(d.d)
		state = int32(s)
	}
	if err == nil && state == domainPaused {
		flags |= migratePaused
	}
	destflags := flags &^ (migrateAbortOnError | migrateAutoConverge)

	var origErr error
	cancelled := int32(1)
	notifySource := true
	var uriOut libvirt.OptString
	if useParams {
		ps = replaceString(ps, paramDestXML, domXML)
		cookie, uriOut, err = dc.l.DomainMigratePrepare3Params(ps, cookie, destflags)
	} else {
		cookie, uriOut, err = dc.l.DomainMigratePrepare3(cookie, opt(uri), uint64(destflags), opt(dname), bandwidth, domXML)
	}
	var ddom driver.Domain
	if err != nil {
		if protection == 0 {
			return nil, dc.conv(err)
		}
		// Begin started a job on the source: Confirm cancels it.
		origErr = dc.conv(err)
		cookie = nil
	} else {
		finishNow := false
		if len(uriOut) > 0 {
			uri = uriOut[0]
			if useParams {
				ps = replaceString(ps, paramURI, uri)
			}
		} else if uri == "" {
			if u, ok := stringParam(ps, paramURI); ok && useParams {
				uri = u
			} else {
				origErr = &driver.Error{Code: errInternal, Domain: fromDomain, Level: driver.ErrError,
					Message: "internal error: domainMigratePrepare3 did not set uri"}
				finishNow = true
			}
		}
		if !finishNow {
			if flags&migrateOffline != 0 {
				cookie, cancelled = nil, 0
			} else {
				if useParams {
					cookie, err = d.c.l.DomainMigratePerform3Params(d.d, nil, ps, cookie, libvirt.DomainMigrateFlags(flags|protection))
				} else {
					cookie, err = d.c.l.DomainMigratePerform3(d.d, nil, cookie, nil, opt(uri), uint64(flags|protection), opt(dname), bandwidth)
				}
				if err != nil {
					origErr = d.c.conv(err)
					notifySource = false
					cookie = nil
				} else {
					cancelled = 0
				}
			}
		}
		var rdom libvirt.Domain
		var ferr error
		if useParams {
			if _, ok := stringParam(ps, paramDestName); !ok {
				ps = replaceString(ps, paramDestName, d.d.Name)
			}
			rdom, cookie, ferr = dc.l.DomainMigrateFinish3Params(ps, cookie, destflags, cancelled)
		} else {
			name := dname
			if name == "" {
				name = d.d.Name
			}
			rdom, cookie, ferr = dc.l.DomainMigrateFinish3(name, cookie, nil, opt(uri), uint64(destflags), cancelled)
		}
		if ferr == nil {
			ddom = dc.domain(rdom)
		} else {
			ferr = dc.conv(ferr)
			if cancelled != 0 && replacedByFinish(origErr, ferr) {
				origErr = nil
			}
			cookie = nil
		}
		cancelled = 0
		if ddom == nil {
			cancelled = 1
		}
		if origErr == nil && ddom == nil {
			origErr = ferr
		}
	}
	if notifySource {
		// A failed Confirm leaves the source paused at worst; libvirt
		// only warns.
		if useParams {
			_ = d.c.l.DomainMigrateConfirm3Params(d.d, ps, cookie, flags|protection, cancelled)
		} else {
			_ = d.c.l.DomainMigrateConfirm3(d.d, cookie, uint64(flags|protection), cancelled)
		}
	}
	if ddom != nil {
		return ddom, nil
	}
	return nil, origErr
}

// replacedByFinish reports whether Finish's error says more than
// Perform's, as libvirt decides it: Perform failed in QEMU with
// VIR_ERR_OPERATION_FAILED, and Finish reported a QEMU error of its own.
func replacedByFinish(perform, finish error) bool {
	pe, ok1 := driver.AsError(perform)
	fe, ok2 := driver.AsError(finish)
	return ok1 && ok2 && pe.Domain == fromQEMU && pe.Code == errOperationFailed &&
		fe.Domain == fromQEMU && fe.Code != errMigrateFinishOK
}
