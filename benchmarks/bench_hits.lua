-- wrk script for `manage.py bench_reach_hits`: a bounded, exactly known load.
--
-- Hit i (0 <= i < HITS) comes from visitor i % VISITORS and views page
-- PAGES[floor(i / VISITORS) % #PAGES + 1]; wrk thread t sends the hits
-- i = t, t + THREADS, ... in that order. A thread stops once every hit it
-- sent has been answered. Until the others are done, its idle connections
-- fetch a static file (answered 200, not 204), so no beacon is ever left in
-- flight and the server's count can be compared with what was sent.
--
-- A hit whose connection is lost never gets an answer, and wrk has no hook for
-- it. So a thread that has sent all its hits and heard nothing on them for
-- GRACE seconds (longer than wrk's own --timeout) gives them up as lost and
-- stops, instead of keeping wrk running for its whole time limit.
--
-- HITS, VISITORS, THREADS, PAGES and GRACE are prepended by the command.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  index = id
  planned = 0
  for i = id, HITS - 1, THREADS do planned = planned + 1 end
  answered = 0
  failed = 0
  last_heard = os.time()
  filler = wrk.format("GET", "/static/js/reach.js")
  -- wrk calls request() once on the first thread before the run to check for
  -- pipelining, and throws that request away: give it a filler, not a hit.
  -- (Were it a real call, the filler would simply be sent.)
  spare_first = id == 0
end

function request()
  if spare_first or index >= HITS then
    spare_first = false
    return filler
  end
  local visitor = index % VISITORS
  local page = PAGES[math.floor(index / VISITORS) % #PAGES + 1]
  index = index + THREADS
  return wrk.format("POST", "/api/reach/hit", {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0 benchvisitor/" .. visitor,
    ["Content-Type"] = "text/plain;charset=UTF-8",
  }, '{"p":' .. page .. ',"r":"https://www.facebook.com/","q":""}')
end

function response(status, headers, body)
  if status == 204 then
    answered = answered + 1
    last_heard = os.time()
  elseif status ~= 200 then
    failed = failed + 1
    last_heard = os.time()
  end
  if finished then
    return
  end
  local lost = planned - answered - failed
  if lost == 0 or (index >= HITS and os.time() - last_heard >= GRACE) then
    -- wrk itself runs for its full -d; the command stops it (SIGINT) once
    -- every thread has said this, and times the run by these lines.
    finished = true
    io.write(string.format("THREAD DONE lost=%d\n", lost))
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local answered_all, failed_all = 0, 0
  for _, thread in ipairs(threads) do
    answered_all = answered_all + thread:get("answered")
    failed_all = failed_all + thread:get("failed")
  end
  io.write(string.format(
    "BENCH answered=%d failed=%d requests=%d duration_us=%d p50_us=%d p95_us=%d socket_errors=%d\n",
    answered_all, failed_all, summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
