/**
 * The telephone engine: SIP signalling, RTP media, calls made of legs, IVR runtime.
 * Plain Java 21, no Spring and no database; the server drives it through the
 * call-control API ({@link io.rexian.telephony.CallControl}, events as
 * {@link io.rexian.telephony.CallEvent}) and feeds it through SPIs
 * ({@link io.rexian.telephony.ExtensionCredentials}, {@link io.rexian.telephony.CallRecords}).
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>SIP stack (NIST JAIN-SIP, {@code sip.SipTransport}): one message-processing thread with a
 *       non-reentrant listener. It only creates server transactions (absorbing retransmissions)
 *       and hands each event to its call; it never waits on a call. Before the stack sees a
 *       message, the same thread runs two cheap checks that answer statelessly and never block:
 *       {@code sip.RequestDefects} refuses requests RFC 3261 forbids but the NIST parser accepts,
 *       {@code sip.ForkedAnswers} ACKs and hangs up second forks' 2xx (docs/SIP.md).</li>
 *   <li>Calls ({@code call.SipCalls}): each call owns a serial executor running on virtual threads;
 *       every SIP event and every {@link io.rexian.telephony.CallControl} command for that call runs
 *       there, one at a time, so a call's state (legs, dialogs, media channels) needs no locks.
 *       Event listeners are called on it too, after the task that caused the event. A command
 *       from an application thread waits (at most about 2 s) for its validation there; from a
 *       listener of the same call it runs at once.</li>
 *   <li>REGISTER, OPTIONS and stateless answers run on plain virtual threads; timers (no-answer, session-timer refresh and expiry,
 *       carrier re-registration, cleanup) on one scheduler thread that only enqueues work.</li>
 *   <li>RTP (package {@code media}): one pacing thread and one receiver thread owned by the media
 *       engine; calls talk to it through the small {@code call.CallMedia} adapter.</li>
 * </ul>
 */
package io.rexian.telephony;
