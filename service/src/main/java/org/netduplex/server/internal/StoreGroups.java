package org.netduplex.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.netduplex.server.DuplexGroups;
import org.netduplex.server.DuplexSession;

/** An endpoint's {@link DuplexGroups}, kept by its engine's store. */
public final class StoreGroups implements DuplexGroups {
  private final DuplexEngine engine;

  StoreGroups(DuplexEngine engine) {
    this.engine = engine;
  }

  @Override
  public void join(String group, DuplexSession session) {
    engine.join(checkName(group), sessionOf(session));
  }

  @Override
  public void leave(String group, DuplexSession session) {
    engine.leave(checkName(group), sessionOf(session));
  }

  @Override
  public <T> int broadcast(String group, Class<T> callbackContract, Consumer<? super T> calls) {
    List<CallbackMessage> messages = new ArrayList<>(1);
    calls.accept(DuplexEngine.newProxy(callbackContract, messages::add, "group " + group));
    return messages.isEmpty() ? engine.groupSize(checkName(group)) : engine.broadcast(checkName(group), messages);
  }

  @Override
  public int size(String group) {
    return engine.groupSize(checkName(group));
  }

  private static String checkName(String group) {
    Objects.requireNonNull(group, "group");
    if (group.isEmpty()) {
      throw new IllegalArgumentException("A group needs a name");
    }
    return group;
  }

  private RealDuplexSession sessionOf(DuplexSession session) {
    if (session instanceof RealDuplexSession s && s.engine() == engine) {
      return s;
    }
    throw new IllegalArgumentException("Not a session of this endpoint: " + session);
  }
}
