package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {
  @Test
  void controlCharactersAreDroppedAndLineBreaksBecomeSpaces() {
    assertEquals("a b c [2J ok", ConsoleText.clean("a\r\nb\tc \u001b[2J\u0007\u009b\u007f \u202Eok\u2069"));
    assertEquals("héllo 👋 <b>&amp;</b>", ConsoleText.clean("héllo 👋 <b>&amp;</b>"), "printable text is kept as-is");
    assertNull(ConsoleText.clean(null));
  }

  @Test
  void aReasonIsOneLineWithTheCauseThatSaysSomething() {
    Exception wrapped = new RuntimeException("Could not send Message.", new ConnectException());
    wrapped.getCause().initCause(new ClosedChannelException());
    assertEquals("Could not send Message. (ConnectException)", ConsoleText.reason(wrapped));
    assertEquals("Could not send Message. (Connection refused)",
        ConsoleText.reason(new RuntimeException("Could not send Message.", new IOException("Connection refused"))));
    assertEquals("boom", ConsoleText.reason(new IllegalStateException("boom")));
    assertEquals("line one line two", ConsoleText.reason(new IOException("line one\nline two")));
  }
}
