package org.netduplex.samples.chat;

import java.time.Clock;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.netduplex.chat.ArrayOfstring;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.chat.IChatService;
import org.netduplex.chat.IChatServiceCallback;
import org.netduplex.chat.Join;
import org.netduplex.chat.JoinResult;
import org.netduplex.chat.Say;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.SessionEndedException;

/**
 * The chat of seed 004 on polling duplex: join under a unique display name, talk to everyone or to one
 * member, and hear who joins, leaves or is dropped for inactivity. Session ids never leave the server;
 * members know each other by display name only.
 */
@jakarta.jws.WebService(
    serviceName = "ChatService",
    portName = "PollingDuplexHttpBinding_IChatService",
    targetNamespace = "urn:netduplex:samples:chat",
    wsdlLocation = "classpath:wsdl/ChatService.wsdl",
    endpointInterface = "org.netduplex.chat.IChatService")
public class ChatServiceImpl implements IChatService, DuplexSessionListener {
  private static final Logger LOG = Logger.getLogger(ChatServiceImpl.class.getName());
  static final int MAX_TEXT_LENGTH = 500;

  private final ChatRoom room = new ChatRoom();
  private final Clock clock;
  private final DatatypeFactory datatypes;

  ChatServiceImpl(Clock clock) {
    this.clock = clock;
    try {
      this.datatypes = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public JoinResult join(Join join) {
    DuplexSession caller = CallbackChannels.currentSession();
    JoinResult result = new JoinResult();
    result.setMembers(names(room.names()));
    Optional<String> refusal = room.join(join == null ? null : join.getName(), caller);
    if (refusal.isPresent()) {
      result.setAccepted(false);
      result.setReason(refusal.get());
      return result;
    }
    result.setAccepted(true);
    String name = room.memberOf(caller).orElseThrow().name();
    broadcast(event(ChatEventKind.JOINED, name, null, name + " joined."));
    return result;
  }

  @Override
  public void say(Say say) {
    DuplexSession caller = CallbackChannels.currentSession();
    Optional<ChatRoom.Member> sender = room.memberOf(caller);
    String text = say == null || say.getText() == null ? "" : say.getText().strip();
    if (sender.isEmpty()) {
      tell(caller, event(ChatEventKind.ERROR, null, null, "Join the chat before you write."));
    } else if (text.isEmpty()) {
      tell(caller, event(ChatEventKind.ERROR, null, null, "Type a message first."));
    } else if (text.length() > MAX_TEXT_LENGTH) {
      tell(caller, event(ChatEventKind.ERROR, null, null,
          "A message has at most " + MAX_TEXT_LENGTH + " characters (this one has " + text.length() + ")."));
    } else if (say.getTo() == null || say.getTo().isBlank()) {
      broadcast(event(ChatEventKind.MESSAGE, sender.get().name(), null, text));
    } else {
      Optional<ChatRoom.Member> to = room.named(say.getTo());
      if (to.isEmpty()) {
        tell(caller, event(ChatEventKind.ERROR, null, null, "Nobody called " + say.getTo().strip() + " is here."));
      } else {
        ChatEvent direct = event(ChatEventKind.DIRECT, sender.get().name(), to.get().name(), text);
        tell(to.get().session(), direct);
        if (to.get().session() != caller) {
          tell(caller, direct);
        }
      }
    }
  }

  /**
   * The caller is no longer a member and the others are told. Its session stays: the client ends it
   * itself when it closes ({@code netdx:CloseSession}); ending it here would answer the client's parked
   * poll with {@code ndf:SessionEnded} and fault a client that is only saying goodbye.
   */
  @Override
  public void leave() {
    DuplexSession caller = CallbackChannels.currentSession();
    room.leave(caller).ifPresent(m -> broadcast(event(ChatEventKind.LEFT, m.name(), null, m.name() + " left.")));
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    room.leave(session).ifPresent(m -> {
      boolean idle = reason == SessionEndReason.INACTIVITY_TIMEOUT;
      broadcast(event(idle ? ChatEventKind.DROPPED : ChatEventKind.LEFT, m.name(), null,
          m.name() + (idle ? " was dropped after being idle too long." : " left.")));
    });
  }

  int memberCount() {
    return room.names().size();
  }

  private void broadcast(ChatEvent e) {
    CallbackChannels.broadcast(room.sessions(), IChatServiceCallback.class, c -> c.receive(e));
  }

  private static void tell(DuplexSession session, ChatEvent e) {
    try {
      session.callback(IChatServiceCallback.class).receive(e);
    } catch (CallbackQueueFullException | SessionEndedException ex) {
      LOG.fine(() -> "Chat event not queued: " + ex.getMessage());
    }
  }

  private ChatEvent event(ChatEventKind kind, String from, String to, String text) {
    ChatEvent e = new ChatEvent();
    e.setKind(kind);
    e.setFrom(from);
    e.setTo(to);
    e.setText(text);
    e.setTime(datatypes.newXMLGregorianCalendar(GregorianCalendar.from(clock.instant().atZone(clock.getZone()))));
    return e;
  }

  private static ArrayOfstring names(List<String> names) {
    ArrayOfstring array = new ArrayOfstring();
    array.getString().addAll(names);
    return array;
  }
}
