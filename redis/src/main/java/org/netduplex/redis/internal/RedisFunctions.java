package org.netduplex.redis.internal;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The {@code netduplex_v1} Redis Functions library seen from Java: one method per store decision,
 * each one {@code FCALL} on the one shared connection, its reply parsed into a record. Thread-safe
 * (Lettuce pipelines concurrent calls on the connection). Every call carries the caller's
 * wall-clock time and the store's epoch; a Redis that lost its data answers {@link StoreLostException}
 * once, and the next calls run on the new epoch. A Redis that restarted without its functions gets
 * them loaded again, and the call is retried once.
 */
public final class RedisFunctions {
  /** The library's name; {@code FUNCTION LOAD REPLACE} installs this version at start. */
  public static final String LIBRARY = "netduplex_v1";
  private static final String SOURCE = "/org/netduplex/redis/netduplex_v1.lua";

  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final RedisAsyncCommands<byte[], byte[]> redis;
  private final String prefix;
  private final String node;
  private final String source;
  private volatile String epoch;
  private volatile Consumer<String> onLost = e -> { };

  /** Loads the library (replacing an older copy of it) and learns the store's epoch, making one if Redis has none. */
  public RedisFunctions(StatefulRedisConnection<byte[], byte[]> connection, String prefix, String node) {
    this.connection = connection;
    this.redis = connection.async();
    this.prefix = prefix;
    this.node = node;
    this.source = librarySource();
    connection.sync().functionLoad(source, true);
    this.epoch = initEpoch().toCompletableFuture().join();
  }

  static String librarySource() {
    try (InputStream in = RedisFunctions.class.getResourceAsStream(SOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Told the new epoch when Redis turns out to have lost its data (every session this node knew is gone). */
  public void onStoreLost(Consumer<String> listener) {
    this.onLost = listener;
  }

  public String node() {
    return node;
  }

  public String prefix() {
    return prefix;
  }

  public String epoch() {
    return epoch;
  }

  /** The shared connection, for a service's own keys next to the store's (RedisDuplexStore.connection). */
  public StatefulRedisConnection<byte[], byte[]> connection() {
    return connection;
  }

  /** Whether the connection is up now. */
  public boolean connected() {
    return connection.isOpen();
  }

  /** The pub/sub channel on which other nodes wake this node's parked polls. */
  public String channel() {
    return prefix + ":node:" + node;
  }

  /** The stream every session end is appended to. */
  public String eventsKey() {
    return prefix + ":events";
  }

  // ---------------------------------------------------------------------------------------- sessions

  public enum OpenStatus { OPENED, KNOWN, ENDED, MISMATCH, FULL }

  /**
   * {@code state}: "open" or "closing" for a KNOWN session; {@code openedMillis} when it was opened;
   * {@code address}: the session's own address for a MISMATCH.
   */
  public record Opened(OpenStatus status, String state, long openedMillis, String address) {}

  public CompletionStage<Opened> open(long now, String address, String sid, int maxSessions, int overhead11,
      int overhead12) {
    return multi("nd_open", addressKey(address), now, address, sid, maxSessions, overhead11, overhead12).thenApply(r -> {
      String s = text(r.get(0));
      return switch (s) {
        case "opened" -> new Opened(OpenStatus.OPENED, "open", now, address);
        case "known" -> new Opened(OpenStatus.KNOWN, text(r.get(1)), Long.parseLong(text(r.get(2))), address);
        case "ended" -> new Opened(OpenStatus.ENDED, null, 0, null);
        case "mismatch" -> new Opened(OpenStatus.MISMATCH, null, 0, text(r.get(1)));
        default -> new Opened(OpenStatus.FULL, null, 0, null);
      };
    });
  }

  /**
   * What the store knows of a session: {@code address} null if it is unknown; {@code endReason} set
   * if it ended recently; else its state ("open", "closing"), counts and whether a poll is parked
   * for its address.
   */
  public record SessionInfo(String address, String state, long openedMillis, int queued, int inFlight,
      boolean pollParked, String endReason) {
    public boolean known() {
      return address != null;
    }
  }

  public CompletionStage<SessionInfo> session(long now, String sid) {
    return multi("nd_session", key("sid:" + sid), now, sid).thenApply(r -> {
      if (r.isEmpty()) {
        return new SessionInfo(null, null, 0, 0, 0, false, null);
      }
      if (r.size() == 2) {
        return new SessionInfo(null, null, 0, 0, 0, false, text(r.get(1)));
      }
      return new SessionInfo(text(r.get(0)), text(r.get(1)), Long.parseLong(text(r.get(2))), (int) number(r.get(3)),
          (int) number(r.get(4)), number(r.get(5)) == 1, null);
    });
  }

  /** A call's activity; the session's state, or "" if it ended. */
  public CompletionStage<String> touch(long now, String address, String sid) {
    return call("nd_touch", ScriptOutputType.VALUE, addressKey(address), now, address, sid)
        .thenApply(RedisFunctions::text);
  }

  /** The client's half-close: 1 drained (end it now), 0 draining, -1 already ended. */
  public CompletionStage<Long> close(long now, String address, String sid) {
    return integer("nd_close", addressKey(address), now, address, sid);
  }

  /** What ending one session did; {@code owner}/{@code token} name the parked poll of an address it was the last of. */
  public record Ended(int dropped, boolean lastOfAddress, String owner, String token) {}

  /** Ends a session; null if it had already ended. */
  public CompletionStage<Ended> end(long now, String address, String sid, String reason, long tombstoneMillis) {
    return multi("nd_end", addressKey(address), now, address, sid, reason, tombstoneMillis, node)
        .thenApply(r -> r.isEmpty() ? null
            : new Ended((int) number(r.get(0)), number(r.get(1)) == 1, text(r.get(2)), text(r.get(3))));
  }

  // ---------------------------------------------------------------------------------------- delivery

  public enum OfferStatus { QUEUED, FULL, ENDED }

  /** {@code owner}: the node of the poll parked for the address ("" if none); a poll of another node was woken. */
  public record Offered(OfferStatus status, String owner, String token) {}

  public CompletionStage<Offered> offer(long now, String address, String sid, byte[] entry, int maxPerSession) {
    return multi("nd_offer", addressKey(address), now, address, sid, entry, maxPerSession, node).thenApply(r -> {
      return switch (text(r.get(0))) {
        case "queued" -> new Offered(OfferStatus.QUEUED, text(r.get(1)), text(r.get(2)));
        case "full" -> new Offered(OfferStatus.FULL, "", "");
        default -> new Offered(OfferStatus.ENDED, "", "");
      };
    });
  }

  /** A message handed to a poll: its number (0 on an address that does not ack), entry, whether more wait, the stream id. */
  public record Taken(long number, byte[] entry, boolean more, String stream) {}

  public enum PollStatus { UNKNOWN, MESSAGE, PARKED }

  /**
   * What a poll got: a message, or parked (replacing {@code replacedToken} of this node, "" if none);
   * {@code released}: the in-flight items ({@code "<number> <entry>"}) its ack released, in order;
   * {@code drained}: half-closed sessions the ack left with nothing to deliver.
   */
  public record Polled(PollStatus status, Taken taken, String replacedToken, List<byte[]> released, boolean ackBeyondSent,
      List<String> drained) {}

  /**
   * A poll for {@code address} by this node's poll {@code token}: the ack ({@code ackStream} may be null
   * on a first ack; {@code hasAck} false for a poll without nda:Ack), then take or park for {@code parkMillis}.
   */
  public CompletionStage<Polled> poll(long now, String address, String token, long leaseMillis, long parkMillis,
      boolean hasAck, String ackStream, long ackHighest) {
    return multi("nd_poll", addressKey(address), now, address, node, token, leaseMillis, parkMillis, hasAck ? 1 : 0,
        ackStream == null ? "" : ackStream, ackHighest, UUID.randomUUID().toString()).thenApply(r -> {
          switch (text(r.get(0))) {
            case "unknown":
              return new Polled(PollStatus.UNKNOWN, null, "", List.of(), false, List.of());
            case "msg":
              return new Polled(PollStatus.MESSAGE, taken(r), "", items(r.get(5)), number(r.get(6)) == 1,
                  texts(list(r.get(7))));
            default:
              return new Polled(PollStatus.PARKED, null, text(r.get(1)), items(r.get(2)), number(r.get(3)) == 1,
                  texts(list(r.get(4))));
          }
        });
  }

  public enum TakeStatus { MESSAGE, NOTHING, GONE }

  /** {@code NOTHING}: take: still parked; expire: let go, answer empty. {@code GONE}: not this poll's any more. */
  public record TakeResult(TakeStatus status, Taken taken) {}

  /** A woken parked poll takes its message, if the parked-poll key still names it. */
  public CompletionStage<TakeResult> take(long now, String address, String token, long leaseMillis) {
    return multi("nd_take", addressKey(address), now, address, node, token, leaseMillis).thenApply(RedisFunctions::takeResult);
  }

  /** The parked poll's timeout: a take if anything waits, else it lets go of the address. */
  public CompletionStage<TakeResult> expire(long now, String address, String token, long leaseMillis) {
    return multi("nd_expire", addressKey(address), now, address, node, token, leaseMillis).thenApply(RedisFunctions::takeResult);
  }

  /** This node stops: its parked poll lets go of the address (true if it still held it). */
  public CompletionStage<Boolean> unpark(long now, String address, String token) {
    return integer("nd_unpark", addressKey(address), now, address, node, token).thenApply(n -> n == 1);
  }

  /** The rest of a batch answer: in-flight items ({@code "<number> <entry>"}) in order, and whether more wait. */
  public record Drained(boolean more, List<byte[]> items) {}

  public CompletionStage<Drained> drain(long now, String address, String token, long firstNumber, int maxMessages,
      long maxBytes, boolean soap12, int numberBytes) {
    return multi("nd_drain", addressKey(address), now, address, node, token, firstNumber, maxMessages, maxBytes,
        soap12 ? 1 : 0, numberBytes).thenApply(r -> new Drained(number(r.get(0)) == 1, items(r.subList(1, r.size()))));
  }

  /** {@code fenced}: the lease was reclaimed meanwhile; {@code drained}: half-closed sessions now empty. */
  public record Written(boolean fenced, List<String> drained) {}

  /** The answer of a non-acking address was written: its entries leave flight (fenced by the poll's token). */
  public CompletionStage<Written> written(long now, String address, String token) {
    return multi("nd_written", addressKey(address), now, address, node, token).thenApply(r -> {
      boolean fenced = text(r.get(0)).equals("fenced");
      return new Written(fenced, texts(r.subList(1, r.size())));
    });
  }

  /** {@code owner}/{@code token}: the poll parked for the address, "" if none (another node's was woken). */
  public record Requeued(boolean fenced, int dropped, String owner, String token) {}

  public CompletionStage<Requeued> requeue(long now, String address, String token) {
    return multi("nd_requeue", addressKey(address), now, address, node, token).thenApply(r -> {
      if (text(r.get(0)).equals("fenced")) {
        return new Requeued(true, 0, "", "");
      }
      return new Requeued(false, (int) number(r.get(1)), text(r.get(2)), text(r.get(3)));
    });
  }

  /** What an ack outside a poll released (in-flight items, in order), and the half-closed sessions it drained. */
  public record Acked(List<byte[]> released, List<String> drained) {}

  public CompletionStage<Acked> ack(long now, String address, String stream, long highest) {
    return multi("nd_ack", addressKey(address), now, address, stream, highest).thenApply(r ->
        new Acked(items(r.get(0)), texts(list(r.get(1)))));
  }

  public CompletionStage<Boolean> discard(long now, String address, long number) {
    return integer("nd_discard", addressKey(address), now, address, number).thenApply(n -> n == 1);
  }

  public CompletionStage<Boolean> pending(long now, String address) {
    return integer("nd_pending", addressKey(address), now, address).thenApply(n -> n == 1);
  }

  // ---------------------------------------------------------------------------------------- cluster

  /** A session one sweep ended; {@code owner}/{@code token} as in {@link Ended}. */
  public record Swept(String sid, String address, String reason, int dropped, boolean lastOfAddress, String owner,
      String token) {}

  public CompletionStage<List<Swept>> sweep(long now, long inactivityMillis, long drainMillis, int limit,
      long tombstoneMillis) {
    return multi("nd_sweep", key("idle"), now, inactivityMillis, drainMillis, limit, tombstoneMillis, node).thenApply(r -> {
      List<Swept> out = new ArrayList<>(r.size());
      for (Object o : r) {
        List<Object> s = list(o);
        out.add(new Swept(text(s.get(0)), text(s.get(1)), text(s.get(2)), (int) number(s.get(3)), number(s.get(4)) == 1,
            text(s.get(5)), text(s.get(6))));
      }
      return out;
    });
  }

  /** This node is alive until {@code now + ttlMillis}. */
  public CompletionStage<Long> heartbeat(long now, long ttlMillis) {
    return integer("nd_heartbeat", key("nodes"), now, node, ttlMillis);
  }

  /** Requeues what dead nodes held in flight; returns how many entries went back. */
  public CompletionStage<Long> reap(long now) {
    return integer("nd_reap", key("nodes"), now);
  }

  /** This node stops cleanly: what it holds in flight goes back now, not after its heartbeat lapses. */
  public CompletionStage<Long> leave(long now) {
    return integer("nd_leave", key("nodes"), now, node);
  }

  /** 1 joined, 0 already a member, -1 the session is not open. */
  public CompletionStage<Long> groupJoin(long now, String group, String address, String sid) {
    return integer("nd_group_join", addressKey(address), now, address, sid, group);
  }

  public CompletionStage<Long> groupLeave(long now, String group, String address, String sid) {
    return integer("nd_group_leave", addressKey(address), now, address, sid, group);
  }

  /** One message of a broadcast: its payload ({@link EntryCodec#payload}) and batch sizes less the session's overhead. */
  public record Broadcast(byte[] payload, long base11, long base12) {}

  /**
   * One chunk of a broadcast: the next cursor ("0": done), members that took every message, messages
   * queued, members refused for a full queue, and polls of this node to take ("token address").
   */
  public record BroadcastChunk(String cursor, int reached, int queued, List<String> refused, List<String> ownPolls) {}

  public CompletionStage<BroadcastChunk> broadcast(long now, String group, String cursor, int chunk,
      List<Broadcast> messages, int maxPerSession) {
    Object[] args = new Object[5 + 3 * messages.size()];
    args[0] = group;
    args[1] = cursor;
    args[2] = chunk;
    args[3] = maxPerSession;
    args[4] = node;
    for (int i = 0; i < messages.size(); i++) {
      args[5 + 3 * i] = messages.get(i).payload();
      args[6 + 3 * i] = messages.get(i).base11();
      args[7 + 3 * i] = messages.get(i).base12();
    }
    return multi("nd_broadcast", key("g:" + group), now, args).thenApply(r -> new BroadcastChunk(text(r.get(0)),
        (int) number(r.get(1)), (int) number(r.get(2)), texts(list(r.get(3))), texts(list(r.get(4)))));
  }

  public CompletionStage<Long> groupSize(String group) {
    return redis.scard(key("g:" + group)).toCompletableFuture();
  }

  /** Open sessions cluster-wide. */
  public CompletionStage<Integer> openCount() {
    return redis.get(key("count")).toCompletableFuture().thenApply(v -> v == null ? 0 : Integer.parseInt(text(v)));
  }

  /** Takes or renews the one-node lease {@code name} for {@code holder}: true if it holds it for {@code ttlMillis}. */
  public CompletionStage<Boolean> lease(long now, String name, String holder, long ttlMillis) {
    return integer("nd_lease", key("lease:" + name), now, name, holder, ttlMillis).thenApply(n -> n == 1);
  }

  public CompletionStage<Boolean> releaseLease(long now, String name, String holder) {
    return integer("nd_lease_release", key("lease:" + name), now, name, holder).thenApply(n -> n == 1);
  }

  private CompletionStage<String> initEpoch() {
    byte[][] keys = {key("epoch")};
    byte[][] args = {bytes(prefix), bytes(UUID.randomUUID().toString())};
    return redis.<byte[]>fcall("nd_init", ScriptOutputType.VALUE, keys, args).thenApply(RedisFunctions::text);
  }

  // ---------------------------------------------------------------------------------------- plumbing

  private CompletionStage<List<Object>> multi(String function, byte[] key, long now, Object... args) {
    return this.<List<Object>>call(function, ScriptOutputType.MULTI, key, now, args);
  }

  private CompletionStage<Long> integer(String function, byte[] key, long now, Object... args) {
    return this.<Long>call(function, ScriptOutputType.INTEGER, key, now, args);
  }

  private <T> CompletionStage<T> call(String function, ScriptOutputType type, byte[] key, long now, Object... args) {
    return recovering(true, function, type, key, now, args);
  }

  private <T> CompletionStage<T> recovering(boolean mayReload, String function, ScriptOutputType type, byte[] key,
      long now, Object... args) {
    return this.<T>attempt(function, type, key, now, args).exceptionallyCompose(e -> {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      String text = cause instanceof RedisCommandExecutionException ? String.valueOf(cause.getMessage()) : "";
      if (mayReload && text.contains("Function not found")) { // a Redis that restarted empty: load, try once more
        return redis.functionLoad(source, true).toCompletableFuture()
            .thenCompose(loaded -> this.<T>recovering(false, function, type, key, now, args));
      }
      if (text.startsWith("NDEPOCH")) {
        return initEpoch().thenCompose(fresh -> {
          String old = epoch;
          epoch = fresh;
          if (!fresh.equals(old)) {
            onLost.accept(fresh);
          }
          return CompletableFuture.<T>failedFuture(new StoreLostException(old, fresh));
        });
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  private <T> CompletionStage<T> attempt(String function, ScriptOutputType type, byte[] key, long now, Object... args) {
    byte[][] values = new byte[args.length + 3][];
    values[0] = bytes(prefix);
    values[1] = bytes(epoch);
    values[2] = bytes(Long.toString(now));
    for (int i = 0; i < args.length; i++) {
      values[i + 3] = args[i] instanceof byte[] b ? b : bytes(String.valueOf(args[i]));
    }
    return redis.<T>fcall(function, type, new byte[][] {key}, values);
  }

  /** The key an address's calls are routed by (its session hash; every key of the address shares its hash tag). */
  private byte[] addressKey(String address) {
    return bytes(prefix + ":a:{" + address + "}");
  }

  private byte[] key(String name) {
    return bytes(prefix + ":" + name);
  }

  private static TakeResult takeResult(List<Object> r) {
    return switch (text(r.get(0))) {
      case "msg" -> new TakeResult(TakeStatus.MESSAGE, taken(r));
      case "gone" -> new TakeResult(TakeStatus.GONE, null);
      default -> new TakeResult(TakeStatus.NOTHING, null);
    };
  }

  /** From a {@code {'msg', number, entry, more, stream, ...}} reply. */
  private static Taken taken(List<Object> r) {
    return new Taken(number(r.get(1)), (byte[]) r.get(2), number(r.get(3)) == 1, text(r.get(4)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
  }

  private static long number(Object o) {
    return o instanceof Long l ? l : Long.parseLong(text(o));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  private static List<byte[]> items(Object o) {
    List<byte[]> out = new ArrayList<>();
    for (Object item : list(o)) {
      out.add((byte[]) item);
    }
    return out;
  }

  private static List<String> texts(List<Object> list) {
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(text(o));
    }
    return out;
  }
}
