-- POST one short message to the floor (bench/hello.py /save); each must answer 303.
wrk.method = "POST"
wrk.body = "message=The+school+bus+is+always+late+and+I+get+told+off+for+it."
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\n", latency:percentile(95)))
end
