/**
 * The telephone engine: SIP signalling, RTP media, calls made of legs, IVR runtime.
 * Plain Java 21, no Spring and no database; the server drives it through the
 * call-control API and feeds it through SPIs.
 */
package io.rexian.telephony;
