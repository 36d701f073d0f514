#!/usr/bin/env bash
# RTP pacing benchmark for the media engine (in-process, 127.0.0.1 only, stops by itself).
# Usage: bench/media/run.sh [streams=2000] [seconds=30] [playback|bridge] [gc=ZGC|G1GC]
# bridge: STREAMS legs (STREAMS/2 calls) in the engine under test, their phones in a second engine.
set -euo pipefail
cd "$(dirname "$0")/../.."
SESSIONS=${1:-2000}
SECONDS_=${2:-30}
MODE=${3:-playback}
GC=${4:-ZGC}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -ntp -pl telephony test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/media-bench.classpath -Dmdep.includeScope=test >/dev/null
CP="telephony/target/test-classes:telephony/target/classes:$(cat telephony/target/media-bench.classpath)"
ulimit -n 65536 2>/dev/null || true
# ThreadPriorityPolicy=1 lets the pacer's MAX_PRIORITY become a higher OS priority (nice -5, needs root).
# PACER=rt additionally gives the media threads "rtp-pacer" and "rtp-receiver" (not the rest of
# the JVM) real-time round-robin priority 10 with chrt, as media servers do for their timer
# thread; PACER=nice renices them to -15; PACER=os (default) leaves them as the JVM set them.
"$JAVA_HOME/bin/java" -Xmx2g "-XX:+Use${GC}" ${PRIORITY:--XX:ThreadPriorityPolicy=1} -cp "$CP" \
  io.rexian.telephony.media.MediaPacingBenchmark "$SESSIONS" "$SECONDS_" "$MODE" &
JVM=$!
trap 'kill $JVM 2>/dev/null || true' EXIT
bench/media-threads-priority.sh "$JVM" "${PACER:-os}"
wait $JVM
trap - EXIT
