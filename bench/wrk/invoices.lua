-- GET /customers/{id}/invoices (database1, then database2), counting answers by status:
-- wrk -t1 ... -s invoices.lua URL -- FIRST LAST
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"

local report_done = done
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local first, last

function init(args)
  first, last = tonumber(args[1]), tonumber(args[2])
  ok, unavailable, other = 0, 0, 0
end

function request()
  return wrk.format("GET", "/customers/" .. math.random(first, last) .. "/invoices")
end

function response(status)
  if status == 200 then ok = ok + 1 elseif status == 503 then unavailable = unavailable + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  report_done(summary, latency, requests)
  local totals = { 0, 0, 0 }
  for _, thread in ipairs(threads) do
    totals[1] = totals[1] + thread:get("ok")
    totals[2] = totals[2] + thread:get("unavailable")
    totals[3] = totals[3] + thread:get("other")
  end
  io.write(string.format("STATUS ok=%d unavailable=%d other=%d\n", totals[1], totals[2], totals[3]))
end
