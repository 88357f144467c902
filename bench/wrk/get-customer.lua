-- GET /customers/{id} over the seeded ids: wrk ... -s get-customer.lua URL -- FIRST_ID LAST_ID
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"

local first, last

function init(args)
  first, last = tonumber(args[1]), tonumber(args[2])
end

function request()
  return wrk.format("GET", "/customers/" .. math.random(first, last))
end
