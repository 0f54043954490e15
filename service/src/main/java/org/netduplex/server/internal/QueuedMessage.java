package org.netduplex.server.internal;

/** A callback message waiting in a mailbox for a poll, with the session it belongs to. */
public record QueuedMessage(RealDuplexSession session, CallbackMessage message) {}
