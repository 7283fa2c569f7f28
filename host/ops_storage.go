package host

// storagePoolOps are the methods of virStoragePool.
var storagePoolOps = inClass(ClassStoragePool, []*Op{
	{Name: "name", CName: "virStoragePoolGetName", Result: "str",
		Doc:    "Returns the pool's name.",
		fn:     func(c *Call) (Value, error) { return str(c.storagePool().GetName()) },
		inPlan: planLabel},
	{Name: "UUID", CName: "virStoragePoolGetUUID", Result: "bytes (16)",
		Doc: "Returns the pool's UUID as 16 bytes.",
		fn:  func(c *Call) (Value, error) { return uuidBytes(c.storagePool().GetUUID()) }},
	{Name: "UUIDString", CName: "virStoragePoolGetUUIDString", Result: "str",
		Doc: "Returns the pool's UUID.",
		fn:  func(c *Call) (Value, error) { return str(c.storagePool().GetUUIDString()) }},
	{Name: "connect", CName: "virStoragePoolGetConnect", Result: "virConnect",
		Doc:    "Returns the connection the pool belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: planConn},
	{Name: "XMLDesc", CName: "virStoragePoolGetXMLDesc", Params: []Param{flagsOf("VIR_STORAGE_XML_")}, Result: "str (XML)",
		Doc: "Returns the pool's XML description (VIR_STORAGE_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.storagePool().GetXMLDesc(c.uint32(0))) }},
	{Name: "info", CName: "virStoragePoolGetInfo", Result: "list: [state, capacity, allocation, available] (bytes)",
		Doc: "Returns the pool's state (VIR_STORAGE_POOL_*) and sizes in bytes.",
		fn: func(c *Call) (Value, error) {
			i, err := c.storagePool().GetInfo()
			if err != nil {
				return nil, err
			}
			return ints(uint64(i.State), i.Capacity, i.Allocation, i.Available), nil
		}},
	{Name: "isActive", CName: "virStoragePoolIsActive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the pool is running.",
		fn:  func(c *Call) (Value, error) { return flag(c.storagePool().IsActive()) }},
	{Name: "isPersistent", CName: "virStoragePoolIsPersistent", Result: "int (0 or 1)",
		Doc: "Returns 1 if the pool has a persistent definition.",
		fn:  func(c *Call) (Value, error) { return flag(c.storagePool().IsPersistent()) }},
	{Name: "autostart", CName: "virStoragePoolGetAutostart", Result: "int (0 or 1)",
		Doc: "Returns 1 if the pool starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return flag(c.storagePool().GetAutostart()) }},
	{Name: "setAutostart", CName: "virStoragePoolSetAutostart", Params: []Param{req("autostart", TBool)}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets whether the pool starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().SetAutostart(c.bool(0))) }},
	{Name: "build", CName: "virStoragePoolBuild", Params: []Param{flagsOf("VIR_STORAGE_POOL_BUILD_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Builds the pool's underlying storage: makes its directory, formats its device (VIR_STORAGE_POOL_BUILD_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Build(c.uint32(0))) }},
	{Name: "create", CName: "virStoragePoolCreate", Params: []Param{flagsOf("VIR_STORAGE_POOL_CREATE_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts a defined pool (VIR_STORAGE_POOL_CREATE_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Create(c.uint32(0))) }},
	{Name: "refresh", CName: "virStoragePoolRefresh", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Rescans the pool for volumes.",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Refresh(c.uint32(0))) }},
	{Name: "destroy", CName: "virStoragePoolDestroy", Result: "int (0)", Effect: Destroy,
		Doc: "Stops the pool, leaving its data; a transient one disappears.",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Destroy()) }},
	{Name: "delete", CName: "virStoragePoolDelete", Params: []Param{flagsOf("VIR_STORAGE_POOL_DELETE_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the underlying storage of an inactive pool (VIR_STORAGE_POOL_DELETE_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Delete(c.uint32(0))) }},
	{Name: "undefine", CName: "virStoragePoolUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the pool's persistent definition.",
		fn:  func(c *Call) (Value, error) { return done(c.storagePool().Undefine()) }},
	{Name: "numOfVolumes", CName: "virStoragePoolNumOfVolumes", Result: "int",
		Doc: "Returns the number of volumes in the pool.",
		fn:  func(c *Call) (Value, error) { return num(c.storagePool().NumOfVolumes()) }},
	{Name: "listVolumes", CName: "virStoragePoolListVolumes", Result: "list of str",
		Doc: "Returns the names of the pool's volumes.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.storagePool().NumOfVolumes, c.storagePool().ListVolumes))
		}},
	{Name: "listAllVolumes", CName: "virStoragePoolListAllVolumes", Params: []Param{flags()}, Result: "list of virStorageVol",
		Doc: "Returns the pool's volumes.",
		fn: func(c *Call) (Value, error) {
			vols, err := c.storagePool().ListAllVolumes(c.uint32(0))
			return adoptAll(vols, err, c.adoptStorageVol)
		}},
	{Name: "storageVolLookupByName", CName: "virStorageVolLookupByName", Params: []Param{req("name", TString)}, Result: "virStorageVol",
		Doc: "Returns the pool's volume with this name.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.storagePool().StorageVolLookupByName(c.str(0)))(c.adoptStorageVol)
		}},
	{Name: "createXML", CName: "virStorageVolCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_STORAGE_VOL_CREATE_")},
		Result: "virStorageVol", Effect: Mutate,
		Doc: "Creates a volume in the pool from XML (VIR_STORAGE_VOL_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			return adopted(c.storagePool().StorageVolCreateXML(c.str(0), c.uint32(1)))(c.adoptStorageVol)
		},
		planned: planStorageVol},
	{Name: "createXMLFrom", CName: "virStorageVolCreateXMLFrom",
		Params: []Param{req("xmlDesc", TString), obj("clonevol", ClassStorageVol), flagsOf("VIR_STORAGE_VOL_CREATE_")},
		Result: "virStorageVol", Effect: Mutate,
		Doc: "Creates a volume in the pool from XML, its data copied from clonevol (VIR_STORAGE_VOL_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			vol, err := objectArg[StorageVol](c, 1)
			if err != nil {
				return nil, err
			}
			return adopted(c.storagePool().StorageVolCreateXMLFrom(c.str(0), vol, c.uint32(2)))(c.adoptStorageVol)
		},
		planned: planStorageVol},
})

// connectStorageOps are virConnect's storage methods.
var connectStorageOps = inClass(ClassConnect, []*Op{
	{Name: "listStoragePools", CName: "virConnectListStoragePools", Result: "list of str",
		Doc: "Returns the names of the active storage pools.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfStoragePools, c.conn().ListStoragePools))
		}},
	{Name: "listDefinedStoragePools", CName: "virConnectListDefinedStoragePools", Result: "list of str",
		Doc: "Returns the names of the inactive persistent storage pools.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfDefinedStoragePools, c.conn().ListDefinedStoragePools))
		}},
	{Name: "listAllStoragePools", CName: "virConnectListAllStoragePools", Params: []Param{flagsOf("VIR_CONNECT_LIST_STORAGE_POOLS_")}, Result: "list of virStoragePool",
		Doc: "Returns the storage pools, filtered by VIR_CONNECT_LIST_STORAGE_POOLS_* flags.",
		fn: func(c *Call) (Value, error) {
			pools, err := c.conn().ListAllStoragePools(c.uint32(0))
			return adoptAll(pools, err, c.adoptStoragePool)
		}},
	{Name: "numOfStoragePools", CName: "virConnectNumOfStoragePools", Result: "int",
		Doc: "Returns the number of active storage pools.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfStoragePools()) }},
	{Name: "numOfDefinedStoragePools", CName: "virConnectNumOfDefinedStoragePools", Result: "int",
		Doc: "Returns the number of inactive persistent storage pools.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfDefinedStoragePools()) }},
	{Name: "storagePoolCreateXML", CName: "virStoragePoolCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_STORAGE_POOL_CREATE_")},
		Result: "virStoragePool", Effect: Mutate,
		Doc: "Creates and starts a transient storage pool from XML (VIR_STORAGE_POOL_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StoragePoolCreateXML(c.str(0), c.uint32(1)))(c.adoptStoragePool)
		},
		planned: planStoragePool},
	{Name: "storagePoolDefineXML", CName: "virStoragePoolDefineXML", Params: []Param{req("xml", TString), flagsOf("VIR_STORAGE_POOL_DEFINE_")},
		Result: "virStoragePool", Effect: Mutate,
		Doc: "Defines (or redefines) a persistent storage pool from XML, without starting it.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StoragePoolDefineXML(c.str(0), c.uint32(1)))(c.adoptStoragePool)
		},
		planned: planStoragePool},
	{Name: "storagePoolLookupByName", CName: "virStoragePoolLookupByName", Params: []Param{req("name", TString)},
		Result: "virStoragePool",
		Doc:    "Returns the storage pool with this name.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StoragePoolLookupByName(c.str(0)))(c.adoptStoragePool)
		}},
	{Name: "storagePoolLookupByTargetPath", CName: "virStoragePoolLookupByTargetPath", Params: []Param{req("path", TString)},
		Result: "virStoragePool",
		Doc:    "Returns the storage pool whose target is this path.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StoragePoolLookupByTargetPath(c.str(0)))(c.adoptStoragePool)
		}},
	{Name: "storagePoolLookupByUUID", CName: "virStoragePoolLookupByUUID", Params: []Param{req("uuid", TBytes)},
		Result: "virStoragePool",
		Doc:    "Returns the storage pool with this UUID (16 bytes).",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return adopted(c.conn().StoragePoolLookupByUUID(uuid))(c.adoptStoragePool)
		}},
	{Name: "storagePoolLookupByUUIDString", CName: "virStoragePoolLookupByUUIDString", Params: []Param{req("uuidstr", TString)},
		Result: "virStoragePool",
		Doc:    "Returns the storage pool with this UUID.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StoragePoolLookupByUUIDString(c.str(0)))(c.adoptStoragePool)
		}},
	{Name: "storageVolLookupByKey", CName: "virStorageVolLookupByKey", Params: []Param{req("key", TString)},
		Result: "virStorageVol",
		Doc:    "Returns the storage volume with this key.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StorageVolLookupByKey(c.str(0)))(c.adoptStorageVol)
		}},
	{Name: "storageVolLookupByPath", CName: "virStorageVolLookupByPath", Params: []Param{req("path", TString)},
		Result: "virStorageVol",
		Doc:    "Returns the storage volume at this path.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().StorageVolLookupByPath(c.str(0)))(c.adoptStorageVol)
		}},
	{Name: "findStoragePoolSources", CName: "virConnectFindStoragePoolSources", Effect: Privileged,
		Params: []Param{req("type", TString), req("srcSpec", TStringOrNone), flags()}, Result: "str (XML)",
		Doc: "Probes the host for sources of pools of this type (logical, netfs, ...), srcSpec an XML <source> hint; returns a <sources> XML.",
		fn: func(c *Call) (Value, error) {
			var spec *string
			if s, ok := c.args[1].(string); ok {
				spec = &s
			}
			return str(c.conn().FindStoragePoolSources(c.str(0), spec, c.uint32(2)))
		}},
	{Name: "getStoragePoolCapabilities", CName: "virConnectGetStoragePoolCapabilities", Params: []Param{flags()},
		Result: "str (XML)",
		Doc:    "Returns the storage pool types the host supports, as XML.",
		fn:     func(c *Call) (Value, error) { return str(c.conn().GetStoragePoolCapabilities(c.uint32(0))) }},
})

func (c *Call) storagePool() StoragePool { return c.ref.(StoragePool) }

// adoptStoragePool gives p to the session, identified by its UUID. On
// failure p is freed.
func (c *Call) adoptStoragePool(p StoragePool) (*Object, error) {
	return c.adoptAs(ClassStoragePool, p, p.GetUUIDString, p.GetName)
}

// planStoragePool is the dry-run result of defining or creating a pool:
// the pool of the XML's name, or a planned one.
var planStoragePool = planFromXML(ClassStoragePool, xmlName, func(c *Call, name string) (Value, error) {
	return adopted(c.conn().StoragePoolLookupByName(name))(c.adoptStoragePool)
})
