package org.netduplex.client.twoway;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The test contract's message body: one text, as question, answer or notice. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Question", namespace = IQuizCallback.NS)
public class Question {
  @XmlElement(namespace = IQuizCallback.NS)
  public String text;

  public static Question of(String text) {
    Question q = new Question();
    q.text = text;
    return q;
  }
}
