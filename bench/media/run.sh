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
# ThreadPriorityPolicy=1 lets the pacer's MAX_PRIORITY become a higher OS priority (needs root).
exec "$JAVA_HOME/bin/java" -Xmx2g "-XX:+Use${GC}" ${PRIORITY:--XX:ThreadPriorityPolicy=1} -cp "$CP" \
  io.rexian.telephony.media.MediaPacingBenchmark "$SESSIONS" "$SECONDS_" "$MODE"
