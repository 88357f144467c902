-- One request per random id in a range, counting answers by status:
-- wrk ... -s each-id.lua URL -- METHOD PATH FIRST LAST   (PATH holds {id}, e.g. /invoices/{id}/pay)
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "statuses"

local method, path, first, last

function init(args)
  method, path, first, last = args[1], args[2], tonumber(args[3]), tonumber(args[4])
end

function request()
  return wrk.format(method, (path:gsub("{id}", tostring(math.random(first, last)))))
end
