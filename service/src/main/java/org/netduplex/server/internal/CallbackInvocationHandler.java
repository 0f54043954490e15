package org.netduplex.server.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.netduplex.core.internal.CallbackOperations.Operation;

/**
 * Behind every callback proxy: {@code Object} methods answer locally; one-way contract methods are
 * encoded and handed to {@code sink} (queue for one session, or record for a broadcast); two-way
 * ones go to {@code twoWay} and wait for the client's answer, or, inside {@link #capturing}, hand
 * the pending answer to the caller instead.
 */
final class CallbackInvocationHandler implements InvocationHandler {
  /** Sends a two-way request and returns its pending answer. */
  interface TwoWaySender {
    CompletableFuture<Object> send(Method method, Object[] args);
  }

  /** Set while {@code callbackAsync} runs its function: the two-way calls made, not waited for. */
  private static final ThreadLocal<java.util.List<CompletableFuture<Object>>> CAPTURED = new ThreadLocal<>();

  private final CallbackContract contract;
  private final Consumer<CallbackMessage> sink;
  private final TwoWaySender twoWay;
  private final String description;

  /** {@code twoWay} is null where no answer can be waited for (a broadcast). */
  CallbackInvocationHandler(CallbackContract contract, Consumer<CallbackMessage> sink, TwoWaySender twoWay,
      String description) {
    this.contract = contract;
    this.sink = sink;
    this.twoWay = twoWay;
    this.description = description;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> contract.type().getSimpleName() + " callback for " + description;
      };
    }
    Operation op = contract.operation(method);
    if (!op.twoWay()) {
      sink.accept(contract.encode(method, args));
      return null;
    }
    if (twoWay == null) {
      throw new UnsupportedOperationException(op.name() + " returns a value: call it on one session's callback, "
          + "not on a broadcast");
    }
    CompletableFuture<Object> answer = twoWay.send(method, args);
    java.util.List<CompletableFuture<Object>> captured = CAPTURED.get();
    if (captured != null) {
      captured.add(answer);
      return null; // replies are bound types, never primitives (CallbackOperations)
    }
    return await(answer, op);
  }

  /**
   * Runs {@code call}, which makes one two-way call on a proxy, and returns that call's pending
   * answer instead of waiting for it.
   */
  static CompletableFuture<Object> capturing(Callable<?> call) {
    java.util.List<CompletableFuture<Object>> captured = new java.util.ArrayList<>(1);
    java.util.List<CompletableFuture<Object>> outer = CAPTURED.get();
    CAPTURED.set(captured);
    try {
      call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The two-way call threw before it was sent: " + e, e);
    } finally {
      CAPTURED.set(outer);
    }
    if (captured.size() != 1) {
      throw new IllegalArgumentException("callbackAsync needs exactly one call of a two-way callback operation; got "
          + captured.size());
    }
    return captured.get(0);
  }

  private static Object await(CompletableFuture<Object> answer, Operation op) throws Exception {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the answer to callback " + op.name(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException || op.reply().fault(cause) != null) {
        throw (Exception) cause; // the client's declared fault, a timeout, the session's end
      }
      throw new IllegalStateException("Callback " + op.name() + " failed: " + cause, cause);
    }
  }
}
