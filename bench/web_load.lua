-- wrk script for bench/web_load.sh: each request is a random line of $PATHS_FILE (a mix of API
-- searches, search pages and provision pages); at the end, requests per second and latency
-- percentiles as one line a figure.
local paths = {}

function init(args)
  local file = assert(io.open(os.getenv("PATHS_FILE"), "r"))
  for line in file:lines() do paths[#paths + 1] = line end
  file:close()
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests     %d in %.1f s (%d errors: %d non-2xx, %d timeouts)\n", summary.requests,
                         seconds, summary.errors.status + summary.errors.timeout + summary.errors.connect +
                         summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("requests/s   %.1f\n", summary.requests / seconds))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%-2d          %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max          %.1f ms\n", latency.max / 1000))
  -- One Markdown table row for web_load.sh's summary (CLIENTS is set by it).
  io.write(string.format("row | %s | %.1f | %.1f | %.1f | %.1f | %d |\n", os.getenv("CLIENTS") or "?",
                         summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
                         latency:percentile(99) / 1000, summary.errors.status + summary.errors.timeout +
                         summary.errors.connect + summary.errors.read + summary.errors.write))
end
