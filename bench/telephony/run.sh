#!/usr/bin/env bash
# Telephony benchmark: the engine alone (TelephonyBenchServer) driven by sipp on 127.0.0.1.
# Run by hand, never in CI; every run is bounded in calls and time.
#
#   bench/telephony/run.sh rate RATE [SECONDS=20]      new *44 calls per second (1 s each), report failures
#   bench/telephony/run.sh playback CALLS [HOLD_S=60]  CALLS concurrent *44 calls (engine plays the prompt, one-way RTP)
#   PACER=rt bench/telephony/run.sh ...              the same with the media threads at real-time priority
#   bench/telephony/run.sh bridge CALLS [HOLD_S=60]    CALLS concurrent extension-to-extension calls, RTP both ways
#                                                      through the B2BUA bridge (caller plays a pcap, callee echoes)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:?mode: rate|playback|bridge}
N=${2:?rate or calls}
ARG3=${3:-}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${PORT:-35060}
OUT=bench/telephony/out/$(date +%H%M%S)-$MODE-$N
mkdir -p "$OUT"
ln -sfn /usr/share/sip-tester "$OUT/pcap"
cp bench/telephony/scenarios/*.xml "$OUT/"
./mvnw -q -B -ntp -pl telephony test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/telephony-bench.classpath -Dmdep.includeScope=test >/dev/null
CP="telephony/target/test-classes:telephony/target/classes:$(cat telephony/target/telephony-bench.classpath)"
ulimit -n 65536 2>/dev/null || true

case "$MODE" in
  rate) DURATION=${ARG3:-20}; SERVER_S=$((DURATION + 40)) ;;
  *) HOLD=${ARG3:-60}; SERVER_S=$((HOLD + N / 100 + 60)) ;;
esac
"$JAVA_HOME/bin/java" -Xms1g -Xmx2g -XX:+UseZGC -XX:ThreadPriorityPolicy=1 -cp "$CP" \
  io.rexian.telephony.bench.TelephonyBenchServer "$PORT" "$SERVER_S" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q ready "$OUT/server.log" 2>/dev/null && break; sleep 0.2; done
# PACER=rt|nice gives the engine's media threads that priority (see bench/media-threads-priority.sh)
bench/media-threads-priority.sh "$SERVER" "${PACER:-os}"

SIPP=(sipp 127.0.0.1:$PORT -i 127.0.0.1 -nostdin -trace_stat -fd 5 -trace_err -timeout_error)
cd "$OUT"
case "$MODE" in
  rate)
    "${SIPP[@]}" -sf call-service.xml -s '*44' -p 36060 -mp 40000 -r "$N" -m $((N * DURATION)) -l $((N * 4)) \
      -d 1000 -timeout $((DURATION + 30))s -stf stats.csv > sipp.out 2>&1 || true ;;
  playback)
    "${SIPP[@]}" -sf call-service.xml -s '*44' -p 36060 -mp 40000 -r 100 -m "$N" -l "$N" \
      -d $((HOLD * 1000)) -timeout $((HOLD + N / 100 + 40))s -stf stats.csv > sipp.out 2>&1 || true ;;
  bridge)
    "${SIPP[@]}" -sf bridge-callee.xml -s 9000 -p 36070 -mp 42000 -rtp_echo -m "$N" \
      -timeout $((HOLD + N / 50 + 60))s -stf callee.csv > callee.out 2>&1 &
    CALLEE=$!
    sipp 127.0.0.1:$PORT -i 127.0.0.1 -p 36071 -nostdin -sf register-contact.xml -s 9000 -au 9000 -ap bench \
      -key contact_port 36070 -m 1 > register.out 2>&1
    "${SIPP[@]}" -sf bridge-caller.xml -s 9000 -au 8000 -ap bench -key caller 8000 -p 36060 -mp 40000 \
      -r 50 -m "$N" -l "$N" -d $((HOLD * 1000)) -timeout $((HOLD + N / 50 + 40))s -stf stats.csv > sipp.out 2>&1 || true
    wait $CALLEE || true ;;
esac
cd - >/dev/null
kill $SERVER 2>/dev/null || true
wait $SERVER 2>/dev/null || true

python3 - "$OUT" <<'PY'
import csv, sys
out = sys.argv[1]
rows = list(csv.reader(open(out + '/stats.csv'), delimiter=';'))
h, last = rows[0], rows[-1]
v = dict(zip(h, last))
print(f"sipp: created={v.get('TotalCallCreated')} successful={v.get('SuccessfulCall(C)')} "
      f"failed={v.get('FailedCall(C)')} retransmissions={v.get('Retransmissions(C)')} "
      f"peak concurrent={max(int(dict(zip(h, r)).get('CurrentCall', 0) or 0) for r in rows[1:])}")
PY
echo "engine (every 5 s):"
grep '^t=' "$OUT/server.log" | tail -n 40
