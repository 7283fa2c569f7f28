-- Peer-to-peer migration makes the daemon open the destination URI: it
-- obeys the same rules as the script's own connections.
-- tripwire: tripwire
-- args: test+ext:///default?command=$TMP/outside/tripwire test:///default
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_migrate_ext.lua:9: virDomain.migrateToURI: refused by policy: URI "test+ext:///default?command=$TMP/outside/tripwire" uses the ext transport, which runs a local program; an allow-uri pattern that names the scheme test+ext allows it
local conn = libvirt.open(arg[2])
local dom = conn:lookupByName("test")
dom:migrateToURI(arg[1], libvirt.VIR_MIGRATE_PEER2PEER, nil, 0)
