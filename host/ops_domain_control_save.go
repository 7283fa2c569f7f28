package host

import "github.com/vertscript/vertscript/host/driver"

// domainSaveOps save a domain's memory to files (its own, or libvirt's
// managed save image) and dump its core.
var domainSaveOps = inClass(ClassDomain, []*Op{
	{Name: "save", CName: "virDomainSave", Params: []Param{req("to", TString)}, Result: "int (0)", Effect: File,
		Doc: "Saves the domain's memory to the local file to and stops it (restore it with virConnect.restore).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Save(c.str(0))) }},
	{Name: "saveFlags", CName: "virDomainSaveFlags",
		Params: []Param{req("to", TString), opt("dxml", TStringOrNone, nil), flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: File,
		Doc: "Saves the domain's memory to the local file to and stops it, with an altered XML and VIR_DOMAIN_SAVE_* flags.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SaveFlags(c.str(0), c.optStr(1), c.uint32(2)))
		}},
	{Name: "saveParams", CName: "virDomainSaveParams", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: File,
		Doc: "Saves the domain's memory and stops it; params: file (a local path), dxml.",
		fn: func(c *Call) (Value, error) {
			p, err := c.saveParams("params", c.dict(0))
			if err != nil {
				return nil, err
			}
			return done(c.domain().SaveParams(p, c.uint32(1)))
		}},
	{Name: "coreDump", CName: "virDomainCoreDump", Params: []Param{req("to", TString), flagsOf("VIR_DUMP_")}, Result: "int (0)", Effect: File,
		Doc: "Dumps the domain's core to the local file to (VIR_DUMP_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().CoreDump(c.str(0), c.uint32(1))) }},
	{Name: "coreDumpWithFormat", CName: "virDomainCoreDumpWithFormat",
		Params: []Param{req("to", TString), req("dumpformat", TUint), flagsOf("VIR_DUMP_")}, Result: "int (0)", Effect: File,
		Doc: "Dumps the domain's core to the local file to, in a VIR_DOMAIN_CORE_DUMP_FORMAT_*.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().CoreDumpWithFormat(c.str(0), c.uint32(1), c.uint32(2)))
		}},
	{Name: "managedSave", CName: "virDomainManagedSave", Params: []Param{flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Saves the domain's memory to an image libvirt keeps and stops it; the next start resumes from it.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().ManagedSave(c.uint32(0))) }},
	{Name: "hasManagedSaveImage", CName: "virDomainHasManagedSaveImage", Params: []Param{flags()}, Result: "int (0 or 1)",
		Doc: "Returns 1 if the domain has a managed save image.",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().HasManagedSaveImage(c.uint32(0))) }},
	{Name: "managedSaveGetXMLDesc", CName: "virDomainManagedSaveGetXMLDesc", Params: []Param{flagsOf("VIR_DOMAIN_SAVE_IMAGE_XML_")}, Result: "str (XML)",
		Doc: "Returns the domain XML stored in the managed save image.",
		fn:  func(c *Call) (Value, error) { return str(c.domain().ManagedSaveGetXMLDesc(c.uint32(0))) }},
	{Name: "managedSaveDefineXML", CName: "virDomainManagedSaveDefineXML", Params: []Param{req("dxml", TString), flagsOf("VIR_DOMAIN_SAVE_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Replaces the domain XML stored in the managed save image.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().ManagedSaveDefineXML(c.str(0), c.uint32(1))) }},
	{Name: "managedSaveRemove", CName: "virDomainManagedSaveRemove", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the domain's managed save image: its next start boots afresh.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().ManagedSaveRemove(c.uint32(0))) }},
})

// connectSaveOps restore domains from saved images and inspect them.
var connectSaveOps = inClass(ClassConnect, []*Op{
	{Name: "restore", CName: "virDomainRestore", Params: []Param{req("frm", TString)}, Result: "int (0)", Effect: File,
		Doc: "Restores a domain saved to the local file frm.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkReadPath(c.str(0)); err != nil {
				return nil, err
			}
			return done(c.conn().DomainRestore(c.str(0)))
		}},
	{Name: "restoreFlags", CName: "virDomainRestoreFlags",
		Params: []Param{req("frm", TString), opt("dxml", TStringOrNone, nil), flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: File,
		Doc: "Restores a domain saved to the local file frm, with an altered XML and VIR_DOMAIN_SAVE_* flags.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkReadPath(c.str(0)); err != nil {
				return nil, err
			}
			return done(c.conn().DomainRestoreFlags(c.str(0), c.optStr(1), c.uint32(2)))
		}},
	{Name: "restoreParams", CName: "virDomainRestoreParams", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: File,
		Doc: "Restores a saved domain; params: file (a local path), dxml.",
		fn: func(c *Call) (Value, error) {
			p, err := c.saveParams("params", c.dict(0))
			if err != nil {
				return nil, err
			}
			if file, ok := typedString(p, driver.DomainSaveParamFile); ok {
				if err := c.checkReadPath(file); err != nil {
					return nil, err
				}
			}
			return done(c.conn().DomainRestoreParams(p, c.uint32(1)))
		}},
	{Name: "saveImageGetXMLDesc", CName: "virDomainSaveImageGetXMLDesc", Params: []Param{req("file", TString), flagsOf("VIR_DOMAIN_SAVE_IMAGE_XML_")},
		Result: "str (XML)", Effect: File,
		Doc: "Returns the domain XML stored in the saved image at the local path file.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkReadPath(c.str(0)); err != nil {
				return nil, err
			}
			return str(c.conn().DomainSaveImageGetXMLDesc(c.str(0), c.uint32(1)))
		}},
	{Name: "saveImageDefineXML", CName: "virDomainSaveImageDefineXML",
		Params: []Param{req("file", TString), req("dxml", TString), flagsOf("VIR_DOMAIN_SAVE_")}, Result: "int (0)", Effect: File,
		Doc: "Replaces the domain XML stored in the saved image at the local path file.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkReadPath(c.str(0)); err != nil {
				return nil, err
			}
			return done(c.conn().DomainSaveImageDefineXML(c.str(0), c.str(1), c.uint32(2)))
		}},
})

// checkReadPath refuses a saved image outside the policy's readable
// directories (Policy.AllowRead), as read_file would.
func (c *Call) checkReadPath(path string) error {
	return c.s.policy.checkRead(c.op.QualName(), path)
}
