package org.netduplex.server;

/**
 * One call of a two-way callback operation on a callback proxy, for
 * {@link DuplexSession#callbackAsync}: it may throw what the operation declares, though in that
 * form the declared fault arrives through the returned stage instead.
 *
 * @param <T> the callback contract
 * @param <R> the operation's return type
 */
@FunctionalInterface
public interface TwoWayCall<T, R> {
  /**
   * Calls one two-way method on {@code callback} and returns its result.
   *
   * @param callback the proxy to call one two-way method on
   * @return what that method returns
   * @throws Exception what the operation declares
   */
  R call(T callback) throws Exception;
}
