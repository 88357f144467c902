-- POST /invoices/{id}/pay (database2 only; 409 once paid): wrk ... -s pay.lua URL -- FIRST LAST
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "statuses"

local first, last

function init(args)
  first, last = tonumber(args[1]), tonumber(args[2])
end

function request()
  return wrk.format("POST", "/invoices/" .. math.random(first, last) .. "/pay")
end
