package host

import "slices"

// secretOps are the methods of virSecret, and virConnect's secret methods.
var secretOps = slices.Concat(inClass(ClassSecret, []*Op{
	{Name: "UUID", CName: "virSecretGetUUID", Result: "bytes (16)",
		Doc: "Returns the secret's UUID as 16 raw bytes.",
		fn:  func(c *Call) (Value, error) { return uuidBytes(c.secret().GetUUID()) }},
	{Name: "UUIDString", CName: "virSecretGetUUIDString", Result: "str",
		Doc: "Returns the secret's UUID.",
		fn:  func(c *Call) (Value, error) { return str(c.secret().GetUUIDString()) }},
	{Name: "XMLDesc", CName: "virSecretGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the secret's XML description (which never holds its value).",
		fn:  func(c *Call) (Value, error) { return str(c.secret().GetXMLDesc(c.uint32(0))) }},
	{Name: "usageID", CName: "virSecretGetUsageID", Result: "str, or None on a failure",
		Doc: "Returns what uses the secret: a volume path, a Ceph or iSCSI name, ...",
		fn:  func(c *Call) (Value, error) { return c.orNone(c.secret().GetUsageID()) }},
	{Name: "usageType", CName: "virSecretGetUsageType", Result: "int (VIR_SECRET_USAGE_TYPE_*), -1 on a failure",
		Doc: "Returns the kind of object that uses the secret.",
		fn: func(c *Call) (Value, error) {
			t, err := c.secret().GetUsageType()
			if err != nil {
				// libvirt-python returns virSecretGetUsageType's -1.
				return c.swallow(int64(-1), err)
			}
			return int64(t), nil
		}},
	{Name: "value", CName: "virSecretGetValue", Effect: Privileged, Params: []Param{flags()}, Result: "bytes",
		Doc: "Returns the secret's value (never written to the audit log).",
		fn: func(c *Call) (Value, error) {
			v, err := c.secret().GetValue(c.uint32(0))
			if err != nil {
				return nil, err
			}
			return Bytes(v), nil
		},
		secretResult: true},
	{Name: "setValue", CName: "virSecretSetValue",
		Params: []Param{{Name: "value", Type: TBytes, Secret: true}, flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the secret's value (never written to the audit log or a plan).",
		fn:  func(c *Call) (Value, error) { return done(c.secret().SetValue(c.bytes(0), c.uint32(1))) }},
	{Name: "undefine", CName: "virSecretUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the secret and its value.",
		fn:  func(c *Call) (Value, error) { return done(c.secret().Undefine()) }},
	connectOp("connect", "virSecretGetConnect", "secret"),
}), inClass(ClassConnect, []*Op{
	{Name: "secretDefineXML", CName: "virSecretDefineXML", Params: []Param{req("xml", TString), flagsOf("VIR_SECRET_DEFINE_")},
		Result: "virSecret", Effect: Mutate,
		Doc:     "Defines (or redefines) a secret from a <secret> XML; its value is set with setValue.",
		fn:      func(c *Call) (Value, error) { return c.adoptedSecret(c.conn().SecretDefineXML(c.str(0), c.uint32(1))) },
		planned: planSecret},
	{Name: "secretLookupByUUID", CName: "virSecretLookupByUUID", Params: []Param{req("uuid", TBytes)}, Result: "virSecret",
		Doc: "Returns the secret with this UUID, given as 16 raw bytes.",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return c.adoptedSecret(c.conn().SecretLookupByUUID(uuid))
		}},
	{Name: "secretLookupByUUIDString", CName: "virSecretLookupByUUIDString", Params: []Param{req("uuidstr", TString)}, Result: "virSecret",
		Doc: "Returns the secret with this UUID.",
		fn:  func(c *Call) (Value, error) { return c.adoptedSecret(c.conn().SecretLookupByUUIDString(c.str(0))) }},
	{Name: "secretLookupByUsage", CName: "virSecretLookupByUsage", Params: []Param{req("usageType", TInt), req("usageID", TString)},
		Result: "virSecret",
		Doc:    "Returns the secret of this usage (VIR_SECRET_USAGE_TYPE_*) and usage ID.",
		fn: func(c *Call) (Value, error) {
			t, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return c.adoptedSecret(c.conn().SecretLookupByUsage(t, c.str(1)))
		}},
	{Name: "listSecrets", CName: "virConnectListSecrets", Result: "list of str",
		Doc: "Returns the UUIDs of the secrets.",
		fn:  func(c *Call) (Value, error) { return strList(listIfAny(c.conn().NumOfSecrets, c.conn().ListSecrets)) }},
	{Name: "listAllSecrets", CName: "virConnectListAllSecrets", Params: []Param{flagsOf("VIR_CONNECT_LIST_SECRETS_")}, Result: "list of virSecret",
		Doc: "Returns the secrets, filtered by VIR_CONNECT_LIST_SECRETS_* flags.",
		fn: func(c *Call) (Value, error) {
			ss, err := c.conn().ListAllSecrets(c.uint32(0))
			return adoptAll(ss, err, c.adoptSecret)
		}},
	{Name: "numOfSecrets", CName: "virConnectNumOfSecrets", Result: "int",
		Doc: "Returns the number of secrets.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfSecrets()) }},
}))

func (c *Call) secret() Secret { return c.ref.(Secret) }

func (c *Call) adoptedSecret(s Secret, err error) (Value, error) {
	return adoptOne(s, err, c.adoptSecret)
}

// adoptSecret gives s to the session, identified and labelled by its
// UUID. On failure s is freed.
func (c *Call) adoptSecret(s Secret) (*Object, error) {
	return c.adoptAs(ClassSecret, s, s.GetUUIDString, nil)
}

// planSecret is the dry-run result of secretDefineXML: the existing secret
// of the XML's UUID, when there is one (a redefinition), else a planned
// secret.
func planSecret(c *Call) (Value, error) {
	uuid, err := xmlUUID(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if uuid == "" {
		return c.planObject(ClassSecret, "(new secret)", "", nil)
	}
	return c.planObject(ClassSecret, uuid, "", func() (Value, error) {
		return c.adoptedSecret(c.conn().SecretLookupByUUIDString(uuid))
	})
}
