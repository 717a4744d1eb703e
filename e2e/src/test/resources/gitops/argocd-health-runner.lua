-- Runs an Argo CD health check the way Argo CD 3 does (util/lua/lua.go): the object is the global table obj,
-- the script gets the base, table and a safe os library and nothing else (no string, math, io or debug
-- library, and no string methods), it must return a table, and a status outside Argo CD's six reads Unknown.
--
--   lua5.1 argocd-health-runner.lua SCRIPT OBJECT
--
-- OBJECT is a Lua chunk returning the object as a table. Prints the status on the first line, the message
-- after it; a script that fails or returns no table exits 1 with Argo CD's error.
local script, object = arg[1], arg[2]
if script == nil or object == nil then
  io.stderr:write("usage: lua5.1 argocd-health-runner.lua SCRIPT OBJECT\n")
  os.exit(2)
end
local write, exit = io.write, os.exit

local env = {
  obj = assert(loadfile(object))(),
  table = table,
  os = { clock = os.clock, date = os.date, difftime = os.difftime, time = os.time },
}
for _, name in ipairs({ "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print", "rawequal",
    "rawget", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "unpack", "xpcall" }) do
  env[name] = _G[name]
end
env._G = env
-- Without Argo CD's string library, strings have no methods either.
getmetatable("").__index = nil

local chunk, syntax = loadfile(script)
if chunk == nil then
  io.stderr:write(syntax, "\n")
  exit(1)
end
setfenv(chunk, env)
local ok, hs = pcall(chunk)
if not ok then
  io.stderr:write(tostring(hs), "\n")
  exit(1)
end
if type(hs) ~= "table" then
  io.stderr:write("expect table output from Lua script, not " .. type(hs) .. "\n")
  exit(1)
end
local valid = { Healthy = true, Progressing = true, Degraded = true, Suspended = true, Missing = true, Unknown = true }
if not valid[hs.status] then
  write("Unknown\nLua returned an invalid health status\n")
else
  write(hs.status, "\n", tostring(hs.message or ""), "\n")
end
