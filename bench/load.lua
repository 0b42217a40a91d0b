-- wrk script: POSTs the corpus's raw e-mails in turn to /api/messages. Each message gets a fresh
-- Message-ID per request so that none is answered as a duplicate: the thread's number, a counter, and
-- the run's name (the second argument), so that a warm-up and the measured run never send the same.
local bodies = {}
local counter = 0
local threads = 0
local run = "run"
local pause = 0

-- Runs in the main state: numbers the threads, so each one makes Message-IDs of its own.
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  local folder = args[1]
  local list = io.popen('ls "' .. folder .. '"')
  for name in list:lines() do
    local f = io.open(folder .. "/" .. name, "rb")
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  list:close()
  counter = wrk.thread:get("id") * 100000000
  run = args[2] or run
  -- args[3]: messages per second for this instance (0: as fast as it goes); args[4]: connections.
  local rate = tonumber(args[3] or "0")
  if rate > 0 then
    pause = 1000 * tonumber(args[4]) / rate
  end
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  body = body:gsub("Message%-ID: <bench%-", "Message-ID: <" .. run .. "-" .. counter .. "-", 1)
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "message/rfc822"}, body)
end

-- Paces each connection: it waits this long after an answer before sending its next message.
function delay()
  return pause
end

local errors = 0
function response(status, headers, body)
  if status ~= 201 then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end
