#!/usr/bin/env bash
# A sale through the gateway of a running stack, printing each answer: sign up, set the company GSTIN (Karnataka),
# add two agents, AGENT_ONLY visibility, capture and convert leads, orders with GST (intra- and inter-state,
# inclusive), payment transitions, idempotent retries, the Customers view as admin and agents, un-conversion, and
# every report; then bad input and security answers (401, 403, 404, 422, 409, 400).
# Usage: scripts/walkthrough-sale.sh [gateway-url]   (default http://localhost:8080)
set -u
GW=${1:-http://localhost:8080}
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
J='Content-Type: application/json'
email="sale-$(date +%s%N)@demo.test"; PW=choose-a-password
phone() { echo "98765 $(shuf -i 10000-99999 -n1)"; }
curl -s -XPOST $GW/api/companies -H "$J" -d "{\"companyName\":\"Demo\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Asha\",\"adminEmail\":\"$email\",\"adminPassword\":\"$PW\"}" > /dev/null
T=$(curl -s -XPOST $GW/api/auth/login -H "$J" -d "{\"email\":\"$email\",\"password\":\"$PW\"}" | j 'd["accessToken"]'); A="Authorization: Bearer $T"
agent() { curl -s -XPOST $GW/api/users -H "$A" -H "$J" -d "{\"name\":\"$1\",\"email\":\"$1-$email\",\"password\":\"$PW\",\"role\":\"AGENT\",\"leadCap\":20}" | j 'd["id"]'; }
login() { curl -s -XPOST $GW/api/auth/login -H "$J" -d "{\"email\":\"$1-$email\",\"password\":\"$PW\"}" | j 'd["accessToken"]'; }
A1=$(agent arjun); A2=$(agent meera); T1="Authorization: Bearer $(login arjun)"; T2="Authorization: Bearer $(login meera)"
echo "--- company GSTIN (Karnataka, 29):"; curl -s -XPUT $GW/api/settings/company -H "$A" -H "$J" -d '{"companyName":"Demo","timezone":"Asia/Kolkata","gstin":"29AAGCB7383J1Z4"}' | j 'd["gstin"]'
UN=$(curl -s $GW/api/settings/statuses -H "$A" | j '[s["id"] for s in d if s["kind"]=="UNASSIGNED"][0]')
echo "--- AGENT_ONLY:"; curl -s -XPUT $GW/api/settings/configuration -H "$A" -H "$J" -H "X-Confirm-Password: $PW" -d "{\"dailyCallTarget\":40,\"showCustomerTo\":\"AGENT_ONLY\",\"autoAssignment\":{\"enabled\":false,\"statuses\":[\"$UN\"],\"runAt\":\"09:00\"},\"topUp\":{\"enabled\":false,\"runAt\":\"08:00\"},\"staleLeads\":{\"enabled\":false,\"afterDays\":30},\"orderModule\":{\"enabled\":true}}" | j 'd["showCustomerTo"]'
lead() { L=$(curl -s -XPOST $GW/api/leads -H "$A" -H "$J" -d "{\"firstName\":\"$1\",\"phone\":\"$(phone)\",\"tags\":[\"$3\"],\"source\":\"$4\"}" | j 'd["id"]')
         curl -s -o /dev/null -XPUT $GW/api/leads/$L/assignee -H "$A" -H "$J" -d "{\"agentId\":\"$2\"}"; echo $L; }
L1=$(lead Ravi $A1 hot facebook); L2=$(lead Sita $A2 vip google); L3=$(lead Kiran $A1 hot google)
curl -s -o /dev/null -XPOST $GW/api/leads/$L1/calls -H "$T1" -H "$J" -d '{"callStatus":"CALLED","durationSeconds":240,"note":"wants gold"}'
curl -s -o /dev/null -XPOST $GW/api/leads/$L3/calls -H "$T1" -H "$J" -d '{"callStatus":"NO_ANSWER","durationSeconds":0}'
for p in "$L1 $T1" "$L2 $T2"; do set -- $p; curl -s -o /dev/null -XPATCH $GW/api/leads/$1 -H "Authorization: Bearer ${p##* }" -H "$J" -d '{"status":"Customer"}'; done
curl -s -o /dev/null -XPOST $GW/api/leads/$L1/notes -H "$T1" -H "$J" -d '{"text":"paid by UPI, after conversion"}'
echo "--- order, intra-state (KA), 18% on top of 10000.00:"; O1=$(curl -s -XPOST $GW/api/orders -H "$T1" -H "$J" -H "Idempotency-Key: k-$L1" -d "{\"leadId\":\"$L1\",\"plan\":\"Gold\",\"amount\":\"10000.00\",\"paymentStatus\":\"PENDING\",\"gst\":{\"rate\":\"18\"}}")
echo "$O1" | j '(d["id"], d["taxBreakdown"])'; OID=$(echo "$O1" | j 'd["id"]')
echo "--- same Idempotency-Key, same body (replay):"; curl -s -XPOST $GW/api/orders -H "$T1" -H "$J" -H "Idempotency-Key: k-$L1" -d "{\"leadId\":\"$L1\",\"plan\":\"Gold\",\"amount\":\"10000.00\",\"paymentStatus\":\"PENDING\",\"gst\":{\"rate\":\"18\"}}" | j 'd["id"]'
echo "--- same key, other body:"; curl -s -o /dev/null -w "%{http_code}\n" -XPOST $GW/api/orders -H "$T1" -H "$J" -H "Idempotency-Key: k-$L1" -d "{\"leadId\":\"$L1\",\"plan\":\"Gold\",\"amount\":\"1.00\",\"paymentStatus\":\"PENDING\"}"
echo "--- order, inter-state customer GSTIN (27, Maharashtra), 11800.00 including 18%:"; curl -s -XPOST $GW/api/orders -H "$T2" -H "$J" -d "{\"leadId\":\"$L2\",\"plan\":\"Silver\",\"amount\":\"11800.00\",\"amountIncludesTax\":true,\"paymentStatus\":\"PAID\",\"gst\":{\"rate\":\"18\",\"customerGstin\":\"27AAPFU0939F1ZV\"}}" | j 'd["taxBreakdown"]'
echo "--- bad GSTIN:"; curl -s -XPOST $GW/api/orders -H "$A" -H "$J" -d "{\"leadId\":\"$L2\",\"plan\":\"Silver\",\"amount\":\"100\",\"paymentStatus\":\"PENDING\",\"gst\":{\"rate\":\"18\",\"customerGstin\":\"27AAPFU0939F1ZX\"}}" | j '(d["status"], d["errors"])'
echo "--- rate not allowed:"; curl -s -XPOST $GW/api/orders -H "$A" -H "$J" -d "{\"leadId\":\"$L2\",\"plan\":\"Silver\",\"amount\":\"100\",\"paymentStatus\":\"PENDING\",\"gst\":{\"rate\":\"12\"}}" | j '(d["status"], d["errors"])'
echo "--- PARTIALLY_PAID 5000, then PAID:"; curl -s -XPATCH $GW/api/orders/$OID -H "$T1" -H "$J" -d '{"paymentStatus":"PARTIALLY_PAID","amountPaid":"5000.00"}' | j '(d["paymentStatus"], d["amountPaid"])'
curl -s -XPATCH $GW/api/orders/$OID -H "$T1" -H "$J" -d '{"paymentStatus":"PAID"}' | j '(d["paymentStatus"], d["amountPaid"])'
echo "--- PAID -> PENDING (illegal):"; curl -s -XPATCH $GW/api/orders/$OID -H "$T1" -H "$J" -d '{"paymentStatus":"PENDING"}' | j '(d["status"], d["detail"])'
echo "--- order for an unknown lead:"; curl -s -o /dev/null -w "%{http_code}\n" -XPOST $GW/api/orders -H "$A" -H "$J" -d '{"leadId":"nope","plan":"Gold","amount":"1.00","paymentStatus":"PENDING"}'
sleep 3
echo "--- customers as admin:"; curl -s $GW/api/customers -H "$A" | j '[(i["leadId"], i["firstName"], i.get("convertedByName")) for i in d["items"]]'
echo "--- customers as arjun (AGENT_ONLY):"; curl -s $GW/api/customers -H "$T1" | j '[i["firstName"] for i in d["items"]]'
echo "--- meera reads arjun's customer:"; curl -s -o /dev/null -w "%{http_code}\n" $GW/api/customers/$L1 -H "$T2"
echo "--- arjun's customer, history and orders:"; curl -s $GW/api/customers/$L1 -H "$T1" | j '([h["type"] for h in d["history"]], [(o["plan"], o["paymentStatus"], o["total"]) for o in d["orders"]])'
echo "--- bad date filter:"; curl -s $GW/api/customers?from=2026-02-30 -H "$A" | j '(d["status"], d["errors"])'
echo "--- conversions by agent:"; curl -s "$GW/api/reports/conversions?groupBy=agent" -H "$A" | j '([(r["label"], r["leads"], r["conversions"], r["conversionRate"]) for r in d["rows"]], d["total"])'
echo "--- revenue by agent:"; curl -s "$GW/api/reports/revenue?groupBy=agent" -H "$A" | j '[(r["label"], r["orders"], r["revenue"], r["collected"], r["tax"]) for r in d["rows"]]'
echo "--- un-convert Sita, then revenue and conversions by tag:"; curl -s -o /dev/null -XPATCH $GW/api/leads/$L2 -H "$A" -H "$J" -d '{"status":"Interested"}'; sleep 3
curl -s "$GW/api/reports/revenue?groupBy=agent" -H "$A" | j '[(r["label"], r["orders"], r["revenue"]) for r in d["rows"]]'
curl -s "$GW/api/reports/conversions?groupBy=tag" -H "$A" | j '[(r["label"], r["leads"], r["conversions"]) for r in d["rows"]]'
echo "--- Sita in the Customers view:"; curl -s -o /dev/null -w "%{http_code}\n" $GW/api/customers/$L2 -H "$A"
echo "--- time to convert, funnel, calls:"; curl -s "$GW/api/reports/time-to-convert?groupBy=agent" -H "$A" | j '(d["rows"], d["total"])'
curl -s "$GW/api/reports/funnel" -H "$A" | j '[(r["label"], r["leads"]) for r in d["rows"] if r["leads"]]'
curl -s "$GW/api/reports/calls?groupBy=agent" -H "$A" | j 'd["rows"]'
echo "--- bad groupBy:"; curl -s "$GW/api/reports/conversions?groupBy=planet" -H "$A" | j '(d["status"], d["errors"])'
echo "--- no token / forged token:"; curl -s -o /dev/null -w "%{http_code} " $GW/api/orders; curl -s -o /dev/null -w "%{http_code}\n" $GW/api/orders -H "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."
echo "--- agent changes the GST rates:"; curl -s -o /dev/null -w "%{http_code}\n" -XPUT $GW/api/orders/settings -H "$T1" -H "$J" -d '{"gstRates":["0","5"]}'
