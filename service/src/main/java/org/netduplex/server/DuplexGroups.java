package org.netduplex.server;

import java.util.function.Consumer;

/**
 * Named sets of sessions to broadcast to, kept by the endpoint's store: with a shared store
 * (netduplex-redis) a group is cluster-wide, so a session that joined on one node is reached by a
 * broadcast from any node. A session leaves its groups when it ends. This replaces the
 * {@code Set<DuplexSession> subscribers} a service would otherwise keep, which only ever holds the
 * sessions of the node that filled it.
 *
 * <pre>{@code
 * feature.groups().join("quotes", CallbackChannels.currentSession());
 * feature.groups().broadcast("quotes", IStockServiceCallback.class, c -> c.update(quote));
 * }</pre>
 */
public interface DuplexGroups {
  /**
   * Adds {@code session} to {@code group} (a no-op if it is a member); an ended session is not added.
   *
   * @param group the group's name, not empty
   * @param session a session of this endpoint
   */
  void join(String group, DuplexSession session);

  /**
   * Removes {@code session} from {@code group}; a no-op if it is not a member.
   *
   * @param group the group's name
   * @param session a session of this endpoint
   */
  void leave(String group, DuplexSession session);

  /**
   * Sends the calls {@code calls} makes on the proxy it is given to every member of {@code group},
   * each encoded once. A member whose queue is full misses them (reported to
   * {@link DuplexSessionListener#messageRefused}).
   *
   * @param <T> the callback contract
   * @param group the group's name
   * @param callbackContract the generated callback interface
   * @param calls makes the calls to send on the proxy it is given
   * @return how many members received every message
   */
  <T> int broadcast(String group, Class<T> callbackContract, Consumer<? super T> calls);

  /**
   * Members of {@code group} now.
   *
   * @param group the group's name
   * @return the count; it may change at once
   */
  int size(String group);
}
