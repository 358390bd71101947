-- Shared by every wrk script: prints one parseable line at the end.
-- Loaded with dofile(os.getenv("BENCH_LUA") .. "/report.lua"); defines the globals wrk looks for.
--
-- Errors are wrk's own count of answers with a status of 400 or more (the measured routes answer no 1xx or 3xx)
-- plus socket errors and timeouts. wrk hands each answer's headers and body to Lua only when the script defines
-- response(): that costs the generator, which shares the cores with the service, several µs per request. So
-- response() is defined only with BENCH_SAMPLE=1, to see the first non-2xx answer (and count 1xx and 3xx too).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

non2xx = 0
sample = nil

if os.getenv("BENCH_SAMPLE") == "1" then
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if sample == nil then sample = status .. " " .. string.sub(body or "", 1, 300) end
    end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, nil
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    first = first or t:get("sample")
  end
  local e = summary.errors
  if os.getenv("BENCH_SAMPLE") ~= "1" then bad = e.status end
  local secs = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect + e.read + e.write + e.timeout))
  if first then io.write("BENCH-SAMPLE " .. string.gsub(first, "\n", " ") .. "\n") end
end
