#!/usr/bin/env bash
# Times a background CSV import of a ~10 MB file (≈130k rows, ~5% duplicates) through the gateway of a running stack:
# signs up a company, uploads with "Prefer: respond-async", polls GET /api/leads/imports/{id} until it ends, prints
# the counts and rows/s. Reported, not asserted.
# Usage: scripts/bench-import.sh [gateway-url] [csv-file]   (defaults http://localhost:8080, a generated file)
set -euo pipefail
GW=${1:-http://localhost:8080}
FILE=${2:-}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

if [[ -z "$FILE" ]]; then
  FILE=$(mktemp --suffix=.csv)
  trap 'rm -f "$FILE"' EXIT
  python3 - "$FILE" <<'PY'
import sys
rows, size = [], 0
with open(sys.argv[1], "w") as out:
    out.write("FirstName,LastName,Phone,Email,Status,Tags\n")
    i = 0
    while size < 10 * 1024 * 1024 - 200:
        n = i - 7 if i % 20 == 19 else i  # every 20th row repeats an earlier phone: ~5% duplicates
        line = f'Lead{i},Surname{i},{9300000000 + n},lead{i}@example.com,Unassigned,"csv;batch{i % 50}"\n'
        out.write(line); size += len(line); i += 1
PY
fi
rows=$(($(wc -l < "$FILE") - 1))
email="bench-$(date +%s)-$RANDOM@example.com"
curl -sf -XPOST "$GW/api/companies" -H 'Content-Type: application/json' -d "{\"companyName\":\"Import Bench\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Bench\",\"adminEmail\":\"$email\",\"adminPassword\":\"bench-password\"}" >/dev/null
login() { curl -sf -m 30 -XPOST "$GW/api/auth/login" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" | json "d['accessToken']"; }
# One sign-in, renewed after 10 minutes (tokens live 15): signing in again on every poll would put the sign-in
# itself behind the import.
token=$(login); token_at=$(date +%s)
headers=$(mktemp)
start=$(date +%s.%N)
curl -sf -D "$headers" -o /dev/null -XPOST "$GW/api/leads/imports" -H "Authorization: Bearer $token" \
  -H 'Prefer: respond-async' -F "file=@$FILE;type=text/csv"
job=$(grep -i '^location:' "$headers" | tr -d '\r' | awk '{print $2}'); rm -f "$headers"
echo "$(du -h "$FILE" | cut -f1) file, $rows rows: accepted as $job"
# A poll is an interactive read: those not answered 200 within 10 s while the import runs are counted, not fatal.
polls=0; missed=0
while :; do
  sleep 5
  if (( $(date +%s) - token_at > 600 )); then token=$(login || echo "$token"); token_at=$(date +%s); fi
  polls=$((polls + 1))
  if ! state=$(curl -sf -m 10 "$GW$job" -H "Authorization: Bearer $token"); then missed=$((missed + 1)); continue; fi
  s=$(echo "$state" | json "d['state']")
  echo "  $(echo "$state" | json "f\"{d['state']}: {d['imported']} imported, {d['skippedDuplicates']} duplicates skipped\"")"
  [[ "$s" != RUNNING ]] && break
done
seconds=$(echo "$state" | json "__import__('datetime').datetime.fromisoformat(d['finishedAt'].replace('Z','+00:00')).timestamp() - __import__('datetime').datetime.fromisoformat(d['startedAt'].replace('Z','+00:00')).timestamp()")
echo "polls of the import's state not answered within 10 s while it ran: $missed of $polls"
python3 -c "import sys; r, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{r} rows in {s:.0f} s: {r / s:.0f} rows/s')" "$rows" "$seconds"
echo "company admin: $email"
