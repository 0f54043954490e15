#!lua name=netduplex_v1
--[[
NetDuplex's store decisions (docs/protocol.md section 18): each function is one atomic step that
Mailbox and SessionRegistry make under their locks in a single JVM. Redis runs a function alone,
so "check and act" can never interleave with another node's.

Calling convention, every function: KEYS[1] is the key the call is routed by (the address's
session hash, or a global key); ARGV[1] the key prefix, ARGV[2] the epoch the caller knows
(a Redis that lost its data has another one, or none: the call fails with NDEPOCH), ARGV[3] the
caller's wall-clock time in ms (functions never read TIME: the engine's clock is injected).
Per-address keys share the hash tag {address}.

Queued entry: "<bytes11> <bytes12> <sidLength> <sid><payload>" (payload: the Java entry codec's
binary part). In-flight entry: "<number> <entry>" (number 0 on an address that does not ack).
]]

-- Registers a function that never writes (callable on a replica, and while Redis refuses writes).
local function read_only(name, callback)
  redis.register_function{function_name = name, callback = callback, flags = {'no-writes'}}
end

local function key(p, kind, a)
  return p .. ':' .. kind .. ':{' .. a .. '}'
end

local function check_epoch(p, epoch)
  local current = redis.call('GET', p .. ':epoch')
  if current ~= epoch then
    return redis.error_reply('NDEPOCH ' .. tostring(current or ''))
  end
  return nil
end

-- sid and the two batch sizes of a queued entry
local function parse(e)
  local b11, b12, n, pos = string.match(e, '^(%d+) (%d+) (%d+) ()')
  return string.sub(e, pos, pos + tonumber(n) - 1), tonumber(b11), tonumber(b12)
end

-- number and queued entry of an in-flight entry
local function parse_flight(f)
  local seq, pos = string.match(f, '^(%d+) ()')
  return tonumber(seq), string.sub(f, pos)
end

local function counter(c, field)
  return tonumber(redis.call('HGET', c, field) or '0')
end

local function publish(p, node, text)
  redis.call('PUBLISH', p .. ':node:' .. node, text)
end

-- Tells the node whose poll is parked on the address that something waits ("wake <token> <a>").
-- The caller's own node is told by the reply instead (it takes at once): returns owner, token.
local function wake_owner(p, a, self)
  local owner = redis.call('GET', key(p, 'p', a))
  if not owner then
    return '', ''
  end
  local node, token = string.match(owner, '^(%S+) (%S+)$')
  if node ~= self then
    publish(p, node, 'wake ' .. token .. ' ' .. a)
  end
  return node, token
end

local function touch_sessions(p, a, now)
  for _, sid in ipairs(redis.call('HKEYS', key(p, 'a', a))) do
    redis.call('ZADD', p .. ':idle', 'XX', now, sid)
    redis.call('ZADD', p .. ':idlec', 'XX', now, sid)
  end
end

-- Half-closed sessions of the address that have nothing left to deliver (they must end now).
local function drained_of(p, a, sids)
  local out, seen = {}, {}
  local c = key(p, 'c', a)
  for _, sid in ipairs(sids) do
    if not seen[sid] then
      seen[sid] = true
      if redis.call('HGET', key(p, 'a', a), sid) == 'closing'
          and counter(c, 'q:' .. sid) <= 0 and counter(c, 'f:' .. sid) <= 0 then
        out[#out + 1] = sid
      end
    end
  end
  return out
end

-- Non-acking address: moves what is in flight back to the head of the queue, in order; entries
-- of sessions that ended are dropped (returned count). Clears the lease.
local function requeue_flight(p, a)
  local f, q, c = key(p, 'f', a), key(p, 'q', a), key(p, 'c', a)
  local owner = redis.call('HGET', key(p, 'fo', a), 'node')
  local flight = redis.call('LRANGE', f, 0, -1)
  local dropped = 0
  for i = #flight, 1, -1 do
    local _, e = parse_flight(flight[i])
    local sid = parse(e)
    if redis.call('HEXISTS', key(p, 'a', a), sid) == 1 then
      redis.call('LPUSH', q, e)
      redis.call('HINCRBY', c, 'q:' .. sid, 1)
    else
      dropped = dropped + 1
    end
  end
  redis.call('DEL', f, key(p, 'fo', a))
  if owner then
    redis.call('SREM', p .. ':nf:' .. owner, a)
  end
  return dropped
end

-- The next message for a poll of the address: on an acking address the lowest in flight (sent
-- again), else the queue's head (numbered if acking, else in flight under the poll's lease).
-- Returns number, entry, or nil if nothing waits; 'guard' if a live lease holds an answer being
-- written (the poll must wait so that order is kept).
local function take_next(p, a, node, token, now, lease)
  local f, q, c, ds = key(p, 'f', a), key(p, 'q', a), key(p, 'c', a), key(p, 'ds', a)
  local acking = redis.call('EXISTS', ds) == 1
  if acking then
    local first = redis.call('LINDEX', f, 0)
    if first then
      return parse_flight(first)
    end
  elseif redis.call('LLEN', f) > 0 then
    local deadline = tonumber(redis.call('HGET', key(p, 'fo', a), 'lease') or '0')
    if deadline > now then
      return 'guard'
    end
    requeue_flight(p, a) -- the writer vanished: its messages go first again
  end
  local e = redis.call('LPOP', q)
  if not e then
    return nil
  end
  local sid = parse(e)
  redis.call('HINCRBY', c, 'q:' .. sid, -1)
  if acking then
    local seq = redis.call('HINCRBY', ds, 'last', 1)
    redis.call('RPUSH', f, seq .. ' ' .. e)
    redis.call('HINCRBY', c, 'f:' .. sid, 1)
    return seq, e
  end
  redis.call('RPUSH', f, '0 ' .. e)
  redis.call('HSET', key(p, 'fo', a), 'node', node, 'poll', token, 'lease', now + lease)
  redis.call('SADD', p .. ':nf:' .. node, a)
  return 0, e
end

local function stream_id(p, a)
  return redis.call('HGET', key(p, 'ds', a), 'id') or ''
end

local function more(p, a)
  return redis.call('LLEN', key(p, 'q', a)) > 0 and 1 or 0
end

-- Releases, in order, what an ack covers on an acking address: the numbers up to highest of
-- its stream. Returns released in-flight entries, and whether highest is beyond any sent.
local function release(p, a, stream, highest)
  local ds = key(p, 'ds', a)
  local id = redis.call('HGET', ds, 'id')
  if not id or id ~= stream then
    return {}, 0
  end
  local beyond = highest > tonumber(redis.call('HGET', ds, 'last') or '0') and 1 or 0
  local f, c = key(p, 'f', a), key(p, 'c', a)
  local released = {}
  while true do
    local first = redis.call('LINDEX', f, 0)
    if not first then
      break
    end
    local seq, e = parse_flight(first)
    if seq > highest then
      break
    end
    redis.call('LPOP', f)
    redis.call('HINCRBY', c, 'f:' .. parse(e), -1)
    released[#released + 1] = first
  end
  return released, beyond
end

local function sids_of_flights(list)
  local sids = {}
  for i, fl in ipairs(list) do
    local _, e = parse_flight(fl)
    sids[i] = parse(e)
  end
  return sids
end

-- Removes every entry of sid from a list (queue or in-flight); returns how many.
local function drop_from(list_key, sid, flight)
  local all = redis.call('LRANGE', list_key, 0, -1)
  local keep, dropped = {}, 0
  for _, item in ipairs(all) do
    local e = item
    if flight then
      local _
      _, e = parse_flight(item)
    end
    if parse(e) == sid then
      dropped = dropped + 1
    else
      keep[#keep + 1] = item
    end
  end
  if dropped > 0 then
    redis.call('DEL', list_key)
    for i = 1, #keep, 1000 do
      redis.call('RPUSH', list_key, unpack(keep, i, math.min(i + 999, #keep)))
    end
  end
  return dropped
end

-- Ends session sid of address a for reason; nil if it had already ended. Returns dropped
-- messages, whether it was the last of its address, and the parked poll's owner and token
-- (told "ended" by publish unless it is self's).
local function end_session(p, a, sid, reason, now, tombstone_ms, self)
  local ak = key(p, 'a', a)
  if redis.call('HEXISTS', ak, sid) == 0 then
    return nil
  end
  local c = key(p, 'c', a)
  redis.call('HDEL', ak, sid)
  local dropped = drop_from(key(p, 'q', a), sid, false)
  if redis.call('EXISTS', key(p, 'ds', a)) == 1 then
    dropped = dropped + drop_from(key(p, 'f', a), sid, true) -- acked never: dropped with its session
  end
  redis.call('HDEL', c, 'q:' .. sid, 'f:' .. sid, 'o:' .. sid, 'ov11:' .. sid, 'ov12:' .. sid)
  redis.call('ZREM', p .. ':idle', sid)
  redis.call('ZREM', p .. ':idlec', sid)
  redis.call('DEL', p .. ':sid:' .. sid)
  redis.call('SET', p .. ':ended:' .. sid, reason, 'PX', tombstone_ms)
  redis.call('DECR', p .. ':count')
  local sg = key(p, 'sg', a) .. ':' .. sid
  for _, g in ipairs(redis.call('SMEMBERS', sg)) do
    redis.call('SREM', p .. ':g:' .. g, sid)
  end
  redis.call('DEL', sg)
  redis.call('XADD', p .. ':events', 'MAXLEN', '~', 100000, '*',
      'sid', sid, 'address', a, 'reason', reason, 'node', self)
  local last = redis.call('HLEN', ak) == 0 and 1 or 0
  local owner, token = '', ''
  if last == 1 then
    local parked = redis.call('GET', key(p, 'p', a))
    if parked then
      owner, token = string.match(parked, '^(%S+) (%S+)$')
      if owner ~= self then
        publish(p, owner, 'ended ' .. token .. ' ' .. a .. ' ' .. reason)
      end
    end
    local fo_owner = redis.call('HGET', key(p, 'fo', a), 'node')
    if fo_owner then
      redis.call('SREM', p .. ':nf:' .. fo_owner, a)
    end
    redis.call('DEL', key(p, 'p', a), key(p, 'q', a), key(p, 'f', a), key(p, 'fo', a), key(p, 'ds', a), c)
  end
  return {dropped, last, owner, token}
end

-- The answer to a take, poll or expire that found a message: {'msg', number, entry, more, stream}.
local function message_reply(p, a, seq, e)
  return {'msg', seq, e, more(p, a), stream_id(p, a)}
end

---------------------------------------------------------------------------------------------
-- open: ARGV 4 address, 5 sid, 6 max sessions, 7 SOAP 1.1 overhead, 8 SOAP 1.2 overhead.
-- {'opened'} once per session cluster-wide; {'known', state, openedMs}; {'ended'}; {'mismatch', address};
-- {'full'}.
redis.register_function('nd_open', function(keys, args)
  local p, now, a, sid = args[1], tonumber(args[3]), args[4], args[5]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  if redis.call('EXISTS', p .. ':ended:' .. sid) == 1 then
    return {'ended'}
  end
  local known = redis.call('GET', p .. ':sid:' .. sid)
  if known then
    if known ~= a then
      return {'mismatch', known}
    end
    redis.call('ZADD', p .. ':idle', 'XX', now, sid)
    redis.call('ZADD', p .. ':idlec', 'XX', now, sid)
    return {'known', redis.call('HGET', key(p, 'a', a), sid),
            redis.call('HGET', key(p, 'c', a), 'o:' .. sid) or tostring(now)}
  end
  if redis.call('INCR', p .. ':count') > tonumber(args[6]) then
    redis.call('DECR', p .. ':count')
    return {'full'}
  end
  redis.call('SET', p .. ':sid:' .. sid, a)
  redis.call('HSET', key(p, 'a', a), sid, 'open')
  redis.call('HSET', key(p, 'c', a), 'o:' .. sid, now, 'ov11:' .. sid, args[7], 'ov12:' .. sid, args[8])
  redis.call('ZADD', p .. ':idle', now, sid)
  return {'opened'}
end)

-- session: ARGV 4 sid. What a node needs for a handle it does not hold:
-- {address, state, openedMs, queued, inFlight, parked} or {} if unknown; {'ended', reason} if it ended.
read_only('nd_session', function(keys, args)
  local p, sid = args[1], args[4]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local a = redis.call('GET', p .. ':sid:' .. sid)
  if not a then
    local reason = redis.call('GET', p .. ':ended:' .. sid)
    if reason then
      return {'ended', reason}
    end
    return {}
  end
  local c = key(p, 'c', a)
  return {a, redis.call('HGET', key(p, 'a', a), sid) or 'ended', redis.call('HGET', c, 'o:' .. sid) or '0',
          counter(c, 'q:' .. sid), counter(c, 'f:' .. sid), redis.call('EXISTS', key(p, 'p', a))}
end)

-- touch: ARGV 4 address, 5 sid. A call is activity; returns the state ('open', 'closing', or '' if ended).
redis.register_function('nd_touch', function(keys, args)
  local p, now, a, sid = args[1], tonumber(args[3]), args[4], args[5]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local state = redis.call('HGET', key(p, 'a', a), sid)
  if not state then
    return ''
  end
  redis.call('ZADD', p .. ':idle', 'XX', now, sid)
  redis.call('ZADD', p .. ':idlec', 'XX', now, sid)
  return state
end)

-- close: ARGV 4 address, 5 sid. The client half-closed the session; 1 if nothing is left to
-- deliver (end it now), 0 if it drains first, -1 if it had ended.
redis.register_function('nd_close', function(keys, args)
  local p, now, a, sid = args[1], tonumber(args[3]), args[4], args[5]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local ak = key(p, 'a', a)
  if redis.call('HEXISTS', ak, sid) == 0 then
    return -1
  end
  redis.call('HSET', ak, sid, 'closing')
  redis.call('ZREM', p .. ':idle', sid)
  redis.call('ZADD', p .. ':idlec', now, sid)
  return #drained_of(p, a, {sid})
end)

-- end: ARGV 4 address, 5 sid, 6 reason, 7 tombstone ms, 8 node. {dropped, last, owner, token}
-- or {} if it had already ended (whoever ended it acts on it).
redis.register_function('nd_end', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  return end_session(p, args[4], args[5], args[6], tonumber(args[3]), tonumber(args[7]), args[8]) or {}
end)

-- offer: ARGV 4 address, 5 sid, 6 entry, 7 max per session, 8 node.
-- {'queued', owner, token} (owner '' if no poll is parked; a poll parked on another node was
-- woken by publish), {'full'}, {'ended'}.
redis.register_function('nd_offer', function(keys, args)
  local p, a, sid, e = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  if redis.call('HGET', key(p, 'a', a), sid) ~= 'open' then
    return {'ended'}
  end
  local c = key(p, 'c', a)
  if counter(c, 'q:' .. sid) + counter(c, 'f:' .. sid) >= tonumber(args[7]) then
    return {'full'}
  end
  redis.call('RPUSH', key(p, 'q', a), e)
  redis.call('HINCRBY', c, 'q:' .. sid, 1)
  local owner, token = wake_owner(p, a, args[8])
  return {'queued', owner, token}
end)

-- poll: ARGV 4 address, 5 node, 6 token, 7 lease ms, 8 park ms, 9 has ack (0/1), 10 ack stream,
-- 11 ack highest, 12 a fresh stream id (used if this ack makes the address acking).
-- Touches the address's sessions, releases what the ack covers, then takes or parks:
-- {'unknown'}; {'msg', number, entry, more, stream, released, beyond, drained};
-- {'parked', replacedToken, released, beyond, drained} (replacedToken: a poll of this node it
-- replaced; drained: half-closed sessions the ack left with nothing to deliver).
redis.register_function('nd_poll', function(keys, args)
  local p, now, a, node, token = args[1], tonumber(args[3]), args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  if redis.call('EXISTS', key(p, 'a', a)) == 0 then
    return {'unknown'}
  end
  touch_sessions(p, a, now)
  local released, beyond = {}, 0
  if args[9] == '1' then
    local ds = key(p, 'ds', a)
    if redis.call('EXISTS', ds) == 0 then
      redis.call('HSET', ds, 'id', args[12], 'last', 0)
    end
    released, beyond = release(p, a, args[10], tonumber(args[11]))
  end
  local seq, e = take_next(p, a, node, token, now, tonumber(args[7]))
  if seq and seq ~= 'guard' then
    local reply = message_reply(p, a, seq, e)
    reply[6], reply[7], reply[8] = released, beyond, drained_of(p, a, sids_of_flights(released))
    return reply
  end
  local previous = redis.call('SET', key(p, 'p', a), node .. ' ' .. token, 'PX', tonumber(args[8]), 'GET')
  local replaced = ''
  if previous then
    local pnode, ptoken = string.match(previous, '^(%S+) (%S+)$')
    if pnode == node then
      replaced = ptoken
    else
      publish(p, pnode, 'replaced ' .. ptoken .. ' ' .. a)
    end
  end
  return {'parked', replaced, released, beyond, drained_of(p, a, sids_of_flights(released))}
end)

-- take: ARGV 4 address, 5 node, 6 token, 7 lease ms. For a parked poll that was woken: acts only
-- if the parked-poll key still names this poll. {'msg', ...} (the poll is no longer parked),
-- {'none'} (nothing yet, or an answer is being written: stays parked), {'gone'}.
redis.register_function('nd_take', function(keys, args)
  local p, now, a, node, token = args[1], tonumber(args[3]), args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local pk = key(p, 'p', a)
  if redis.call('GET', pk) ~= node .. ' ' .. token then
    return {'gone'}
  end
  local seq, e = take_next(p, a, node, token, now, tonumber(args[7]))
  if not seq or seq == 'guard' then
    return {'none'}
  end
  redis.call('DEL', pk)
  return message_reply(p, a, seq, e)
end)

-- expire: ARGV 4 address, 5 node, 6 token, 7 lease ms. The parked poll's timeout: takes if
-- anything waits (a lost wake-up costs latency, never a message), else lets go of the address.
-- {'msg', ...}, {'empty'}, {'gone'} (replaced or answered meanwhile).
redis.register_function('nd_expire', function(keys, args)
  local p, now, a, node, token = args[1], tonumber(args[3]), args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local pk = key(p, 'p', a)
  if redis.call('GET', pk) ~= node .. ' ' .. token then
    return {'gone'}
  end
  redis.call('DEL', pk)
  local seq, e = take_next(p, a, node, token, now, tonumber(args[7]))
  if not seq or seq == 'guard' then
    return {'empty'}
  end
  return message_reply(p, a, seq, e)
end)

-- unpark: ARGV 4 address, 5 node, 6 token. A node that stops lets go of its parked poll: 1 if it
-- still held the address.
redis.register_function('nd_unpark', function(keys, args)
  local p, a = args[1], args[4]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local pk = key(p, 'p', a)
  if redis.call('GET', pk) ~= args[5] .. ' ' .. args[6] then
    return 0
  end
  redis.call('DEL', pk)
  return 1
end)

-- drain: ARGV 4 address, 5 node, 6 token, 7 first number, 8 max messages, 9 max bytes,
-- 10 soap12 (0/1), 11 bytes a number adds (the widest). The rest of a batch answer, in order,
-- within the budget: {more, entry-with-number...}. Fenced: a non-acking address's entries are
-- taken only under this poll's lease.
redis.register_function('nd_drain', function(keys, args)
  local p, a, node, token = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local first, max, budget, soap12, seq_bytes =
      tonumber(args[7]), tonumber(args[8]), tonumber(args[9]), args[10] == '1', tonumber(args[11])
  local f, q, c, ds = key(p, 'f', a), key(p, 'q', a), key(p, 'c', a), key(p, 'ds', a)
  local acking = redis.call('EXISTS', ds) == 1
  local taken, bytes = {}, 0
  local function size(e)
    local _, b11, b12 = parse(e)
    return soap12 and b12 or b11
  end
  if acking then
    for _, fl in ipairs(redis.call('LRANGE', f, 0, -1)) do
      local seq, e = parse_flight(fl)
      if seq > first then
        bytes = bytes + size(e) + seq_bytes
        if #taken >= max or bytes > budget then
          return {more(p, a), unpack(taken)}
        end
        taken[#taken + 1] = fl
      end
    end
  else
    local fo = key(p, 'fo', a)
    if redis.call('HGET', fo, 'poll') ~= token or redis.call('HGET', fo, 'node') ~= node then
      return {more(p, a)}
    end
  end
  while #taken < max do
    local e = redis.call('LINDEX', q, 0)
    if not e then
      break
    end
    bytes = bytes + size(e) + (acking and seq_bytes or 0)
    if bytes > budget then
      break
    end
    redis.call('LPOP', q)
    local sid = parse(e)
    redis.call('HINCRBY', c, 'q:' .. sid, -1)
    local seq = 0
    if acking then
      seq = redis.call('HINCRBY', ds, 'last', 1)
      redis.call('HINCRBY', c, 'f:' .. sid, 1)
    end
    redis.call('RPUSH', f, seq .. ' ' .. e)
    taken[#taken + 1] = seq .. ' ' .. e
  end
  if #taken == 0 then
    return {more(p, a)}
  end
  return {more(p, a), unpack(taken)}
end)

-- written: ARGV 4 address, 5 node, 6 token. The answer of a non-acking address was written: its
-- entries leave the in-flight list. Fenced by the token: {'ok', drained sids...} or {'fenced'}
-- (the lease was reclaimed; the entries were requeued, and the client may see them twice).
-- A poll that parked behind the write is woken if anything waits.
redis.register_function('nd_written', function(keys, args)
  local p, a, node, token = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local fo = key(p, 'fo', a)
  if redis.call('HGET', fo, 'poll') ~= token or redis.call('HGET', fo, 'node') ~= node then
    return {'fenced'}
  end
  local f = key(p, 'f', a)
  local sids = sids_of_flights(redis.call('LRANGE', f, 0, -1))
  redis.call('DEL', f, fo)
  redis.call('SREM', p .. ':nf:' .. node, a)
  if redis.call('LLEN', key(p, 'q', a)) > 0 then
    wake_owner(p, a, '')
  end
  return {'ok', unpack(drained_of(p, a, sids))}
end)

-- requeue: ARGV 4 address, 5 node, 6 token. The answer could not be written: a non-acking
-- address's in-flight entries go back to the head in order (fenced); an acking address keeps
-- them in flight (the next poll resends them). The parked poll, if any, is woken.
-- {'ok', dropped, owner, token} or {'fenced'}.
redis.register_function('nd_requeue', function(keys, args)
  local p, a, node, token = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local dropped = 0
  if redis.call('EXISTS', key(p, 'ds', a)) == 0 then
    local fo = key(p, 'fo', a)
    if redis.call('HGET', fo, 'poll') ~= token or redis.call('HGET', fo, 'node') ~= node then
      return {'fenced'}
    end
    dropped = requeue_flight(p, a)
  end
  local owner, ptoken = '', ''
  if redis.call('LLEN', key(p, 'q', a)) > 0 or redis.call('LLEN', key(p, 'f', a)) > 0 then
    owner, ptoken = wake_owner(p, a, node)
  end
  return {'ok', dropped, owner, ptoken}
end)

-- ack: ARGV 4 address, 5 stream, 6 highest. An nda:Ack outside a poll (with a session's close):
-- {released in-flight entries, drained sids}.
redis.register_function('nd_ack', function(keys, args)
  local p, a = args[1], args[4]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local released = release(p, a, args[5], tonumber(args[6]))
  return {released, drained_of(p, a, sids_of_flights(released))}
end)

-- discard: ARGV 4 address, 5 number. A numbered message that cannot be encoded leaves flight
-- for good: 1, or 0 if it was acked or dropped meanwhile.
redis.register_function('nd_discard', function(keys, args)
  local p, a, seq = args[1], args[4], tonumber(args[5])
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local f = key(p, 'f', a)
  for _, fl in ipairs(redis.call('LRANGE', f, 0, -1)) do
    local n, e = parse_flight(fl)
    if n == seq then
      redis.call('LREM', f, 1, fl)
      redis.call('HINCRBY', key(p, 'c', a), 'f:' .. parse(e), -1)
      return 1
    end
  end
  return 0
end)

-- pending: ARGV 4 address. Whether messages wait for the next poll (wsmc:MessagePending).
read_only('nd_pending', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  return more(p, args[4])
end)

-- sweep: ARGV 4 inactivity ms, 5 close drain ms, 6 limit, 7 tombstone ms, 8 node. Ends sessions
-- idle that long (half-closed ones: the drain). ZREM is the claim: however many nodes sweep, each
-- session is ended by one. {sid, address, reason, dropped, last, owner, token} per session.
redis.register_function('nd_sweep', function(keys, args)
  local p, now = args[1], tonumber(args[3])
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local limit, tomb, node = tonumber(args[6]), tonumber(args[7]), args[8]
  local out = {}
  local function claim(zset, before, reason)
    for _, sid in ipairs(redis.call('ZRANGEBYSCORE', zset, '-inf', before, 'LIMIT', 0, limit)) do
      if redis.call('ZREM', zset, sid) == 1 then
        local a = redis.call('GET', p .. ':sid:' .. sid)
        if a then
          local r = end_session(p, a, sid, reason, now, tomb, node)
          if r then
            out[#out + 1] = {sid, a, reason, r[1], r[2], r[3], r[4]}
          end
        end
      end
    end
  end
  claim(p .. ':idle', now - tonumber(args[4]), 'INACTIVITY_TIMEOUT')
  claim(p .. ':idlec', now - tonumber(args[5]), 'CLOSED_BY_CLIENT')
  return out
end)

-- heartbeat: ARGV 4 node, 5 ttl ms. This node is alive until now + ttl.
redis.register_function('nd_heartbeat', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  redis.call('ZADD', p .. ':nodes', tonumber(args[3]) + tonumber(args[5]), args[4])
  return 1
end)

-- leave: ARGV 4 node. A node stopping cleanly: its in-flight leases go back at once.
-- reap: no more ARGV. For every node whose heartbeat lapsed, the in-flight entries it still
-- holds go back to the head of their queues, in order, and parked polls are woken. Idempotent:
-- racing reapers find nothing left. Returns the number of entries requeued.
local function reap_node(p, dead)
  local requeued = 0
  for _, a in ipairs(redis.call('SMEMBERS', p .. ':nf:' .. dead)) do
    if redis.call('HGET', key(p, 'fo', a), 'node') == dead then
      requeued = requeued + redis.call('LLEN', key(p, 'f', a))
      requeue_flight(p, a)
      wake_owner(p, a, '')
    end
  end
  redis.call('DEL', p .. ':nf:' .. dead)
  redis.call('ZREM', p .. ':nodes', dead)
  return requeued
end

redis.register_function('nd_reap', function(keys, args)
  local p, now = args[1], tonumber(args[3])
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local requeued = 0
  for _, dead in ipairs(redis.call('ZRANGEBYSCORE', p .. ':nodes', '-inf', now)) do
    requeued = requeued + reap_node(p, dead)
  end
  return requeued
end)

redis.register_function('nd_leave', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  return reap_node(p, args[4])
end)

-- join / leave a cluster-wide group: ARGV 4 address, 5 sid, 6 group. 1 if it changed, 0 if not,
-- -1 if the session is not open.
redis.register_function('nd_group_join', function(keys, args)
  local p, a, sid, g = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  if redis.call('HGET', key(p, 'a', a), sid) ~= 'open' then
    return -1
  end
  redis.call('SADD', key(p, 'sg', a) .. ':' .. sid, g)
  return redis.call('SADD', p .. ':g:' .. g, sid)
end)

redis.register_function('nd_group_leave', function(keys, args)
  local p, a, sid, g = args[1], args[4], args[5], args[6]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  redis.call('SREM', key(p, 'sg', a) .. ':' .. sid, g)
  return redis.call('SREM', p .. ':g:' .. g, sid)
end)

-- broadcast: ARGV 4 group, 5 cursor, 6 chunk, 7 max per session, 8 node, then per message:
-- payload, base bytes 1.1, base bytes 1.2. Offers the messages, in order, to a chunk of the
-- group's members (SSCAN, so a group of any size goes in bounded steps; the caller loops until
-- the cursor is '0'). Each member's entry adds its session's envelope overhead to the base sizes;
-- each address's parked poll is woken once. {cursor, reached, queued, refused sids, own polls}
-- (reached: members that took every message; own polls: 'token address' of polls parked on the
-- caller's node, which it takes itself). A member whose session ended leaves the group.
redis.register_function('nd_broadcast', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local g, max, self = p .. ':g:' .. args[4], tonumber(args[7]), args[8]
  local scan = redis.call('SSCAN', g, args[5], 'COUNT', tonumber(args[6]))
  local reached, queued, refused, own, woken = 0, 0, {}, {}, {}
  for _, sid in ipairs(scan[2]) do
    local a = redis.call('GET', p .. ':sid:' .. sid)
    if a and redis.call('HGET', key(p, 'a', a), sid) == 'open' then
      local c = key(p, 'c', a)
      local all, full = true, false
      for i = 9, #args, 3 do
        if counter(c, 'q:' .. sid) + counter(c, 'f:' .. sid) >= max then
          all, full = false, true
        else
          local e = (tonumber(args[i + 1]) + counter(c, 'ov11:' .. sid)) .. ' '
              .. (tonumber(args[i + 2]) + counter(c, 'ov12:' .. sid)) .. ' ' .. #sid .. ' ' .. sid .. args[i]
          redis.call('RPUSH', key(p, 'q', a), e)
          redis.call('HINCRBY', c, 'q:' .. sid, 1)
          queued = queued + 1
        end
      end
      if all then
        reached = reached + 1
      end
      if full then
        refused[#refused + 1] = sid
      end
      local owner = redis.call('GET', key(p, 'p', a))
      if owner and not woken[a] then
        woken[a] = true
        local node, token = string.match(owner, '^(%S+) (%S+)$')
        if node == self then
          own[#own + 1] = token .. ' ' .. a
        else
          publish(p, node, 'wake ' .. token .. ' ' .. a)
        end
      end
    else
      redis.call('SREM', g, sid) -- a member whose session ended
    end
  end
  return {scan[1], reached, queued, refused, own}
end)

-- lease: ARGV 4 name, 5 holder, 6 ttl ms. Takes or renews the one-node lease of a task:
-- 1 if holder has it until now + ttl, 0 if another holds it. Redis expires it itself.
redis.register_function('nd_lease', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local k = p .. ':lease:' .. args[4]
  local holder = redis.call('GET', k)
  if holder and holder ~= args[5] then
    return 0
  end
  redis.call('SET', k, args[5], 'PX', tonumber(args[6]))
  return 1
end)

-- lease_release: ARGV 4 name, 5 holder. Gives the lease up if holder has it.
redis.register_function('nd_lease_release', function(keys, args)
  local p = args[1]
  local bad = check_epoch(p, args[2]) if bad then return bad end
  local k = p .. ':lease:' .. args[4]
  if redis.call('GET', k) == args[5] then
    redis.call('DEL', k)
    return 1
  end
  return 0
end)

-- init: no more ARGV (ARGV 2: a fresh epoch). Returns the store's epoch, making it if Redis has
-- none (a first start, or a Redis that came back empty).
redis.register_function('nd_init', function(keys, args)
  local p = args[1]
  redis.call('SET', p .. ':epoch', args[2], 'NX')
  return redis.call('GET', p .. ':epoch')
end)
