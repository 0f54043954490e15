package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogIdsTest {
  @Test
  void noIdIsShownInFullHoweverShort() {
    assertEquals("0f8fad5b…", LogIds.brief("0f8fad5b-d9cb-469f-a165-70867728950e"));
    assertEquals("1234…", LogIds.brief("12345678"));
    assertEquals("…", LogIds.brief("1"));
    assertEquals("…id=ab…", LogIds.briefAddress("http://x/anonymous?id=abcd"));
  }
}
