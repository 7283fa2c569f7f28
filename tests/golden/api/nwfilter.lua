-- virConnect's network filter methods. libvirt's test driver has no network
-- filters: each call fails with libvirt's "not supported" error, as in
-- libvirt-python, so no virNWFilter or virNWFilterBinding can be reached here.
local conn = libvirt.open()

local FILTER = "<filter name='no-spoofing' chain='root'><filterref filter='no-mac-spoofing'/></filter>"
local BINDING = "<filterbinding><owner><name>web-1</name><uuid>0f8a1a2b-1111-4c3d-8e5f-000000000001</uuid></owner>" ..
  "<portdev name='vnet0'/><mac address='52:54:00:00:00:01'/><filterref filter='no-spoofing'/></filterbinding>"
local UUID = "5f3c1a2b-0000-4c3d-8e5f-00000000000b"

local calls = {
  {"nwfilterDefineXML", conn.nwfilterDefineXML, {FILTER}},
  {"nwfilterDefineXMLFlags", conn.nwfilterDefineXMLFlags, {FILTER}},
  {"nwfilterDefineXMLFlags(VALIDATE)", conn.nwfilterDefineXMLFlags, {FILTER, libvirt.VIR_NWFILTER_DEFINE_VALIDATE}},
  {"nwfilterLookupByName", conn.nwfilterLookupByName, {"no-spoofing"}},
  {"nwfilterLookupByUUID", conn.nwfilterLookupByUUID, {"0123456789abcdef"}},
  {"nwfilterLookupByUUIDString", conn.nwfilterLookupByUUIDString, {UUID}},
  {"listNWFilters", conn.listNWFilters, {}},
  {"listAllNWFilters", conn.listAllNWFilters, {}},
  {"numOfNWFilters", conn.numOfNWFilters, {}},
  {"nwfilterBindingCreateXML", conn.nwfilterBindingCreateXML, {BINDING}},
  {"nwfilterBindingCreateXML(flags)", conn.nwfilterBindingCreateXML, {BINDING, libvirt.VIR_NWFILTER_BINDING_CREATE_VALIDATE}},
  {"nwfilterBindingLookupByPortDev", conn.nwfilterBindingLookupByPortDev, {"vnet0"}},
  {"listAllNWFilterBindings", conn.listAllNWFilterBindings, {}},
}
local err
for _, c in ipairs(calls) do
  local ok
  ok, err = pcall(c[2], conn, unpack(c[3]))
  print(string.format("%s: error %d in domain %d: %s", c[1], err:get_error_code(), err:get_error_domain(), err:get_error_message()))
end
print("is VIR_FROM_NWFILTER: " .. (err:get_error_domain() == libvirt.VIR_FROM_NWFILTER and "True" or "False"))
