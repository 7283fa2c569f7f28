-- A script that tries every way found to get a libvirt password into the
-- audit log: spacing and newlines around =, entity-escaped values, CDATA in
-- a disk's HTTP cookie, XML inside a dict argument (migrate3's
-- destination_xml) and in a list, XML escaped inside a description,
-- malformed XML and XML that libxml2 refuses (whose error messages quote
-- the line), a DTD whose entity libvirt expands into passwd, a secret
-- parameter, and a result read back with VIR_DOMAIN_XML_SECURE. The
-- redaction is by structure: none of the passwords may appear.
-- flags: --audit $TMP/audit.log
-- want-exit: 0
-- want-stderr-match: ^$
-- want-stdout: calls made: 14
-- want-file-contains: audit.log: passwd = '<redacted>'
-- want-file-contains: audit.log: <redacted: unparsable XML>
-- want-file-contains: audit.log: "op":"virDomain.migrate3"
-- want-file-not-contains: audit.log: LeakSpacing
-- want-file-not-contains: audit.log: LeakNewline
-- want-file-not-contains: audit.log: eakEntity
-- want-file-not-contains: audit.log: LeakCdata
-- want-file-not-contains: audit.log: LeakDict
-- want-file-not-contains: audit.log: LeakList
-- want-file-not-contains: audit.log: LeakNested
-- want-file-not-contains: audit.log: LeakMalformed
-- want-file-not-contains: audit.log: LeakDuplicate
-- want-file-not-contains: audit.log: LeakJunk
-- want-file-not-contains: audit.log: LeakDoctype
-- want-file-not-contains: audit.log: LeakUserPassword
local DOMAIN = "<domain type='test'><name>%s</name><memory>1024</memory><os><type>hvm</type></os>%s<devices>%s</devices></domain>"

local function domain(name, devices, extra)
  return string.format(DOMAIN, name, extra or "", devices)
end

local conn = libvirt.open()
local calls = {}

local function attempt(f)
  calls[#calls + 1] = pcall(f)
end

attempt(function() return conn:defineXML(domain("spacing", "<graphics type='vnc' passwd = 'LeakSpacing'/>")) end)
attempt(function() return conn:defineXML(domain("newline", "<graphics type='vnc' passwd\n=\n\"LeakNewline\"/>")) end)
attempt(function() return conn:defineXML(domain("entity", "<graphics type='vnc' passwd='&#76;eakEntity'/>")) end)
attempt(function() return conn:defineXML(domain("cdata", "<disk type='network' device='cdrom'><source protocol='http' name='/x.iso'><host name='h'/><cookies><cookie name='c'><![CDATA[LeakCdata]]></cookie></cookies></source><target dev='hdc' bus='ide'/></disk>")) end)
attempt(function() return conn:defineXML(domain("nested", "", "<description>&lt;graphics passwd='LeakNested'/&gt;</description>")) end)
attempt(function() return conn:defineXML("<domain type='test'><name>z</name><devices><graphics type='vnc' passwd='LeakMalformed'></devices></domain>") end)
attempt(function() return conn:defineXML(domain("duplicate", "<graphics type='vnc' passwd='LeakDuplicate' passwd='x'/>")) end)
attempt(function() return conn:defineXML("x<domain type='test' passwd='LeakJunk'>") end)
attempt(function() return conn:defineXML("<!DOCTYPE d [<!ENTITY p 'LeakDoctype'>]>" .. domain("doctype", "<graphics type='vnc' passwd='&p;'/>")) end)
local alpha = conn:lookupByName("alpha")
attempt(function() return alpha:migrate3(conn, {destination_xml = domain("alpha", "<graphics type='vnc' passwd='LeakDict'/>")}, 0) end)
attempt(function() return conn:baselineCPU({"<cpu><model passwd='LeakList'>x</model></cpu>"}, 0) end)
attempt(function() return alpha:setUserPassword("root", "LeakUserPassword", 0) end)
attempt(function() return conn:lookupByName("spacing"):XMLDesc(libvirt.VIR_DOMAIN_XML_SECURE) end)
attempt(function() return conn:lookupByName("doctype"):XMLDesc(libvirt.VIR_DOMAIN_XML_SECURE) end)
print(string.format("calls made: %d", #calls))
