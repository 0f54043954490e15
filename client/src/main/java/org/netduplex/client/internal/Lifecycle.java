package org.netduplex.client.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;

/** A client's state, moved atomically; every change is told to the listener once. */
public final class Lifecycle {
  private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

  private final AtomicReference<ClientState> state = new AtomicReference<>(ClientState.CREATED);
  private final ClientListener listener;
  private volatile Throwable faultCause;

  public Lifecycle(ClientListener listener) {
    this.listener = listener;
  }

  public ClientState state() {
    return state.get();
  }

  public ClientListener listener() {
    return listener;
  }

  /** Why the client faulted, or null. */
  public Throwable faultCause() {
    return faultCause;
  }

  /** Moves to {@code to} unless the state is final or already {@code to}; true when it moved. */
  public boolean moveTo(ClientState to, Throwable cause) {
    while (true) {
      ClientState from = state.get();
      if (from.isFinal() || from == to) {
        return false;
      }
      if (state.compareAndSet(from, to)) {
        if (to == ClientState.FAULTED) {
          faultCause = cause;
        }
        notifyListener(from, to, cause);
        return true;
      }
    }
  }

  /** Moves {@code from} to {@code to} only if the state is {@code from}. */
  public boolean moveIf(ClientState from, ClientState to, Throwable cause) {
    if (state.compareAndSet(from, to)) {
      notifyListener(from, to, cause);
      return true;
    }
    return false;
  }

  private void notifyListener(ClientState from, ClientState to, Throwable cause) {
    try {
      listener.stateChanged(from, to, cause);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ClientListener.stateChanged threw; ignored", e);
    }
  }
}
