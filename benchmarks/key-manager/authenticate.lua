-- wrk script: POST /internal/v1/keys/authenticate with one API key and a service JWT.
-- Usage: wrk ... -s authenticate.lua <url> -- <jwt> <api_key>
local token, api_key

function init(args)
  token = args[1]
  api_key = args[2]
end

function request()
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, '{"api_key":"' .. api_key .. '"}')
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"outcome":"valid"', 1, true) then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("unexpected answer " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    end
  end
end
