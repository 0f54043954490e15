package org.netduplex.server.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * Behind every callback proxy: {@code Object} methods answer locally; contract methods are encoded
 * and handed to {@code sink} (queue for one session, or record for a broadcast).
 */
final class CallbackInvocationHandler implements InvocationHandler {
  private final CallbackContract contract;
  private final Consumer<CallbackMessage> sink;
  private final String description;

  CallbackInvocationHandler(CallbackContract contract, Consumer<CallbackMessage> sink, String description) {
    this.contract = contract;
    this.sink = sink;
    this.description = description;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> contract.type().getSimpleName() + " callback for " + description;
      };
    }
    sink.accept(contract.encode(method, args));
    return null;
  }
}
