-- A JSON text nested a million levels deep: decoding recurses, so it is
-- refused before it starts, not left to overflow the stack.
-- want-exit: 1
-- want-stderr-first: cases/lua_json_bomb.lua:5: json.decode: a JSON value nested more than 1000 levels deep
json.decode(string.rep("[", 1000000) .. string.rep("]", 1000000))
