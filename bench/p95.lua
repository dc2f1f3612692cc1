-- Print the p95 latency (microseconds) in a line run.py can find.
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\n", latency:percentile(95)))
end
