#!/usr/bin/env bash
# Gives the media threads of a running JVM ("rtp-pacer", "rtp-receiver"; not the rest of the JVM)
# a scheduling class, as media servers do for their timer thread. Needs root or CAP_SYS_NICE.
# The same command serves a production node: run it once after the server has started.
#
#   bench/media-threads-priority.sh PID rt     real-time round robin, priority 10 (chrt -r 10)
#   bench/media-threads-priority.sh PID nice   nice -15
#   bench/media-threads-priority.sh PID os     leave them as the JVM set them
set -euo pipefail
PID=${1:?pid of the JVM}
MODE=${2:-rt}
[ "$MODE" = os ] && exit 0
for _ in $(seq 50); do   # the engine starts its media threads within the first seconds
  grep -qx rtp-pacer /proc/"$PID"/task/*/comm 2>/dev/null && break
  sleep 0.2
done
for task in /proc/"$PID"/task/*; do
  name=$(cat "$task/comm" 2>/dev/null || true)
  if [ "$name" = rtp-pacer ] || [ "$name" = rtp-receiver ]; then
    case "$MODE" in
      rt) chrt -r -p 10 "${task##*/}" ;;
      nice) renice -n -15 -p "${task##*/}" >/dev/null ;;
    esac
    echo "$name thread ${task##*/}: $(chrt -p "${task##*/}" | tail -1 | sed 's/.*: //'), nice $(awk '{print $19}' "$task/stat")"
  fi
done
