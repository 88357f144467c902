-- POST /customers, writing the id of every 201 to a file: wrk -t1 ... -s post-record.lua URL -- PREFIX FILE
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"

local prefix, counter, ids
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  prefix, counter = args[1], 0
  ids = io.open(args[2], "a")
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"%s-%d@bench.example","name":"Acknowledged %d"}', prefix, counter, counter)
  return wrk.format("POST", "/customers", headers, body)
end

function response(status, headers)
  if status == 201 then
    ids:write(headers["Location"]:match("(%d+)$"), "\n")
    ids:flush()
  end
end
