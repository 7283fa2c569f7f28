-- string.gsub that replaces each of a million characters with a thousand:
-- 1 GB built inside one builtin call, where neither the heap poller nor the
-- timeout can stop it.
-- flags: --max-memory 64MiB --timeout 3s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_gsub_expansion\.lua:11: .*(max-memory.*64 MiB|timeout: the script ran longer than 3s).*$
-- max-rss: 256MiB
-- needs: a size guard on string.gsub (its result can be the subject times the replacement)
local subject = string.rep("x", 1000000)
local replacement = string.rep("y", 1000)
local result = string.gsub(subject, "x", replacement)
print(#result)
