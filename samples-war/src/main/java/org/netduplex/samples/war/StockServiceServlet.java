package org.netduplex.samples.war;

import jakarta.servlet.ServletConfig;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/**
 * CXF's servlet publishing the StockService with polling duplex, under the servlet's mapping
 * ({@code /services/*} in web.xml): {@code /services/StockService} for Silverlight 2 (SOAP 1.1) and
 * {@code /services/StockService-soap12} for Silverlight 3+ (SOAP 1.2 + WS-Addressing), sharing one
 * feature and so one set of sessions. Undeploying destroys this servlet and its bus, which closes
 * the feature: parked polls are answered and every session ends with {@code SERVER_STOPPED}.
 */
public class StockServiceServlet extends CXFNonSpringServlet {
  /** Where {@link StatusServlet} finds the feature. */
  static final String FEATURE_ATTRIBUTE = PollingDuplexFeature.class.getName();

  // README:servlet-begin
  @Override
  protected void loadBus(ServletConfig servletConfig) {
    super.loadBus(servletConfig);                  // the servlet's own bus; destroyed on undeploy
    StockQuoteService service = new StockQuoteService();
    PollingDuplexFeature duplex = new PollingDuplexFeature(DuplexServerConfig.builder()
        .listener(service)
        .build());

    JaxWsServerFactoryBean soap11 = new JaxWsServerFactoryBean();
    soap11.setBus(getBus());
    soap11.setServiceBean(service);
    soap11.setAddress("/StockService");            // relative: <context>/services/StockService
    soap11.getFeatures().add(duplex);
    soap11.create();

    JaxWsServerFactoryBean soap12 = new JaxWsServerFactoryBean();
    soap12.setBus(getBus());
    soap12.setServiceBean(service);
    soap12.setAddress("/StockService-soap12");
    soap12.setEndpointName(new QName("Silverlight", "CustomBinding_IStockService"));
    soap12.getFeatures().add(new WSAddressingFeature());
    soap12.getFeatures().add(duplex);              // the same feature: one set of sessions
    soap12.create();
    servletConfig.getServletContext().setAttribute(FEATURE_ATTRIBUTE, duplex); // for the status page
  }
  // README:servlet-end
}
