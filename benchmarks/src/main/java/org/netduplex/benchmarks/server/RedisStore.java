package org.netduplex.benchmarks.server;

import java.lang.reflect.Method;
import java.net.URI;
import org.netduplex.server.DuplexStore;

/**
 * netduplex-redis's {@code RedisDuplexStore}, built as its README says:
 * {@code RedisDuplexStore.builder(uri).nodeId(id).keyPrefix(prefix).build()}. Found by name, not
 * linked: the store was written on its own branch at the same time as this suite, and the suite's
 * in-memory setup and its tools (the balancer, Redis, the runner) had to build and run before it landed.
 * Once it has, this class can call it directly.
 */
public final class RedisStore {
  private static final String CLASS = "org.netduplex.redis.RedisDuplexStore";

  private RedisStore() {}

  /**
   * Whether the Redis store is on the class path.
   *
   * @return true if {@code RedisDuplexStore} can be built
   */
  public static boolean available() {
    try {
      builderMethod();
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * A store on the Redis at {@code uri} for the node {@code nodeId}, its keys under {@code keyPrefix}.
   *
   * @param uri {@code redis://host:port}
   * @param nodeId this node's name in the cluster
   * @param keyPrefix the prefix of every key, the same on every node of one cluster
   * @return the store, to give to {@code DuplexServerConfig.Builder.store}
   * @throws IllegalStateException if netduplex-redis has no {@code RedisDuplexStore}
   */
  public static DuplexStore open(String uri, String nodeId, String keyPrefix) {
    try {
      Method builderMethod = builderMethod();
      Object builder = builderMethod.invoke(null, uriArgument(builderMethod.getParameterTypes()[0], uri));
      builder = call(builder, "nodeId", nodeId);
      builder = call(builder, "keyPrefix", keyPrefix);
      Method build = builder.getClass().getMethod("build");
      build.setAccessible(true);
      return (DuplexStore) build.invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + CLASS + " on " + uri + ": " + e, e);
    }
  }

  private static Method builderMethod() throws ReflectiveOperationException {
    for (Method m : Class.forName(CLASS).getMethods()) {
      if (m.getName().equals("builder") && m.getParameterCount() == 1) {
        return m;
      }
    }
    throw new NoSuchMethodException(CLASS + ".builder(uri)");
  }

  /** The URI as the builder takes it: a String, a java.net.URI, or Lettuce's RedisURI. */
  private static Object uriArgument(Class<?> type, String uri) throws ReflectiveOperationException {
    if (type == String.class) {
      return uri;
    }
    if (type == URI.class) {
      return URI.create(uri);
    }
    return type.getMethod("create", String.class).invoke(null, uri);
  }

  private static Object call(Object builder, String name, String value) throws ReflectiveOperationException {
    Method m = builder.getClass().getMethod(name, String.class);
    m.setAccessible(true);
    return m.invoke(builder, value);
  }
}
