-- A URI naming a local file (the test driver parses it and echoes it in its
-- errors) from the current directory /: / is not readable by default.
-- cwd: /
-- want-exit: 1
-- want-stderr: vertscript: warning: / is a system or home directory, not readable by default (--allow-read / makes it readable)
-- want-stderr: $ROOT/tests/hostile/cases/lua_cwd_root_test_uri.lua:10: libvirt.open: refused by policy: URI "test:///etc/passwd" names a local file: /etc/passwd is outside the readable directories ($ROOT/tests/hostile/cases; --allow-read adds one)
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'open'
-- want-stderr: \t$ROOT/tests/hostile/cases/lua_cwd_root_test_uri.lua:10: in main chunk
libvirt.open("test:///etc/passwd")
