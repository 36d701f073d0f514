package io.rexian.callcenter;

import io.rexian.customer.ContactHistorySource;
import io.rexian.customer.CustomerLookup;
import io.rexian.customer.CustomerSummary;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a customer's calls (from or to any of his numbers) into the contact history on the
 * customer page. Only staff who handle, supervise or inspect calls see them; field staff
 * see the work orders but not the call log.
 */
@Component
class CallContactHistory implements ContactHistorySource {

    private static final Set<Permission> MAY_SEE_CALLS =
            Set.of(Permission.CALL_HANDLE, Permission.CALL_SUPERVISE, Permission.CALL_QA, Permission.REPORT_VIEW);

    private final JdbcClient jdbc;
    private final CustomerLookup customers;
    private final MessageSource messages;

    CallContactHistory(JdbcClient jdbc, CustomerLookup customers, MessageSource messages) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public List<ContactEntry> contacts(long customerId, String accountNo, CurrentUser viewer, int limit) {
        if (MAY_SEE_CALLS.stream().noneMatch(viewer::can)) {
            return List.of();
        }
        List<String> numbers = customers.byAccountNo(accountNo).map(CustomerSummary::phones).orElse(List.of())
                .stream().flatMap(n -> dialledForms(n).stream()).distinct().toList();
        if (numbers.isEmpty()) {
            return List.of();
        }
        String[] forms = numbers.toArray(String[]::new);
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                        select started_at, direction, disposition, talk_seconds from callcenter_call_record
                        where caller = any(?) or callee = any(?) order by started_at desc limit ?""")
                .params(forms, forms, limit)
                .query((rs, i) -> new ContactEntry(rs.getTimestamp(1).toInstant(), "callcenter.contact.kind",
                        summary(rs.getString(2), rs.getString(3), rs.getDouble(4), locale), null))
                .list();
    }

    private String summary(String direction, String disposition, double talkSeconds, Locale locale) {
        String text = messages.getMessage("callcenter.direction." + direction, null, direction, locale)
                + " · " + messages.getMessage("callcenter.disposition." + disposition, null, disposition, locale);
        if (talkSeconds > 0) {
            long s = Math.round(talkSeconds);
            text += " · " + messages.getMessage("callcenter.contact.talk",
                    new Object[] {String.format("%d:%02d", s / 60, s % 60)}, locale);
        }
        return text;
    }

    /**
     * The forms a number arrives in from phones and carriers: as stored, with +86 / 86 / 0086,
     * and with the trunk 0 before a mobile number; a landline's leading 0 gives way to +86.
     */
    static List<String> dialledForms(String normalized) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(normalized);
        String national = normalized.startsWith("0") ? normalized.substring(1) : normalized;
        forms.add("+86" + national);
        forms.add("86" + national);
        forms.add("0086" + national);
        if (normalized.startsWith("1") && normalized.length() == 11) {
            forms.add("0" + normalized);
        }
        return List.copyOf(forms);
    }
}
