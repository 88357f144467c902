-- GET /customers/{id}/invoices (database1, then database2): wrk ... -s invoices.lua URL -- FIRST LAST
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "statuses"

local first, last

function init(args)
  first, last = tonumber(args[1]), tonumber(args[2])
end

function request()
  return wrk.format("GET", "/customers/" .. math.random(first, last) .. "/invoices")
end
