package io.rexian.telephony.sip;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Properties;
import javax.sip.Dialog;
import java.util.TooManyListenersException;
import java.util.UUID;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The one place that knows the SIP stack implementation (NIST JAIN-SIP RI): starts it on
 * UDP and TCP of one address/port and hands out the JAIN-SIP (JSR 32) factories. Replacing
 * the stack means replacing this class and the others of this package that name NIST types:
 * {@link StackLog}, {@link ForkedAnswers} (second forks' 2xx), {@link CheckingParser} and
 * {@link RequestDefects} (requests the NIST parser lets through but RFC 3261 forbids).
 *
 * <p>Threading: the stack runs with one message-processing thread and a non-reentrant
 * listener, so the listener sees requests one at a time; the listener must hand real work
 * to other threads (see {@code io.rexian.telephony.call.CallExecutors}).
 */
public final class SipTransport implements AutoCloseable {

    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final String host;
    private final int port;

    private SipTransport(SipStack stack, SipProvider provider, SipFactory factory, String host, int port)
            throws Exception {
        this.stack = stack;
        this.provider = provider;
        this.addresses = factory.createAddressFactory();
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
        this.host = host;
        this.port = port;
    }

    /** Binds UDP and TCP on {@code address:port} (announcing {@code advertisedHost} in Via/Contact) and starts delivering messages to {@code listener}. */
    public static SipTransport start(String address, String advertisedHost, int port, SipListener listener, Clock clock) {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "rexian-" + UUID.randomUUID());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", StackLog.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", StackLog.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // One stack thread: with more, 200 OK retransmissions raced the ACK under load (TELEPHONY-TESTING.md).
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
        p.setProperty("gov.nist.javax.sip.PASS_INVITE_NON_2XX_ACK_TO_LISTENER", "false");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        // Forks that rang get early dialogs of their own, so a 1xx from each fork reaches the calls; second
        // forks' 2xx never reach them: ForkedAnswers ACKs and hangs those up before the stack sees them.
        p.setProperty("gov.nist.javax.sip.MAX_FORK_TIME_SECONDS", "32");
        // Slow or silent TCP peers must not pin connections forever.
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "0");
        SipStack stack = null;
        try {
            stack = factory.createSipStack(p);
            SIPTransactionStack nist = (SIPTransactionStack) stack;
            // Must be set before the listening points exist: each creates its parser from the factory.
            nist.setMessageParserFactory(new CheckingParser());
            nist.sipMessageValves.add(new RequestDefects());
            ForkedAnswers forks = new ForkedAnswers(nist, clock);
            nist.sipMessageValves.add(forks);
            ListeningPoint udp = stack.createListeningPoint(address, port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(address, port, ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.setAutomaticDialogSupportEnabled(true);
            provider.addSipListener(listener);
            stack.start();
            SipTransport transport = new SipTransport(stack, provider, factory, advertisedHost, port);
            forks.attach(transport);
            return transport;
        } catch (TooManyListenersException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            if (stack != null) {
                try {
                    stack.stop();
                } catch (RuntimeException cleanup) {
                    // The stack fails to stop half-started listening points; the bind error below is what matters.
                    e.addSuppressed(cleanup);
                }
            }
            throw new IllegalStateException("cannot start SIP on " + address + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public SipProvider provider() { return provider; }
    public AddressFactory addresses() { return addresses; }
    public HeaderFactory headers() { return headers; }
    public MessageFactory messages() { return messages; }
    /** The address the engine advertises in Via and Contact. */
    public String host() { return host; }
    public int port() { return port; }

    /**
     * Tells a server dialog that the ACK for its 2xx arrived. The stack does this itself unless
     * the ACK overtook the thread that sent the 2xx (it then keeps retransmitting the 2xx);
     * call it from the thread that sent the 2xx, after the send returned. No-op when already seen.
     */
    public static void confirmAck(Dialog dialog, long cseq) {
        if (dialog instanceof SIPDialog d && !d.isAckSeen()) {
            try {
                ACK_RECEIVED.invoke(d, cseq);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("stack without SIPDialog.ackReceived", e);
            }
        }
    }

    private static final Method ACK_RECEIVED = ackReceived();

    private static Method ackReceived() {
        try {
            Method m = SIPDialog.class.getDeclaredMethod("ackReceived", long.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void close() {
        stack.stop();
    }
}
