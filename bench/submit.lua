-- Submitting the share form as phones do: each submit is a GET /share with no cookie (a new
-- session, CSRF token and one-time form token), then a POST of that form with that session's
-- cookie, which must answer 303 -> /share/sent. Each wrk thread keeps the forms it has been
-- given and not yet sent; a connection that is free sends one if there is one, else opens a
-- new form. Run by bench/run.py: wrk -s bench/submit.lua http://127.0.0.1:PORT
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  forms, ok, bad, n = {}, 0, 0, 0
end

local function field(body, pattern)
  return body:match(pattern)
end

function request()
  local form = table.remove(forms)
  if form == nil then
    return wrk.format("GET", "/share")
  end
  return wrk.format("POST", "/share", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = form.cookie,
  }, form.body)
end

function response(status, headers, body)
  if status == 303 then
    if (headers["Location"] or ""):match("/share/sent$") then ok = ok + 1 else bad = bad + 1 end
    return
  end
  if status ~= 200 or body:find("There is a problem", 1, true) then
    bad = bad + 1
    return
  end
  local cookie = (headers["Set-Cookie"] or ""):match("^([^;]+)")
  local csrf = field(body, 'name="csrf_token" type="hidden" value="([^"]+)"')
  local token = field(body, 'name="form_token" type="hidden" value="([^"]+)"')
  local theme = field(body, 'name="theme"[^>]-value="(%d+)"')
  if not (cookie and csrf and token and theme) then
    bad = bad + 1
    return
  end
  n = n + 1
  table.insert(forms, {cookie = cookie, body = "csrf_token=" .. csrf .. "&form_token=" .. token
    .. "&theme=" .. theme .. "&kind=idea&audience=not_sure&reply_by=code"
    .. "&message=More+youth+clubs+open+at+weekends%2C+please.+" .. n})
end

function done(summary, latency, requests)
  local sent, failed = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("ok")
    failed = failed + thread:get("bad")
  end
  io.write(string.format("SUBMIT_OK %d\nSUBMIT_BAD %d\nP95_US %d\n", sent, failed,
                         latency:percentile(95)))
end
