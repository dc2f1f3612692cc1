-- Submitting the share form as phones do, in two wrk runs (bench/run.py):
--   wrk ... -s submit.lua URL -- collect DIR   GET /share with no cookie, again and again: each
--       answer is a new session with its own CSRF token and one-time form token; every form
--       is written to DIR/forms-N.txt (one file per wrk thread) with its session cookie.
--   wrk ... -s submit.lua URL -- send DIR      POST each collected form once, with its own
--       cookie; each must answer 303 -> /share/sent. Only these POSTs are timed, so the
--       req/s is submits per second. A thread that runs out of forms says so (RAN_OUT).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  mode, ok, bad, ran_out, n = args[1], 0, 0, 0, 0
  local path = args[2] .. "/forms-" .. id .. ".txt"
  forms = {}
  if mode == "collect" then
    out = assert(io.open(path, "w"))
  else
    for line in io.lines(path) do table.insert(forms, line) end
  end
end

function request()
  if mode == "collect" then
    return wrk.format("GET", "/share")
  end
  local line = table.remove(forms)
  if line == nil then
    ran_out = ran_out + 1
    return wrk.format("GET", "/share")
  end
  local cookie, body = line:match("^([^\t]+)\t(.+)$")
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}
  for name, value in pairs(wrk.headers) do  -- wrk's -H options (Connection: close)
    if headers[name] == nil then headers[name] = value end
  end
  return wrk.format("POST", "/share", headers, body)
end

local function collected(status, headers, body)
  local cookie = (headers["Set-Cookie"] or ""):match("^([^;]+)")
  local csrf = body:match('name="csrf_token" type="hidden" value="([^"]+)"')
  local token = body:match('name="form_token" type="hidden" value="([^"]+)"')
  local theme = body:match('name="theme"[^>]-value="(%d+)"')
  if status ~= 200 or not (cookie and csrf and token and theme) then
    bad = bad + 1
    return
  end
  n = n + 1
  out:write(cookie, "\t", "csrf_token=", csrf, "&form_token=", token, "&theme=", theme,
            "&kind=idea&audience=not_sure&reply_by=code",
            "&message=More+youth+clubs+open+at+weekends%2C+please.+", id, "-", n, "\n")
  out:flush()
end

function response(status, headers, body)
  if mode == "collect" then
    return collected(status, headers, body)
  end
  if status == 303 and (headers["Location"] or ""):match("/share/sent$") then
    ok = ok + 1
  elseif status ~= 200 or ran_out == 0 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local sum = {ok = 0, bad = 0, ran_out = 0, n = 0}
  for _, thread in ipairs(threads) do
    for key in pairs(sum) do sum[key] = sum[key] + thread:get(key) end
  end
  io.write(string.format("SUBMIT_OK %d\nSUBMIT_BAD %d\nRAN_OUT %d\nCOLLECTED %d\nP95_US %d\n",
                         sum.ok, sum.bad, sum.ran_out, sum.n, latency:percentile(95)))
end
