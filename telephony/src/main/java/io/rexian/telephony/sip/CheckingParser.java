package io.rexian.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Optional;

/**
 * The stack's parser with {@link SyntaxChecks} in front: a request from the network with a defect
 * is still parsed (so its Via, Call-ID and tags can address the answer) and carries the defect
 * as application data; {@link RequestDefects} answers and drops it before any transaction exists.
 * A request missing Call-ID, From, To or CSeq never reaches the valves (the stack drops it after
 * parsing), so it is answered here. Messages the stack re-parses itself (no channel) pass unchecked.
 */
final class CheckingParser implements MessageParser, MessageParserFactory {

    private final StringMsgParser parser = new StringMsgParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return this;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
        if (!(listener instanceof MessageChannel channel) || !(message instanceof SIPRequest request)) {
            return message;
        }
        Optional<Defect> defect = SyntaxChecks.of(bytes);
        if (defect.isPresent()) {
            if (request.getCallId() == null || request.getFrom() == null || request.getTo() == null || request.getCSeq() == null) {
                RequestDefects.answer(request, channel, defect.get());
            } else {
                request.setApplicationData(defect.get());
            }
        }
        return message;
    }
}
