-- database1's endpoints in turn (GET by id, POST, first page): wrk ... -s database1-mix.lua URL -- FIRST LAST PREFIX
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "statuses"

local first, last, prefix, counter
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  first, last, prefix, counter = tonumber(args[1]), tonumber(args[2]), args[3], 0
end

function request()
  counter = counter + 1
  local turn = counter % 3
  if turn == 0 then
    return wrk.format("GET", "/customers/" .. math.random(first, last))
  elseif turn == 1 then
    local body = string.format('{"email":"%s-%d-%d@bench.example","name":"Bench customer"}', prefix, thread_number, counter)
    return wrk.format("POST", "/customers", headers, body)
  end
  return wrk.format("GET", "/customers?limit=50")
end
