-- Provision a scratch storage pool and a volume in it, show them, then
-- remove both. Under --dry-run nothing changes and the plan follows the
-- objects it would make: the volume created in the planned pool is a
-- planned volume, which answers its name.
--
--   vertscript --dry-run -c qemu:///system scripts/examples/scratch_volume.lua
local POOL_XML = [[<pool type='dir'>
  <name>scratch</name>
  <target><path>/var/tmp/vertscript-scratch</path></target>
</pool>]]

local VOL_XML = [[<volume>
  <name>scratch-1.img</name>
  <capacity unit='MiB'>64</capacity>
</volume>]]

print(libvirt.dry_run and "dry run" or "real run")
local conn = libvirt.open()
local pool = conn:storagePoolDefineXML(POOL_XML, 0)
pool:create(0)
local vol = pool:createXML(VOL_XML, 0)
print(string.format("created volume %s in pool %s", vol:name(), vol:storagePoolLookupByVolume():name()))
local found = conn:storagePoolLookupByName("scratch"):storageVolLookupByName("scratch-1.img")
print(string.format("found it again by name: %s", found:name() == vol:name() and "True" or "False"))
vol:delete(0)
pool:destroy()
pool:undefine()
print(string.format("removed volume %s and pool %s", vol:name(), pool:name()))
