package org.netduplex.client.internal;

import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.netduplex.client.DuplexFaultException;

/**
 * One JAX-WS async call ({@code Response<T> opAsync(...)} or {@code Future<?> opAsync(..., AsyncHandler<T>)})
 * that completes on every outcome. CXF completes its own Response only after mapping a failure to a
 * {@code SOAPFaultException} through SAAJ, which this client does not ship: an undeclared fault, a
 * reply timeout or a close would throw on CXF's callback thread and leave the Response waiting
 * forever. CXF hands the handler of the handler variant the unmapped outcome first, so every async
 * call goes through that variant with this as its handler, and this is the Response the caller gets:
 * the value, the declared exception, {@link DuplexFaultException} for an undeclared fault (as a
 * synchronous call throws), or the client's own exception.
 */
final class AsyncCall<T> implements Response<T>, AsyncHandler<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AsyncHandler<T> userHandler;
  private volatile Map<String, Object> context = Map.of();

  private AsyncCall(AsyncHandler<T> userHandler) {
    this.userHandler = userHandler;
  }

  /**
   * Makes the async call {@code method} through CXF's proxy; null when the interface has no handler
   * variant of it to go through (a hand-written interface), so CXF's own Response is used.
   */
  static Object invoke(Object cxfProxy, Method method, Object[] args) throws Throwable {
    boolean withHandler = method.getReturnType() == Future.class;
    Method variant = withHandler ? method : handlerVariant(method);
    if (variant == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    AsyncCall<Object> call = new AsyncCall<>(withHandler ? (AsyncHandler<Object>) args[args.length - 1] : null);
    Object[] cxfArgs = withHandler ? args.clone() : Arrays.copyOf(args == null ? new Object[0] : args, variant.getParameterCount());
    cxfArgs[cxfArgs.length - 1] = call;
    try {
      variant.invoke(cxfProxy, cxfArgs);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return call;
  }

  private static Method handlerVariant(Method responseVariant) {
    Class<?>[] parameters = Arrays.copyOf(responseVariant.getParameterTypes(), responseVariant.getParameterCount() + 1);
    parameters[parameters.length - 1] = AsyncHandler.class;
    try {
      return responseVariant.getDeclaringClass().getMethod(responseVariant.getName(), parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** CXF's outcome, unmapped; then the caller's own handler, if it gave one. */
  @Override
  public void handleResponse(Response<T> outcome) {
    context = outcome.getContext();
    try {
      result.complete(outcome.get());
    } catch (ExecutionException e) {
      result.completeExceptionally(undeclaredAsDuplexFault(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(e);
    }
    if (userHandler != null) {
      userHandler.handleResponse(this);
    }
  }

  private static Throwable undeclaredAsDuplexFault(Throwable t) {
    if (t instanceof SoapFault fault) {
      QName code = fault.getSubCode() != null ? fault.getSubCode() : fault.getFaultCode();
      return new DuplexFaultException(code, fault.getMessage(), 500);
    }
    return t;
  }

  @Override
  public Map<String, Object> getContext() {
    return context;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return result.cancel(mayInterruptIfRunning);
  }

  @Override
  public boolean isCancelled() {
    return result.isCancelled();
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    return result.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    return result.get(timeout, unit);
  }
}
