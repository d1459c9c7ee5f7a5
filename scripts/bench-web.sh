#!/usr/bin/env bash
# Times the web client's pages through the gateway of a running stack, as a signed-in admin: p50 and p99 of the
# whole answer (curl's time_total on loopback) over N requests per page, and the bytes of a first load of Tasks
# (the page and every stylesheet and script it links), as sent and gzip-compressed. Reported, not asserted.
# Usage: scripts/bench-web.sh [gateway-url] [requests-per-page]   (defaults http://localhost:8080, 50)
set -euo pipefail
GW=${1:-http://localhost:8080}
N=${2:-50}
jar=$(mktemp); work=$(mktemp -d); trap 'rm -rf "$jar" "$work"' EXIT
trap 'echo "bench-web.sh: a request failed at line $LINENO (curl exit $?)" >&2' ERR
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

email="web-bench-$(date +%s)-$RANDOM@example.com"
curl -sf -XPOST "$GW/api/companies" -H 'Content-Type: application/json' -d "{\"companyName\":\"Web Bench\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Bench\",\"adminEmail\":\"$email\",\"adminPassword\":\"bench-password\"}" >/dev/null
token=$(curl -sf -XPOST "$GW/api/auth/login" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" | json "d['accessToken']")
for i in $(seq 1 20); do
  # The lead's own answer names it: a list of the new company's leads would scan a crowded embedded store.
  lead=$(curl -sf -XPOST "$GW/api/leads" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Lead$i\",\"lastName\":\"Bench\",\"phone\":\"9$(printf '%09d' $((RANDOM * 1000 + i)))\",\"source\":\"bench\",\"campaign\":\"web\"}" \
    | json "d['id']")
done

# Sign in through the page, as a browser does: the form's CSRF token, then the session cookies.
csrf=$(curl -sf -c "$jar" -b "$jar" "$GW/sign-in" | python3 -c "import re,sys; print(re.search(r'name=\"_csrf\" value=\"([^\"]+)\"', sys.stdin.read()).group(1))")
curl -sf -o /dev/null -c "$jar" -b "$jar" -XPOST "$GW/sign-in" --data-urlencode "email=$email" \
  --data-urlencode "password=bench-password" --data-urlencode "_csrf=$csrf"

printf '%-28s %8s %8s\n' "page (n=$N)" "p50 ms" "p99 ms"
for page in /dashboard /tasks /leads "/leads/$lead" /customers /reports /settings; do
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$GW$page"
  done > "$work/times"
  python3 - "$page" "$work/times" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[2])]
bad = [c for c, _ in lines if c != "200"]
ms = sorted(float(t) * 1000 for _, t in lines)
p = lambda q: ms[min(len(ms) - 1, int(round(q * len(ms) + 0.5)) - 1)]
name = sys.argv[1] if len(sys.argv[1]) < 20 else sys.argv[1][:16] + "…"
print(f"{name:<28} {p(0.5):8.1f} {p(0.99):8.1f}" + (f"   ({len(bad)} not 200: {sorted(set(bad))})" if bad else ""))
PY
done

# First load of Tasks: the page and everything it links, as text and as the server sends it to a browser that
# accepts gzip (web-app compresses HTML, CSS and scripts; the gateway passes the encoding through).
curl -sf -b "$jar" "$GW/tasks" -o "$work/tasks.html"
python3 - "$GW" "$jar" "$work" <<'PY'
import re, subprocess, sys
gw, jar, work = sys.argv[1:4]
html = open(f"{work}/tasks.html", "rb").read()
paths = ["/tasks"] + [p.decode() for p in dict.fromkeys(re.findall(rb'(?:href|src)="(/[^"]+\.(?:css|js))"', html))]
def size(path, *accept):
    out = subprocess.run(["curl", "-s", "-b", jar, *accept, "-o", "/dev/null", "-w", "%{size_download}", gw + path],
                         capture_output=True, check=True).stdout
    return int(out)
text = sum(size(p) for p in paths)
wire = sum(size(p, "-H", "Accept-Encoding: gzip") for p in paths)
print(f"first load of Tasks: {len(paths)} files, {text / 1024:.0f} KB as text, {wire / 1024:.0f} KB transferred with gzip")
PY
