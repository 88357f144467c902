-- Shared by bench/outage's scripts: counts answers by kind and prints them with report.lua's line.
-- STATUS ok=2xx answered=4xx unavailable=503 other=anything else (all threads together).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"

local report_done = done
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

ok, answered, unavailable, other = 0, 0, 0, 0

function response(status)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status >= 400 and status < 500 then answered = answered + 1
  elseif status == 503 then unavailable = unavailable + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  report_done(summary, latency, requests)
  local totals = { ok = 0, answered = 0, unavailable = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  io.write(string.format("STATUS ok=%d answered=%d unavailable=%d other=%d\n",
    totals.ok, totals.answered, totals.unavailable, totals.other))
end
