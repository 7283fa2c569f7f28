-- A read that a planned object cannot answer is a libvirt error the script
-- can catch (VIR_ERR_OPERATION_INVALID), not one that ends every dry run of
-- a runbook that handles failed reads: the real run would read a real
-- domain, and the script's own error handling must run in the dry run too.
-- flags: --dry-run
-- want-exit: 0
-- want-stdout: caught 55: <virDomain delta> exists only in the dry-run plan (made by virConnect.defineXML); it cannot be read
-- want-stdout: name delta
-- want-stderr: dry run: 1 call planned, none made
-- want-stderr:   <virConnect test://$ROOT/tests/hostile/node.xml>.defineXML("<domain type='test'><name>delta</name><memory>1024</memory>...)
local conn = libvirt.open()
local delta = conn:defineXML("<domain type='test'><name>delta</name><memory>1024</memory><os><type>hvm</type></os></domain>")
local ok, e = pcall(function() return delta:info() end)
print(string.format("caught %d: %s", e:get_error_code(), e:get_error_message()))
print("name " .. delta:name())
