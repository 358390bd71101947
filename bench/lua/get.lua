-- GET one fixed URL (path and query given as the first argument), optionally with an API key (BENCH_API_KEY).
-- Usage: wrk ... -s get.lua http://host:port -- '/api/v1/leads?limit=50&cursor=...'
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local path = "/"
local key = os.getenv("BENCH_API_KEY")

function init(args)
  path = args[1] or "/"
  local headers = { ["Accept"] = "application/json" }
  if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end
  req = wrk.format("GET", path, headers)
end

function request()
  return req
end
