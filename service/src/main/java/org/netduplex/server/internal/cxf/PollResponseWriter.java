package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.front.AnswerForm;
import org.netduplex.server.internal.front.PollAnswer;

/**
 * Writes a poll's answer straight to the servlet response, bypassing CXF's outbound chain; the bytes
 * come from {@link PollAnswer}, as the poll front's do.
 */
public final class PollResponseWriter {
  private static final Logger LOG = Logger.getLogger(PollResponseWriter.class.getName());

  private PollResponseWriter() {}

  /**
   * Answers with {@code messages} (one, unless a batch), in the form the poll was made in. If the
   * client is gone the messages are queued again, first in line and in order, for its next poll (on
   * an acking address they are still in flight, and the next poll gets them first). If none could be
   * encoded the poll is answered empty.
   */
  static void writeMessages(HttpServletResponse response, List<QueuedMessage> messages, AnswerForm form,
      DuplexEngine engine) {
    PollAnswer answer;
    try {
      answer = PollAnswer.encode(messages, form, engine);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Poll answer for session " + messages.get(0).session().id() + " not encoded, messages kept: " + e);
      engine.redeliver(messages);
      return;
    }
    if (answer == null) {
      writeEmpty(response);
      engine.answeredEmpty();
      return;
    }
    if (write(response, answer)) {
      delivered(answer, engine);
    } else {
      engine.redeliver(answer.sent()); // all first in line, in order, before a parked poll gets the head
    }
  }

  /** Writes {@code answer}; false (logged) if the client is gone. */
  public static boolean write(HttpServletResponse response, PollAnswer answer) {
    try {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(answer.contentType());
      response.setContentLength(answer.body().length);
      response.getOutputStream().write(answer.body());
      response.flushBuffer();
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Poll answer for session " + answer.sent().get(0).session().id() + " not written, messages kept: " + e);
      return false;
    }
  }

  /** Counts an answer that was written. */
  public static void delivered(PollAnswer answer, DuplexEngine engine) {
    engine.answeredWithMessages();
    engine.delivered(answer.sent());
  }

  /** Answers {@code 200} with an empty body, as WCF does when a poll times out (seed 002). */
  public static void writeEmpty(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentLength(0);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Empty poll answer not written: " + e);
    }
  }
}
