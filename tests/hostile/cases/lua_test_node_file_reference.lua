-- The same with a relative reference, made by a second description that
-- the first refers to.
-- run-in: tmp
-- file: run/node.xml: <node><pool file="pool.xml"/></node>
-- file: run/pool.xml: <pool type="dir"><name>p</name><volume file="../outside/secret"/></pool>
-- file: outside/secret: hunter2
-- args: test://$TMP/run/node.xml
-- want-exit: 1
-- want-stderr-first: $TMP/run/lua_test_node_file_reference.lua:10: libvirt.open: refused by policy: URI "test://$TMP/run/node.xml" names the node description $TMP/run/pool.xml, which refers to a file the script may not read: $TMP/outside/secret is outside the readable directories ($TMP/run, $ROOT/tests/hostile; --allow-read adds one)
local conn = libvirt.open(arg[1])
