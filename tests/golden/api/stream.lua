-- virStream on the test driver: screenshots read with recv and recvAll,
-- and the calls a stream attached to nothing, or to an image, cannot make.
local conn = libvirt.open()

local function show(what, err)
  print(string.format("%s: error %d in domain %d: %s", what, err:get_error_code(), err:get_error_domain(), err:get_error_message()))
end

local function py(b)
  return b and "True" or "False"
end

local web = conn:lookupByName("web-1")
local old = conn:lookupByName("old-build")

-- A stream, and the connection it belongs to.
local st = conn:newStream()
print("connect() is the connection: " .. py(st:connect() == conn))

-- A screenshot: the test driver streams a PNG image.
print("mime: " .. web:screenshot(st, 0))
local total, reads, first = 0, 0, {}
while true do
  local data = st:recv(4096)
  if #data == 0 then
    break
  end
  if total == 0 then
    for i = 1, 8 do
      first[i] = string.format("%d", string.byte(data, i))
    end
  end
  total = total + #data
  reads = reads + 1
end
print(string.format("image: %d bytes in %d reads, starting %s", total, reads, table.concat(first, " ")))
print(string.format("recv at the end: %d bytes", #st:recv(4096)))
print(string.format("finish: %d", st:finish()))
local ok, err = pcall(st.recv, st, 10)
show("recv after finish", err)
print(string.format("abort after finish: %d", st:abort()))

-- recvAll calls the handler with each piece of the stream.
st = conn:newStream(0)
print("mime of screen 1: " .. web:screenshot(st, 1, 0))
local got = {}
local function sink(stream, data, opaque)
  got[#got + 1] = string.format("%s %s %d", py(stream == st), opaque, #data)
  return #data
end
local res = st:recvAll(sink, "tag")
print("recvAll: " .. (res == nil and "None" or tostring(res)))
print("handler calls: " .. table.concat(got, ", "))
print(string.format("finish: %d", st:finish()))

-- recvAll in pieces of libvirt-python's size: a larger image would need several.
st = conn:newStream(0)
web:screenshot(st, 0)
local sizes = {}
st:recvAll(function(stream, data, opaque)
  sizes[#sizes + 1] = string.format("%d", #data)
end, nil)
print("recvAll pieces: " .. table.concat(sizes, " "))
st:finish()

-- sendAll on a screenshot: the handler is asked for 262120 bytes, the
-- stream is read-only.
st = conn:newStream(0)
web:screenshot(st, 0)
local asked = {}
local function source(stream, nbytes, opaque)
  asked[#asked + 1] = string.format("%d", nbytes)
  return "some data"
end
ok, err = pcall(st.sendAll, st, source, nil)
show("sendAll on a screenshot", err)
print("handler asked for: " .. table.concat(asked, " "))
print(string.format("abort: %d", st:abort()))

-- A libvirt error in the handler ends recvAll, which aborts the stream.
st = conn:newStream(0)
web:screenshot(st, 0)
ok, err = pcall(st.recvAll, st, function(stream, data, opaque)
  stream:send(data)
end, nil)
show("recvAll with a failing handler", err)
ok, err = pcall(st.recv, st, 10)
show("recv after it", err)

-- sparseRecvAll reads with VIR_STREAM_RECV_STOP_AT_HOLE, which a screenshot
-- does not support.
st = conn:newStream(0)
web:screenshot(st, 0)
local function hole(stream, length, opaque)
  return 0
end
ok, err = pcall(st.sparseRecvAll, st, sink, hole, nil)
show("sparseRecvAll on a screenshot", err)
ok, err = pcall(st.recvFlags, st, 10, libvirt.VIR_STREAM_RECV_STOP_AT_HOLE)
show("recvFlags", err)
ok, err = pcall(st.recvHole, st)
show("recvHole", err)
print(string.format("recv after them: %d bytes", #st:recv(8)))
st:abort()

-- A stream attached to nothing: the test driver has nothing to move.
st = conn:newStream(0)
ok, err = pcall(st.recv, st, 10)
show("recv", err)
ok, err = pcall(st.send, st, "abc")
show("send", err)
ok, err = pcall(st.sendHole, st, 4096)
show("sendHole", err)
ok, err = pcall(st.finish, st)
show("finish", err)
local function sections(stream, opaque)
  return {false, 4096}
end
local function skip(stream, length, opaque)
  return length
end
ok, err = pcall(st.sparseSendAll, st, source, sections, skip, nil)
show("sparseSendAll", err)
print(string.format("abort: %d", st:abort()))

-- The test driver shows a shut-off domain's screen too.
st = conn:newStream(0)
print("screenshot of a shut-off domain: " .. old:screenshot(st, 0))
print(string.format("abort: %d", st:abort()))

-- Consoles and channels are not in the test driver.
ok, err = pcall(web.openConsole, web, nil, conn:newStream(0))
show("openConsole(None)", err)
ok, err = pcall(web.openConsole, web, "serial0", conn:newStream(0), libvirt.VIR_DOMAIN_CONSOLE_FORCE)
show("openConsole(serial0)", err)
ok, err = pcall(web.openChannel, web, "org.qemu.guest_agent.0", conn:newStream(0))
show("openChannel", err)

-- Volumes: the test driver has no download or upload.
local pool = conn:storagePoolLookupByName("default-pool")
local vol = pool:createXML("<volume><name>stream.img</name><capacity>1024</capacity></volume>", 0)
ok, err = pcall(vol.download, vol, conn:newStream(0), 0, 1024, 0)
show("download", err)
ok, err = pcall(vol.upload, vol, conn:newStream(0), 0, 1024, 0)
show("upload", err)
