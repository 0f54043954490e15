package org.netduplex.samples.chat;

import java.time.Clock;
import org.netduplex.samples.SampleServer;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/** The chat of seed 004: ChatService at {@code /ChatService}, its page at {@code /}, status at {@code /status}. */
public final class ChatServer implements AutoCloseable {
  private final SampleServer<ChatServiceImpl> sample;

  /** A chat server on its own: its names are in memory. */
  public ChatServer(String host, int port, DuplexServerConfig config) {
    this(host, port, config, new LocalChatRoster());
  }

  /** A chat server whose names are in {@code roster}: every node of a cluster shares one. */
  ChatServer(String host, int port, DuplexServerConfig config, ChatRoster roster) {
    this.sample = new SampleServer<>("chat", host, port, "ChatService", 32, config,
        duplex -> new ChatServiceImpl(Clock.systemUTC(), roster, duplex),
        web -> web.file("/", "chat.html").file("/chat.js", "chat.js"));
  }

  /** The SOAP 1.1 endpoint (Silverlight 2). */
  public String address() {
    return sample.address();
  }

  /** The SOAP 1.2 + WS-Addressing endpoint, text or binary (Silverlight 3+). */
  public String soap12Address() {
    return sample.soap12Address();
  }

  /** Both endpoints with their profiles, one per line, as start-up prints them. */
  public String describeEndpoints() {
    return sample.describeEndpoints();
  }

  public String pageAddress() {
    return sample.pageAddress();
  }

  public PollingDuplexFeature duplex() {
    return sample.duplex();
  }

  int memberCount() {
    return sample.service().memberCount();
  }

  @Override
  public void close() {
    sample.close();
  }
}
