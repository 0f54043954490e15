package org.netduplex.wcf;

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

/**
 * The chat contract's request-reply {@code Join} for the WCF peer, SOAP 1.2 only (a two-way call needs WS-Addressing
 * to be correlated on a poll): a {@code Joined} callback to the caller first, then the members already present.
 */
@jakarta.jws.WebService(serviceName = "ChatService", portName = "CustomBinding_IChatService",
    targetNamespace = "urn:netduplex:samples:chat", endpointInterface = "org.netduplex.chat.IChatService")
@jakarta.xml.ws.BindingType(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING)
public class WcfPeerChatService implements IChatService {
  static final String PRESENT = "rex";

  @Override
  public JoinResult join(Join join) {
    ChatEvent joined = new ChatEvent();
    joined.setFrom(join.getName());
    joined.setKind(ChatEventKind.JOINED);
    joined.setTime(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar("2026-01-01T00:00:00Z"));
    CallbackChannels.current(IChatServiceCallback.class).receive(joined);
    JoinResult result = new JoinResult();
    result.setAccepted(true);
    result.setMembers(new ArrayOfstring());
    result.getMembers().getString().add(PRESENT);
    return result;
  }

  @Override
  public void say(Say say) {}

  @Override
  public void leave() {}
}
