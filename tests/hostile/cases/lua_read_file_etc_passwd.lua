-- read_file outside the readable directories is refused.
-- want-exit: 1
-- want-stderr-first: cases/lua_read_file_etc_passwd.lua:4: read_file: refused by policy: /etc/passwd is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
print(read_file("/etc/passwd"))
