package io.rexian.customer.internal;

import java.util.List;

/**
 * What an import did or would do.
 *
 * @param rows      data rows read (blank rows not counted)
 * @param goodRows  rows that passed every check
 * @param errors    bad rows: line, column and reason in the user's language (first 1,000)
 * @param errorCount how many problems there were in total
 * @param written   whether anything was stored
 * @param created   customers added
 * @param updated   existing customers (same account number) updated
 * @param fileError why the file as a whole was refused, or null
 */
public record ImportReport(int rows, int goodRows, List<RowError> errors, int errorCount, boolean written,
                           int created, int updated, String fileError) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** @param column the header of the offending column as written in the file, "" for the whole row */
    public record RowError(int line, String column, String message) {
    }

    public boolean hasErrors() {
        return errorCount > 0 || fileError != null;
    }
}
