-- POST /customers with an email no run has used: wrk ... -s post-customer.lua URL -- PREFIX
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"

local threads = 0

-- Runs in the main Lua state: each thread gets its own number, so emails never collide across threads.
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local prefix, counter
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  prefix, counter = args[1], 0
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"%s-%d-%d@bench.example","name":"Bench customer %d"}',
    prefix, thread_number, counter, counter)
  return wrk.format("POST", "/customers", headers, body)
end
