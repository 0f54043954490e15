package org.netduplex.client.twoway;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The fault bean of {@link QuizRefusedException}, as wsdl2java generates one. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "QuizRefusal", namespace = IQuizCallback.NS)
public class QuizRefusal {
  @XmlElement(namespace = IQuizCallback.NS)
  public String why;
}
