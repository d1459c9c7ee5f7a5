-- One token bucket, taken from atomically (Redis runs a script alone), shared by every gateway instance.
-- The same semantics as the in-memory Bucket4j buckets: holds at most ARGV[1] (burst) tokens, refills ARGV[2]
-- (per minute) tokens a minute, evenly ("greedy" refill), starts full.
-- KEYS[1]: the caller's bucket, a hash {tokens, at}; at = milliseconds of the last update.
-- Returns 0 when a token was taken, otherwise the milliseconds until the next token (at least 1).
-- Time is the Redis server's own (TIME), so the gateways' clocks never need to agree.
local capacity = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
if now > at and perMinute > 0 then
  tokens = math.min(capacity, tokens + (now - at) * perMinute / 60000)
end

local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  if perMinute > 0 then
    wait = math.max(1, math.ceil((1 - tokens) * 60000 / perMinute))
  else
    wait = 60000
  end
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- Dropped once it would be full again: a missing bucket is a full one.
local untilFull = 60000
if perMinute > 0 then
  untilFull = math.ceil((capacity - tokens) * 60000 / perMinute)
end
redis.call('PEXPIRE', KEYS[1], untilFull + 1000)
return wait
