package org.netduplex.server.internal;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.netduplex.core.internal.CallbackOperations.Operation;
import org.netduplex.core.internal.CallbackOperations;

/**
 * How the methods of a callback contract become message bodies: a call's argument is marshalled
 * as the operation's body element. Built once per interface.
 */
final class CallbackContract {
  private static final ConcurrentHashMap<Class<?>, CallbackContract> CACHE = new ConcurrentHashMap<>();
  private static final byte[] EMPTY_BODY = new byte[0];

  private final CallbackOperations operations;
  private final Map<Method, Operation> byMethod;

  private CallbackContract(Class<?> type) {
    this.operations = CallbackOperations.of(type);
    Map<Method, Operation> map = new HashMap<>();
    for (Operation op : operations.operations()) {
      map.put(op.method(), op);
    }
    this.byMethod = Map.copyOf(map);
  }

  static CallbackContract of(Class<?> type) {
    return CACHE.computeIfAbsent(type, CallbackContract::new);
  }

  Class<?> type() {
    return operations.contract();
  }

  /** The operation {@code method} calls. */
  Operation operation(Method method) {
    Operation op = byMethod.get(method);
    if (op == null) {
      throw new IllegalArgumentException(method + " is not an operation of " + type().getName());
    }
    return op;
  }

  CallbackOperations operations() {
    return operations;
  }

  /** Encodes a call of {@code method} with {@code args} as a message body. */
  CallbackMessage encode(Method method, Object[] args) {
    return encode(method, args, null);
  }

  /** As {@link #encode(Method, Object[])}; a {@code messageId} makes it a two-way callback request. */
  CallbackMessage encode(Method method, Object[] args, String messageId) {
    Operation op = operation(method);
    if (op.argumentType() == null) {
      return CallbackMessage.request(EMPTY_BODY, op.action(), messageId);
    }
    try {
      Marshaller marshaller = operations.context().createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      marshal(marshaller, op, args[0], out);
      return CallbackMessage.request(out.toByteArray(), op.action(), messageId);
    } catch (JAXBException e) {
      throw new IllegalArgumentException("Cannot encode the argument of " + method.getName() + ": " + e, e);
    }
  }

  /**
   * Declared as the parameter's type, so JAXB writes no {@code xsi:type} for it and can write a type
   * without a name (wsdl2java's classes for WCF's wrapper elements), which as {@code Object} it cannot.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void marshal(Marshaller marshaller, Operation op, Object argument, ByteArrayOutputStream out)
      throws JAXBException {
    marshaller.marshal(new JAXBElement(op.element(), op.argumentType(), argument), out);
  }
}
