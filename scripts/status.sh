#!/usr/bin/env bash
# Prints how a running local stack is doing, from the same metrics the Prometheus dashboards and alerts use
# (ops/, README "Operations"), without Prometheus or Docker: each service's health and request rates, consumer lag,
# the outbox backlog of lead- and order-service and the dead-lettered records. Needs curl and awk.
#
#   scripts/status.sh [gateway-url | --port-offset=N]     (default http://localhost:8080)
#
# The services are found on the local stack's layout: the gateway's port, then lead-service +1, customer-service +2,
# order-service +3, reporting-service +4, web-app +5 and webhook-service +6 on the same host. Request rates are
# measured over STATUS_INTERVAL seconds (default 5) between two scrapes.
set -euo pipefail

gateway=http://localhost:8080
case "${1:-}" in
  --port-offset=*) gateway="http://localhost:$((8080 + ${1#--port-offset=}))" ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) gateway="${1%/}" ;;
esac
interval=${STATUS_INTERVAL:-5}
host=${gateway%:*}
port=${gateway##*:}
if ! [[ "$port" =~ ^[0-9]+$ ]]; then
  echo "status: give the gateway as http://host:port (got $gateway)" >&2
  exit 2
fi
services=(gateway lead-service customer-service order-service reporting-service web-app webhook-service)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scrape() { # round: 1 or 2
  local i=0 name
  for name in "${services[@]}"; do
    curl -fsS -m 5 "$host:$((port + i))/actuator/prometheus" -o "$work/$name.$1" 2>/dev/null || : >"$work/$name.$1"
    i=$((i + 1))
  done
}

# Sum of a metric's samples whose line contains every filter (and none of the !filters), from one scrape; empty when
# absent. usage: metric FILE NAME [label="value" | !label="value" ...]
metric() {
  local file=$1 name=$2
  shift 2
  awk -v name="$name" -v filters="$*" '
    BEGIN { n = split(filters, want, " ") }
    {
      split($0, parts, /[{ ]/)
      if (parts[1] != name) next
      for (k = 1; k <= n; k++) {
        if (substr(want[k], 1, 1) == "!") { if (index($0, substr(want[k], 2)) > 0) next }
        else if (index($0, want[k]) == 0) next
      }
      sum += $NF; found = 1
    }
    END { if (found) printf "%.10g\n", sum }' "$file"
}

# One line per series of NAME: its labels (those given, in order) and its value; zero values left out when ZERO=skip.
# usage: series FILE NAME label...
series() {
  local file=$1 name=$2
  shift 2
  awk -v name="$name" -v labels="$*" -v skip="${ZERO:-}" '
    function label(l,   re, m) {
      re = "[{,]" l "=\"[^\"]*\""
      if (!match($0, re)) return "-"
      m = substr($0, RSTART + length(l) + 3, RLENGTH - length(l) - 4)
      gsub(/ /, "_", m) # one word per column, e.g. stream "company pipeline"
      return m
    }
    {
      split($0, parts, /[{ ]/)
      if (parts[1] != name) next
      if (skip == "skip" && $NF + 0 == 0) next
      n = split(labels, ls, " ")
      out = ""
      for (k = 1; k <= n; k++) out = out (k > 1 ? " " : "") label(ls[k])
      printf "%s %s\n", out, $NF
    }' "$file"
}

i=0
declare -A health
for name in "${services[@]}"; do
  answer=$(curl -sS -m 5 "$host:$((port + i))/actuator/health" 2>/dev/null || true)
  if [[ "$answer" =~ \"status\":\"([A-Z_]+)\" ]]; then health[$name]=${BASH_REMATCH[1]}; else health[$name]=DOWN; fi
  i=$((i + 1))
done

scrape 1
sleep "$interval"
scrape 2

echo "Calliyo local stack at $gateway ($(date -u +%FT%TZ)); rates over ${interval} s"
echo
printf '%-18s %-8s %10s %10s %12s\n' SERVICE HEALTH "REQ/S" "5XX/S" "MEAN LATENCY"
api='!uri="/actuator' # health checks and scrapes (this script's own) are not traffic
for name in "${services[@]}"; do
  a=$work/$name.1 b=$work/$name.2
  awk -v n="$name" -v h="${health[$name]}" -v t="$interval" \
    -v c1="$(metric "$a" http_server_requests_seconds_count "$api")" \
    -v c2="$(metric "$b" http_server_requests_seconds_count "$api")" \
    -v e1="$(metric "$a" http_server_requests_seconds_count "$api" 'status="5')" \
    -v e2="$(metric "$b" http_server_requests_seconds_count "$api" 'status="5')" \
    -v s1="$(metric "$a" http_server_requests_seconds_sum "$api")" \
    -v s2="$(metric "$b" http_server_requests_seconds_sum "$api")" '
    BEGIN {
      if (c2 == "") { printf "%-18s %-8s %10s %10s %12s\n", n, h, "-", "-", "-"; exit }
      dc = c2 - c1; ds = s2 - s1
      mean = "-"
      if (dc > 0) mean = sprintf("%.1f ms", 1000 * ds / dc)
      printf "%-18s %-8s %10.2f %10.2f %12s\n", n, h, dc / t, (e2 - e1) / t, mean
    }'
done

echo
echo "Consumer lag (records behind; the Kafka client also reports each topic as a_b_c, left out)"
printf '  %-18s %-24s %10s %12s %14s\n' SERVICE TOPIC PARTITIONS "TOTAL LAG" "MAX PARTITION"
found=0
for name in "${services[@]}"; do
  while read -r topic partitions total max; do
    printf '  %-18s %-24s %10s %12.0f %14.0f\n' "$name" "$topic" "$partitions" "$total" "$max"
    found=1
  done < <(series "$work/$name.2" kafka_consumer_fetch_manager_records_lag topic partition | awk '
    $1 != "-" && $1 !~ /_/ { n[$1]++; sum[$1] += $3; if ($3 > max[$1]) max[$1] = $3 }
    END { for (t in n) printf "%s %d %s %s\n", t, n[t], sum[t], max[t] + 0 }' | sort)
done
[[ $found == 1 ]] || echo "  (no consumer metrics: are the services up?)"

echo
echo "Outbox backlog (as of each relay's last sweep)"
found=0
for name in lead-service order-service; do
  while read -r stream pending; do
    age=$(series "$work/$name.2" calliyo_outbox_oldest_age_seconds stream | awk -v s="$stream" '$1 == s { print $2 }')
    printf '  %-18s %-10s %8.0f pending, oldest %6.1f s\n' "$name" "$stream" "$pending" "${age:-0}"
    found=1
  done < <(series "$work/$name.2" calliyo_outbox_pending stream)
done
[[ $found == 1 ]] || echo "  (neither lead-service nor order-service answers)"

echo "Dead-lettered records (since each service started)"
found=0
for name in "${services[@]}"; do
  while read -r topic count; do
    printf '  %-18s %-28s %8.0f\n' "$name" "$topic" "$count"
    found=1
  done < <(ZERO=skip series "$work/$name.2" calliyo_kafka_dead_letters_total topic)
done
[[ $found == 1 ]] || echo "  none"

down=0
for name in "${services[@]}"; do [[ "${health[$name]}" == UP ]] || down=1; done
exit $down
