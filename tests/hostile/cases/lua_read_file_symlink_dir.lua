-- A symbolic link to a directory outside (/etc), and a file through it.
-- symlink: etc -> /etc
-- flags: --allow-read $TMP
-- args: $TMP/etc/hostname
-- want-exit: 1
-- want-stderr-first: cases/lua_read_file_symlink_dir.lua:7: read_file: refused by policy: $TMP/etc/hostname (/etc/hostname) is outside the readable directories ($TMP; --allow-read adds one)
print(read_file(arg[1]))
