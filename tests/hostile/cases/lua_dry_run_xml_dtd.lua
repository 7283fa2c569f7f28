-- XML with a DTD may expand entities into a name, which vertscript does
-- not read: a dry run that cannot read the XML as libvirt does refuses to
-- plan the call rather than guess which object it names.
-- flags: --dry-run
-- want-exit: 1
-- want-stderr-first: cases/lua_dry_run_xml_dtd.lua:8: virConnect.networkDefineXML: a dry run cannot tell which object this XML names (the XML declares a DTD): the plan would not say what the real run does
local conn = libvirt.open()
conn:networkDefineXML("<!DOCTYPE network [<!ENTITY n 'default'>]><network><name>&n;</name></network>")
