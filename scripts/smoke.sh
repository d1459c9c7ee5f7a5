#!/usr/bin/env bash
# Walks the skeleton flow through the gateway of a running stack and checks each answer:
# sign up a company and sign in, capture a lead, convert it, see it in Customers and in the conversion report, un-convert it, see both undone.
# Usage: scripts/smoke.sh [gateway-url]   (default http://localhost:8080)
set -euo pipefail
GW=${1:-http://localhost:8080}
campaign="smoke-$(date +%s)"
phone="+9196$(printf '%08d' $((RANDOM * RANDOM % 100000000)))"

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
wait_for() { # description, command that must succeed
  for _ in $(seq 1 60); do eval "$2" >/dev/null 2>&1 && { echo "ok: $1"; return; }; sleep 0.5; done
  fail "$1"
}

email="smoke-$(date +%s)-$RANDOM@example.com"
company=$(curl -sf -XPOST "$GW/api/companies" -H 'Content-Type: application/json' \
  -d "{\"companyName\":\"Smoke Test\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Smoke Admin\",\"adminEmail\":\"$email\",\"adminPassword\":\"smoke-password\"}" \
  | json "d['companyId']")
echo "ok: signed up company $company"
token=$(curl -sf -XPOST "$GW/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"companyId\":\"$company\",\"email\":\"$email\",\"password\":\"smoke-password\"}" | json "d['accessToken']")
echo "ok: signed in"
auth="Authorization: Bearer $token"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$GW/api/leads/unknown")" = 401 ] || fail "no token must be 401"
echo "ok: 401 without a token"

lead=$(curl -sf -XPOST "$GW/api/leads" -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"firstName\":\"Smoke\",\"phone\":\"$phone\",\"source\":\"smoke\",\"campaign\":\"$campaign\"}")
id=$(echo "$lead" | json "d['id']")
echo "ok: captured lead $id"

curl -sf -XPATCH "$GW/api/leads/$id" -H "$auth" -H 'Content-Type: application/json' -d '{"status":"Customer"}' >/dev/null
echo "ok: converted"
wait_for "customer visible" "curl -sf -H '$auth' $GW/api/customers/$id"
row="d['rows'][[r['key'] for r in d['rows']].index('$campaign')]['conversions']"
wait_for "conversion counted" "[ \"\$(curl -sf -H '$auth' '$GW/api/reports/conversions?groupBy=campaign' | json \"$row\")\" = 1 ]"

curl -sf -XPATCH "$GW/api/leads/$id" -H "$auth" -H 'Content-Type: application/json' -d '{"status":"Interested"}' >/dev/null
echo "ok: un-converted"
wait_for "customer gone (404)" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H '$auth' $GW/api/customers/$id)\" = 404 ]"
wait_for "conversion no longer counted" "[ \"\$(curl -sf -H '$auth' '$GW/api/reports/conversions?groupBy=campaign' | json \"$row\")\" = 0 ]"
echo "smoke test passed"
