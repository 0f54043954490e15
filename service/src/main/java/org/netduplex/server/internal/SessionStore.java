package org.netduplex.server.internal;

import java.util.Collection;
import java.util.List;
import org.netduplex.core.DuplexHeader;
import org.netduplex.server.DuplexStore;
import org.netduplex.server.SessionEndReason;

/**
 * Where sessions, queued messages and parked-poll ownership live: the decisions {@link Mailbox} and
 * {@link SessionRegistry} make, each one atomic step that returns what the engine must do next
 * (complete a poll, count, call a listener; CONCURRENCY.md rule 1). {@link LocalSessionStore} is the
 * in-memory default; netduplex-redis keeps the same decisions in Redis so any node can serve any
 * request. Internal SPI, implemented by our own modules only: not a stable API.
 *
 * <p>Parked polls stay on the node that holds their HTTP request. A store is handed each poll it
 * parks and completes it itself, never under a lock, when a message arrives for it (locally or,
 * for a shared store, from another node), when a newer poll replaces it, or when its address ends.
 * Times are the engine's clock ({@link StoreContext#nanoTime()}); a shared store uses wall-clock
 * time between nodes.
 */
public interface SessionStore extends DuplexStore {
  /**
   * Binds the store to its engine; called once, before anything else: one store serves one engine
   * (a second call throws {@link IllegalStateException}). The engine calls {@link #stop} then
   * {@link #close} when it closes.
   */
  void start(StoreContext context);

  /** The open or half-closed session with this id, or null if it is unknown or ended. */
  RealDuplexSession find(String sessionId);

  /** Whether a session with this id ended recently (a late call gets "session ended", not a new session). */
  boolean hasEnded(String sessionId);

  /**
   * Opens the session {@code header} names, or returns the one another caller opened first (the
   * caller tells them apart by {@link RealDuplexSession#header()} identity).
   *
   * @throws DuplexFault TOO_MANY_SESSIONS at the limit, SESSION_ENDED if it ended meanwhile
   */
  RealDuplexSession open(DuplexHeader header, long nowNanos);

  /** A call or close of {@code session} is activity (a poll touches every session of its address itself). */
  void touch(RealDuplexSession session, long nowNanos);

  /** Half-closes {@code session}; true if nothing of it is left to deliver, so the caller must end it now. */
  boolean closeByClient(RealDuplexSession session);

  /** Whether a half-closed session has delivered its last message and must end. */
  boolean drained(RealDuplexSession session);

  /**
   * Ends {@code session}: drops what it had queued and, if it was the last of its address, answers
   * the address's parked poll ({@code reason} CLOSED_BY_CLIENT: empty, else ENDED). Null if the
   * session had already ended (someone else ended it: they act on it).
   */
  Ended end(RealDuplexSession session, SessionEndReason reason);

  /** What {@link #end} or {@link #sweep} decided for one session; the engine counts and tells the listener. */
  record Ended(RealDuplexSession session, SessionEndReason reason, int droppedMessages) {}

  /**
   * Ends every session idle at {@code nowNanos} (a half-closed one: for the close drain timeout) and
   * returns them; each session is returned by exactly one sweep, whichever node runs it.
   */
  List<Ended> sweep(long nowNanos);

  /** How often {@link #sweep} must run. */
  java.time.Duration sweepInterval();

  /** The open sessions this store can list cheaply (a shared store: a capped page). */
  Collection<RealDuplexSession> sessions();

  /** Open sessions, in all (a shared store: cluster-wide). */
  int openCount();

  /** Messages of {@code session} not yet delivered: queued, and in flight on an acking address. */
  int queued(RealDuplexSession session);

  /** Whether a poll is parked for the address of {@code session}. */
  boolean pollParked(RealDuplexSession session);

  /** What {@link #offer} decided. */
  enum OfferStatus { QUEUED, HANDED_TO_POLL, QUEUE_FULL, SESSION_ENDED }

  /** Queues {@code m} (or hands it to the parked poll, which the store completes), unless {@code maxPerSession} are waiting. */
  OfferStatus offer(QueuedMessage m, int maxPerSession);

  /**
   * What {@link #poll} decided. {@code message}: answer with it now; null: the poll was parked (or
   * {@code unknownAddress} / {@code ended}). {@code released}: what the poll's ack released, in
   * order, which the engine counts delivered. {@code ackBeyondSent}: the ack named a number above any sent.
   */
  record PollStart(boolean unknownAddress, boolean ended, QueuedMessage message, List<QueuedMessage> released,
      boolean ackBeyondSent) {
    static PollStart unknown() {
      return new PollStart(true, false, null, List.of(), false);
    }
  }

  /**
   * A poll for {@code address} with what its {@code nda:Ack} said ({@code ack}, null for none):
   * touches every session of the address, releases what the ack covers, then takes the next message
   * or parks {@code poll} (answering a poll it replaces empty, itself), arming its timeout at
   * {@code deadlineNanos}. A parked poll is completed by the store, exactly once.
   */
  PollStart poll(String address, DeliveryAck ack, ParkedPoll poll, long nowNanos, long deadlineNanos);

  /**
   * The rest of a batch answer after {@code first}: up to {@code maxMessages} more within
   * {@code maxBytes} of {@link QueuedMessage#batchBytes batch bytes}, in order.
   */
  List<QueuedMessage> drain(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12);

  /** Whether more messages wait for the address of {@code m}'s session ({@code wsmc:MessagePending}). */
  boolean morePending(QueuedMessage m);

  /**
   * The answer carrying {@code messages} (all of one address, in order) was written. A message of
   * an address that does not ack is delivered now: returned, for the engine to count; a numbered one
   * stays in flight until its ack.
   */
  List<QueuedMessage> written(List<QueuedMessage> messages);

  /**
   * The answer carrying {@code messages} could not be written: they go back first, in order (a
   * parked poll gets them, completed by the store); returns how many were dropped because their
   * session ended meanwhile.
   */
  int requeueFirst(List<QueuedMessage> messages);

  /** An {@code nda:Ack} outside a poll (on a session close): returns what it released, in order. */
  List<QueuedMessage> acknowledge(RealDuplexSession session, DeliveryAck ack);

  /** A taken message that cannot be encoded: out of flight for good; false if it was acked or dropped meanwhile. */
  boolean discard(QueuedMessage m);

  /** Adds {@code session} to {@code group} (cluster-wide in a shared store); an ended session is not added. */
  void join(String group, RealDuplexSession session);

  /** Removes {@code session} from {@code group}. */
  void leave(String group, RealDuplexSession session);

  /** Members of {@code group} now. */
  int groupSize(String group);

  /**
   * Offers each of {@code messages}, in order, to every member of {@code group}, as {@link #offer}
   * does with {@code maxPerSession}, each queued at {@code nowNanos}; members whose session ended
   * leave the group.
   */
  Fanout broadcast(String group, List<CallbackMessage> messages, long nowNanos, int maxPerSession);

  /**
   * What {@link #broadcast} did: {@code reached} members took every message, {@code queued} messages
   * in all were queued, and {@code refused} members had a full queue (each once).
   */
  record Fanout(int reached, int queued, List<RealDuplexSession> refused) {}

  /**
   * Runs {@code task} while this node holds the lease named {@code name} (the in-memory store: at
   * once); {@link #stop} stops it. Returns what stops it sooner.
   */
  AutoCloseable runOnOneNode(String name, org.netduplex.server.OneNodeTask task);

  /** Whether the store can take requests now (a shared store: its server answers). */
  default boolean available() {
    return true;
  }

  /**
   * The engine is closing: ends what cannot outlive this node and returns it (the in-memory store:
   * every session, SERVER_STOPPED; a shared store: none, its sessions live on in other nodes), and
   * answers this node's parked polls empty, so their clients poll again elsewhere.
   */
  List<Ended> stop();

  /** Lets go of the store's resources; after {@link #stop}. */
  @Override
  void close();
}
