-- require takes a plain module name: no directories, no "..".
-- want-exit: 1
-- want-stderr-first: cases/lua_require_traversal.lua:4: require: bad module name "../../../etc/passwd": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory
require("../../../etc/passwd")
