-- virConnect's secret methods. libvirt's test driver has no secrets: each
-- call fails with libvirt's "not supported" error, as in libvirt-python.
-- (The virSecret methods are tested on libvirt's embedded secret driver, in
-- host/cgobackend/secret_test.go.)
local conn = libvirt.open()

local XML = "<secret ephemeral='no' private='yes'><usage type='ceph'><name>client.admin</name></usage></secret>"
local UUID = "5f3c1a2b-0000-4c3d-8e5f-00000000000a"

local calls = {
  {"secretDefineXML", conn.secretDefineXML, {XML}},
  {"secretDefineXML(flags)", conn.secretDefineXML, {XML, 0}},
  {"secretLookupByUUID", conn.secretLookupByUUID, {"0123456789abcdef"}},
  {"secretLookupByUUIDString", conn.secretLookupByUUIDString, {UUID}},
  {"secretLookupByUsage", conn.secretLookupByUsage, {libvirt.VIR_SECRET_USAGE_TYPE_CEPH, "client.admin"}},
  {"listSecrets", conn.listSecrets, {}},
  {"listAllSecrets", conn.listAllSecrets, {}},
  {"listAllSecrets(flags)", conn.listAllSecrets, {libvirt.VIR_CONNECT_LIST_SECRETS_PRIVATE}},
  {"numOfSecrets", conn.numOfSecrets, {}},
}
local err
for _, c in ipairs(calls) do
  local ok
  ok, err = pcall(c[2], conn, unpack(c[3]))
  print(string.format("%s: error %d in domain %d: %s", c[1], err:get_error_code(), err:get_error_domain(), err:get_error_message()))
end
print("is VIR_FROM_SECRET: " .. (err:get_error_domain() == libvirt.VIR_FROM_SECRET and "True" or "False"))
