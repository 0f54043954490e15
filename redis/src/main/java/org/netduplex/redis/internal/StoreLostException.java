package org.netduplex.redis.internal;

/**
 * Redis answered with another epoch than the one this node started on, or none: it lost its data
 * (a restart without persistence, a flush, a failover to an empty replica). Every session this node
 * knew is gone; the call that found out fails with this, later calls run on the new epoch.
 */
public final class StoreLostException extends RuntimeException {
  public StoreLostException(String oldEpoch, String newEpoch) {
    super("Redis lost the session store's data (epoch " + oldEpoch + " is now " + newEpoch + ")", null, false, false);
  }
}
