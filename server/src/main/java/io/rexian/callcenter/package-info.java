/**
 * Call center: the bridge that runs the telephony engine inside the server (SIP settings,
 * extension credentials and call records in the database) and the pages where administrators
 * manage extensions (sub-package {@code extension}). Other modules use only the types
 * in this package.
 */
package io.rexian.callcenter;
