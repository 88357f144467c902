-- GET /customers?limit=50 (the URL carries the query): wrk ... -s page.lua URL
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require "report"
