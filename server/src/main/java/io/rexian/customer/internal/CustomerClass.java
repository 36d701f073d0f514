package io.rexian.customer.internal;

import java.util.Locale;

/** A customer class (居民, 企业, VIP, 集团客户, or one an administrator added). */
public record CustomerClass(String code, String nameZh, String nameEn, boolean builtin, int sortOrder) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
