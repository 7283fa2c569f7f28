-- A module in the script's directory that is a symbolic link to a file
-- outside the readable directories: require must refuse it.
-- run-in: tmp
-- file: outside/secret.lua: return "a secret from outside"
-- symlink: run/secret.lua -> $TMP/outside/secret.lua
-- want-exit: 1
-- want-stderr-first: $TMP/run/lua_require_symlink.lua:8: require: refused by policy: $TMP/run/secret.lua ($TMP/outside/secret.lua) is outside the readable directories ($TMP/run, $ROOT/tests/hostile; --allow-read adds one)
print(require("secret"))
