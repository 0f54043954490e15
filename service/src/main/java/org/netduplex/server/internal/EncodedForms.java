package org.netduplex.server.internal;

import java.util.function.Supplier;

/**
 * The encodings of one thing (a callback's body, a session's envelope head), one per form, each made
 * the first time that form is asked for and then shared: a broadcast puts one {@link CallbackMessage}
 * in every session's queue, so its body is encoded once per form for all of them. Only forms asked
 * for take memory. A form that failed to encode fails again, with the same exception, without
 * encoding again. Thread-safe: the first caller of a form encodes it under this object's lock (no
 * other lock is taken, no I/O); later callers read it without locking.
 */
public final class EncodedForms {
  private final int forms;
  /** Per form: its bytes, the RuntimeException its encoding threw, or null. Replaced, never changed. */
  private volatile Object[] made;
  private int encodings; // guarded by this

  /** Room for forms {@code 0} to {@code forms - 1}. */
  public EncodedForms(int forms) {
    this.forms = forms;
  }

  /** Form {@code form}, made by {@code encode} if no caller made it before. */
  public byte[] get(int form, Supplier<byte[]> encode) {
    Object[] m = made;
    Object value = m == null ? null : m[form];
    if (value == null) {
      value = make(form, encode);
    }
    if (value instanceof RuntimeException e) {
      throw e;
    }
    return (byte[]) value;
  }

  private synchronized Object make(int form, Supplier<byte[]> encode) {
    Object[] m = made;
    if (m != null && m[form] != null) {
      return m[form];
    }
    Object value;
    try {
      value = encode.get();
      encodings++;
    } catch (RuntimeException e) {
      value = e;
      encodings++;
    }
    Object[] next = m == null ? new Object[forms] : m.clone();
    next[form] = value;
    made = next;
    return value;
  }

  /** How many times an encoding ran, failed ones included: at most once per form. */
  public synchronized int encodings() {
    return encodings;
  }
}
