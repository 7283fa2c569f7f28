package host

// storageVolOps are the methods of virStorageVol, but those that use a
// stream (see streamOps).
var storageVolOps = inClass(ClassStorageVol, []*Op{
	{Name: "name", CName: "virStorageVolGetName", Result: "str",
		Doc:    "Returns the volume's name.",
		fn:     func(c *Call) (Value, error) { return str(c.storageVol().GetName()) },
		inPlan: planLabel},
	{Name: "key", CName: "virStorageVolGetKey", Result: "str",
		Doc: "Returns the volume's key, unique on the host (often its path).",
		fn:  func(c *Call) (Value, error) { return str(c.storageVol().GetKey()) }},
	{Name: "path", CName: "virStorageVolGetPath", Result: "str",
		Doc: "Returns the volume's path on the host.",
		fn:  func(c *Call) (Value, error) { return str(c.storageVol().GetPath()) }},
	{Name: "connect", CName: "virStorageVolGetConnect", Result: "virConnect",
		Doc:    "Returns the connection the volume belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: planConn},
	{Name: "XMLDesc", CName: "virStorageVolGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the volume's XML description.",
		fn:  func(c *Call) (Value, error) { return str(c.storageVol().GetXMLDesc(c.uint32(0))) }},
	{Name: "info", CName: "virStorageVolGetInfo", Result: "list: [type, capacity, allocation] (bytes)",
		Doc: "Returns the volume's type (VIR_STORAGE_VOL_*) and sizes in bytes.",
		fn:  func(c *Call) (Value, error) { return volInfo(c.storageVol().GetInfo()) }},
	{Name: "infoFlags", CName: "virStorageVolGetInfoFlags", Params: []Param{flagsOf("VIR_STORAGE_VOL_GET_")},
		Result: "list: [type, capacity, allocation] (bytes)",
		Doc:    "Returns the volume's type and sizes (VIR_STORAGE_VOL_GET_PHYSICAL: the host's allocation).",
		fn:     func(c *Call) (Value, error) { return volInfo(c.storageVol().GetInfoFlags(c.uint32(0))) }},
	{Name: "storagePoolLookupByVolume", CName: "virStoragePoolLookupByVolume", Result: "virStoragePool",
		Doc: "Returns the pool the volume belongs to.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.storageVol().StoragePoolLookupByVolume())(c.adoptStoragePool)
		}},
	{Name: "resize", CName: "virStorageVolResize", Params: []Param{req("capacity", TUint64), flagsOf("VIR_STORAGE_VOL_RESIZE_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Changes the volume's capacity in bytes (VIR_STORAGE_VOL_RESIZE_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.storageVol().Resize(c.uint64(0), c.uint32(1))) }},
	{Name: "wipe", CName: "virStorageVolWipe", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Overwrites the volume's data with zeros.",
		fn:  func(c *Call) (Value, error) { return done(c.storageVol().Wipe(c.uint32(0))) }},
	{Name: "wipePattern", CName: "virStorageVolWipePattern", Params: []Param{req("algorithm", TUint), flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Overwrites the volume's data with a pattern (VIR_STORAGE_VOL_WIPE_ALG_*).",
		fn:  func(c *Call) (Value, error) { return done(c.storageVol().WipePattern(c.uint32(0), c.uint32(1))) }},
	{Name: "delete", CName: "virStorageVolDelete", Params: []Param{flagsOf("VIR_STORAGE_VOL_DELETE_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the volume from its pool (VIR_STORAGE_VOL_DELETE_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.storageVol().Delete(c.uint32(0))) }},
})

func (c *Call) storageVol() StorageVol { return c.ref.(StorageVol) }

// adoptStorageVol gives v to the session, identified by its key. On
// failure v is freed.
func (c *Call) adoptStorageVol(v StorageVol) (*Object, error) {
	return c.adoptAs(ClassStorageVol, v, v.GetKey, v.GetName)
}

// volInfo is a volume's info() as libvirt-python returns it.
func volInfo(i StorageVolInfo, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return ints(uint64(i.Type), i.Capacity, i.Allocation), nil
}

// planStorageVol is the dry-run result of creating a volume in the
// receiver pool: the pool's volume of the XML's name, or a planned one.
var planStorageVol = planFromXML(ClassStorageVol, xmlName, func(c *Call, name string) (Value, error) {
	return adopted(c.storagePool().StorageVolLookupByName(name))(c.adoptStorageVol)
})
