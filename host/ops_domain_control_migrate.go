package host

import "github.com/vertscript/vertscript/host/driver"

// domainMigrateOps move a domain to another host and tune migrations.
//
// A migration sends the domain's memory to the URIs it names: the
// destination's connection URI (duri, dconnuri) and the hypervisor's data
// URIs (uri, miguri, the params migrate_uri and disks_uri). Each must pass
// the session's URI policy (Policy.AllowURI, and the local files a URI
// names under Policy.AllowRead), as a connection the script opened would.
var domainMigrateOps = inClass(ClassDomain, []*Op{
	{Name: "migrate", CName: "virDomainMigrate",
		Params: []Param{obj("dconn", ClassConnect), flagsOf("VIR_MIGRATE_"), opt("dname", TStringOrNone, nil), opt("uri", TStringOrNone, nil),
			opt("bandwidth", TUint64, int64(0))},
		Result: "virDomain (on dconn)", Effect: Destroy,
		Doc: "Migrates the domain to the host of dconn (VIR_MIGRATE_* flags), optionally renamed, over uri, at most bandwidth MiB/s.",
		fn: func(c *Call) (Value, error) {
			dconn, err := c.migrationDest(0, c.optStr(3))
			if err != nil {
				return nil, err
			}
			d, err := c.domain().Migrate(dconn, c.uint32(1), c.optStr(2), c.optStr(3), c.uint64(4))
			return c.migratedResult(d, err)
		},
		planned: func(c *Call) (Value, error) { return c.planMigrated(c.optStr(2)), nil }},
	{Name: "migrate2", CName: "virDomainMigrate2",
		Params: []Param{obj("dconn", ClassConnect), opt("dxml", TStringOrNone, nil), flagsOf("VIR_MIGRATE_"), opt("dname", TStringOrNone, nil),
			opt("uri", TStringOrNone, nil), opt("bandwidth", TUint64, int64(0))},
		Result: "virDomain (on dconn)", Effect: Destroy,
		Doc: "Migrates the domain to the host of dconn, as migrate, with an altered XML for the destination.",
		fn: func(c *Call) (Value, error) {
			dconn, err := c.migrationDest(0, c.optStr(4))
			if err != nil {
				return nil, err
			}
			d, err := c.domain().Migrate2(dconn, c.optStr(1), c.uint32(2), c.optStr(3), c.optStr(4), c.uint64(5))
			return c.migratedResult(d, err)
		},
		planned: func(c *Call) (Value, error) { return c.planMigrated(c.optStr(3)), nil }},
	{Name: "migrate3", CName: "virDomainMigrate3",
		Params: []Param{obj("dconn", ClassConnect), req("params", TDict), flagsOf("VIR_MIGRATE_")},
		Result: "virDomain (on dconn)", Effect: Destroy,
		Doc: "Migrates the domain to the host of dconn, with typed params (migrate_uri, destination_name, bandwidth, ...).",
		fn: func(c *Call) (Value, error) {
			p, err := c.migrateParams("params", c.dict(1))
			if err != nil {
				return nil, err
			}
			dconn, err := c.migrationDest(0, migrateURIs(p)...)
			if err != nil {
				return nil, err
			}
			d, err := c.domain().Migrate3(dconn, p, c.uint32(2))
			return c.migratedResult(d, err)
		},
		planned: func(c *Call) (Value, error) {
			p, _ := c.migrateParams("params", c.dict(1))
			dname, _ := typedString(p, driver.MigrateParamDestName)
			return c.planMigrated(dname), nil
		}},
	{Name: "migrateToURI", CName: "virDomainMigrateToURI",
		Params: []Param{req("duri", TString), flagsOf("VIR_MIGRATE_"), opt("dname", TStringOrNone, nil), opt("bandwidth", TUint64, int64(0))},
		Result: "int (0)", Effect: Destroy,
		Doc: "Migrates the domain to duri: the destination's libvirt URI (VIR_MIGRATE_PEER2PEER) or the hypervisor's.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkMigrationURIs(c.str(0)); err != nil {
				return nil, err
			}
			return done(c.domain().MigrateToURI(c.str(0), c.uint32(1), c.optStr(2), c.uint64(3)))
		}},
	{Name: "migrateToURI2", CName: "virDomainMigrateToURI2",
		Params: []Param{opt("dconnuri", TStringOrNone, nil), opt("miguri", TStringOrNone, nil), opt("dxml", TStringOrNone, nil),
			flagsOf("VIR_MIGRATE_"), opt("dname", TStringOrNone, nil), opt("bandwidth", TUint64, int64(0))},
		Result: "int (0)", Effect: Destroy,
		Doc: "Migrates the domain to the destination's libvirt URI dconnuri and/or the hypervisor's miguri, with an altered XML.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkMigrationURIs(c.optStr(0), c.optStr(1)); err != nil {
				return nil, err
			}
			return done(c.domain().MigrateToURI2(c.optStr(0), c.optStr(1), c.optStr(2), c.uint32(3), c.optStr(4), c.uint64(5)))
		}},
	{Name: "migrateToURI3", CName: "virDomainMigrateToURI3",
		Params: []Param{req("dconnuri", TStringOrNone), req("params", TDict), flagsOf("VIR_MIGRATE_")},
		Result: "int (0)", Effect: Destroy,
		Doc: "Migrates the domain to the destination's libvirt URI dconnuri, with typed params (migrate_uri, bandwidth, ...).",
		fn: func(c *Call) (Value, error) {
			p, err := c.migrateParams("params", c.dict(1))
			if err != nil {
				return nil, err
			}
			if err := c.checkMigrationURIs(append([]string{c.optStr(0)}, migrateURIs(p)...)...); err != nil {
				return nil, err
			}
			return done(c.domain().MigrateToURI3(c.optStr(0), p, c.uint32(2)))
		}},
	{Name: "migrateGetCompressionCache", CName: "virDomainMigrateGetCompressionCache", Params: []Param{flags()},
		Result: "int (bytes), or None when libvirt fails",
		Doc:    "Returns the size of the cache for compressing repeatedly sent pages; None on failure, as in libvirt-python.",
		fn: func(c *Call) (Value, error) {
			return c.noneOnError(num(c.domain().MigrateGetCompressionCache(c.uint32(0))))
		}},
	{Name: "migrateSetCompressionCache", CName: "virDomainMigrateSetCompressionCache",
		Params: []Param{req("cacheSize", TUint64), flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the size, in bytes, of the cache for compressing repeatedly sent pages.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().MigrateSetCompressionCache(c.uint64(0), c.uint32(1)))
		}},
	{Name: "migrateGetMaxDowntime", CName: "virDomainMigrateGetMaxDowntime", Params: []Param{flags()},
		Result: "int (ms), or None when libvirt fails",
		Doc:    "Returns the longest pause, in ms, a live migration may cause; None on failure, as in libvirt-python.",
		fn: func(c *Call) (Value, error) {
			return c.noneOnError(num(c.domain().MigrateGetMaxDowntime(c.uint32(0))))
		}},
	{Name: "migrateSetMaxDowntime", CName: "virDomainMigrateSetMaxDowntime",
		Params: []Param{req("downtime", TUint64), flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the longest pause, in ms, a live migration may cause.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().MigrateSetMaxDowntime(c.uint64(0), c.uint32(1)))
		}},
	{Name: "migrateGetMaxSpeed", CName: "virDomainMigrateGetMaxSpeed", Params: []Param{flagsOf("VIR_DOMAIN_MIGRATE_MAX_SPEED_")}, Result: "int (MiB/s)",
		Doc: "Returns the migration bandwidth limit in MiB/s (VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY: post-copy's).",
		fn:  func(c *Call) (Value, error) { return num(c.domain().MigrateGetMaxSpeed(c.uint32(0))) }},
	{Name: "migrateSetMaxSpeed", CName: "virDomainMigrateSetMaxSpeed",
		Params: []Param{req("bandwidth", TUint64), flagsOf("VIR_DOMAIN_MIGRATE_MAX_SPEED_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the migration bandwidth limit in MiB/s (VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY: post-copy's).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().MigrateSetMaxSpeed(c.uint64(0), c.uint32(1)))
		}},
	{Name: "migrateStartPostCopy", CName: "virDomainMigrateStartPostCopy", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Switches the domain's running migration to post-copy.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().MigrateStartPostCopy(c.uint32(0))) }},
})

// migrateURIs are the hypervisor's data URIs migration params name
// (migrate_uri, disks_uri), which the URI policy checks.
func migrateURIs(ps []TypedParam) []string {
	uri, _ := typedString(ps, driver.MigrateParamURI)
	disks, _ := typedString(ps, driver.MigrateParamDisksURI)
	return []string{uri, disks}
}

// checkMigrationURIs refuses a migration URI the session's policy does not
// allow a connection to; empty URIs (None) are skipped.
func (c *Call) checkMigrationURIs(uris ...string) error {
	for _, u := range uris {
		if u == "" {
			continue
		}
		if err := c.s.policy.checkURI(c.op, u, c.s.dryRun); err != nil {
			return err
		}
	}
	return nil
}

// migrationDest returns the backend connection of the destination, the
// connection argument i, after checking the data URIs.
func (c *Call) migrationDest(i int, uris ...string) (Conn, error) {
	if err := c.checkMigrationURIs(uris...); err != nil {
		return nil, err
	}
	return objectArg[Conn](c, i)
}

// migratedResult adopts the domain a migration returned, which belongs to
// the destination connection (argument 0), not to the domain's own.
func (c *Call) migratedResult(d Domain, err error) (Value, error) {
	return adoptOne(d, err, func(d Domain) (*Object, error) {
		key, name, err := domainKey(c.object(0), d)
		if err != nil {
			return nil, err
		}
		return c.s.adopt(key, name, d)
	})
}

// planMigrated is the dry-run result of a migration: the domain, named
// dname or as now, planned on the destination connection.
func (c *Call) planMigrated(dname string) *Object {
	if dname == "" {
		dname = c.recv.label
	}
	return &Object{class: ClassDomain, label: dname, conn: c.object(0), planned: c.op.QualName()}
}

// noneOnError returns None for a libvirt failure (see swallow), where
// libvirt-python returns None instead of raising.
func (c *Call) noneOnError(v Value, err error) (Value, error) {
	if err != nil {
		return c.swallow(nil, err)
	}
	return v, nil
}
