-- An error value whose __tostring never returns: the host must not call
-- it to report the error.
-- want-exit: 1
-- want-stderr-first: (error object is a table value)
-- within: 5s
error(setmetatable({}, {__tostring = function() while true do end end}))
