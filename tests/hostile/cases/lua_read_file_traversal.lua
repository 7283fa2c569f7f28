-- An absolute path inside a readable directory that climbs out of it.
-- args: $ROOT/tests/hostile/cases/../../../../../../../../../etc/passwd
-- want-exit: 1
-- want-stderr-first: cases/lua_read_file_traversal.lua:5: read_file: refused by policy: $ROOT/tests/hostile/cases/../../../../../../../../../etc/passwd (/etc/passwd) is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
print(read_file(arg[1]))
