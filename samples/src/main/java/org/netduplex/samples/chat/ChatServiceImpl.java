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
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.SessionEndedException;

/**
 * The chat of seed 004 on polling duplex: join under a unique display name, talk to everyone or to one
 * member, and hear who joins, leaves or is dropped for inactivity. Session ids never leave the server;
 * members know each other by display name only.
 *
 * <p>Nothing here is per node, so the chat runs the same on one server or on a cluster: the names are
 * in a {@link ChatRoster} (one that every node shares, in a cluster), the members are the endpoint's
 * group {@value #MEMBERS}, and a direct message finds its recipient's session by id, which works on any
 * node. Each node hears a session end; the one whose removal from the roster took the member tells the
 * others, so they hear it once.
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
  /** The group every member is in. */
  static final String MEMBERS = "chat";

  private final ChatRoster roster;
  private final PollingDuplexFeature duplex;
  private final Clock clock;
  private final DatatypeFactory datatypes;

  ChatServiceImpl(Clock clock, ChatRoster roster, PollingDuplexFeature duplex) {
    this.clock = clock;
    this.roster = roster;
    this.duplex = duplex;
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
    Optional<String> refusal = admit(join == null || join.getName() == null ? "" : join.getName().strip(), caller);
    // Listed after joining the group: a member who joins at the same time is then either listed here
    // or told to this caller by its "joined" event (listed before, it could be neither).
    Optional<String> own = refusal.isPresent() ? Optional.empty() : roster.nameOf(caller.id());
    result.setMembers(names(roster.names().stream().filter(n -> own.map(o -> !o.equals(n)).orElse(true)).toList()));
    if (refusal.isPresent()) {
      result.setAccepted(false);
      result.setReason(refusal.get());
      return result;
    }
    result.setAccepted(true);
    return result;
  }

  /** Makes the caller the member {@code name} and tells everyone; or says why it cannot be. */
  private Optional<String> admit(String name, DuplexSession caller) {
    Optional<String> already = roster.nameOf(caller.id());
    if (already.isPresent()) {
      return Optional.of("You already joined as " + already.get() + ".");
    }
    Optional<String> problem = ChatNames.problem(name);
    if (problem.isPresent()) {
      return problem;
    }
    ChatRoster.Claim claim = roster.claim(name, caller.id());
    if (claim.outcome() == ChatRoster.Outcome.TAKEN && duplex.session(claim.name()).isEmpty()) {
      // Held by a session that ended where no node heard it (every node was down): free it, once.
      forget(claim.name(), SessionEndReason.CLOSED_BY_CLIENT);
      claim = roster.claim(name, caller.id());
    }
    switch (claim.outcome()) {
      case ALREADY_MEMBER -> {
        return Optional.of("You already joined as " + claim.name() + ".");
      }
      case TAKEN -> {
        return Optional.of("The name " + name + " is taken; choose another.");
      }
      default -> {
        duplex.groups().join(MEMBERS, caller);
        broadcast(event(ChatEventKind.JOINED, name, null, name + " joined."));
        return Optional.empty();
      }
    }
  }

  @Override
  public void say(Say say) {
    DuplexSession caller = CallbackChannels.currentSession();
    Optional<String> sender = roster.nameOf(caller.id());
    String text = say == null || say.getText() == null ? "" : say.getText().strip();
    if (sender.isEmpty()) {
      tell(caller, event(ChatEventKind.ERROR, null, null, "Join the chat before you write."));
    } else if (text.isEmpty()) {
      tell(caller, event(ChatEventKind.ERROR, null, null, "Type a message first."));
    } else if (text.length() > MAX_TEXT_LENGTH) {
      tell(caller, event(ChatEventKind.ERROR, null, null,
          "A message has at most " + MAX_TEXT_LENGTH + " characters (this one has " + text.length() + ")."));
    } else if (say.getTo() == null || say.getTo().isBlank()) {
      broadcast(event(ChatEventKind.MESSAGE, sender.get(), null, text));
    } else {
      sayTo(caller, sender.get(), say.getTo().strip(), text);
    }
  }

  /** A direct message: to the member called {@code to}, wherever its session is, and a copy to the sender. */
  private void sayTo(DuplexSession caller, String from, String to, String text) {
    Optional<String> toSession = roster.sessionOf(to);
    Optional<DuplexSession> recipient = toSession.flatMap(duplex::session);
    Optional<String> toName = toSession.flatMap(roster::nameOf);
    if (recipient.isEmpty() || toName.isEmpty()) {
      tell(caller, event(ChatEventKind.ERROR, null, null, "Nobody called " + to + " is here."));
      return;
    }
    ChatEvent direct = event(ChatEventKind.DIRECT, from, toName.get(), text);
    tell(recipient.get(), direct);
    if (!recipient.get().id().equals(caller.id())) {
      tell(caller, direct);
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
    duplex.groups().leave(MEMBERS, caller);
    forget(caller.id(), SessionEndReason.CLOSED_BY_CLIENT);
  }

  /** The session left the group when it ended; its name goes, told by the node whose removal took it. */
  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    forget(session.id(), reason);
  }

  private void forget(String sessionId, SessionEndReason reason) {
    roster.remove(sessionId).ifPresent(name -> {
      boolean idle = reason == SessionEndReason.INACTIVITY_TIMEOUT;
      broadcast(event(idle ? ChatEventKind.DROPPED : ChatEventKind.LEFT, name, null,
          name + (idle ? " was dropped after being idle too long." : " left.")));
    });
  }

  int memberCount() {
    return roster.size();
  }

  private void broadcast(ChatEvent e) {
    duplex.groups().broadcast(MEMBERS, IChatServiceCallback.class, c -> c.receive(e));
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
