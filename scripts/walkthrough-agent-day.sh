#!/usr/bin/env bash
# An agent's day through the gateway of a running stack, printing each answer: sign up, add an agent (lead cap 2),
# capture and assign a lead, log a FOLLOW_UP call, read tasks and timeline, convert, un-convert, status history,
# configuration with and without X-Confirm-Password, Run Now, the lead cap and ?force=true.
# Usage: scripts/walkthrough-agent-day.sh [gateway-url]   (default http://localhost:8080)
set -u
GW=${1:-http://localhost:8080}
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
J='Content-Type: application/json'
email="demo-$(date +%s%N)@demo.test"; PW=choose-a-password
CO=$(curl -s -XPOST $GW/api/companies -H "$J" -d "{\"companyName\":\"Demo\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Asha\",\"adminEmail\":\"$email\",\"adminPassword\":\"$PW\"}")
T=$(curl -s -XPOST $GW/api/auth/login -H "$J" -d "{\"email\":\"$email\",\"password\":\"$PW\"}" | j 'd["accessToken"]'); A="Authorization: Bearer $T"
AG=$(curl -s -XPOST $GW/api/users -H "$A" -H "$J" -d "{\"name\":\"Arjun\",\"email\":\"agent-$email\",\"password\":\"$PW\",\"role\":\"AGENT\",\"leadCap\":2}" | j 'd["id"]')
TA=$(curl -s -XPOST $GW/api/auth/login -H "$J" -d "{\"email\":\"agent-$email\",\"password\":\"$PW\"}" | j 'd["accessToken"]'); AA="Authorization: Bearer $TA"
L=$(curl -s -XPOST $GW/api/leads -H "$A" -H "$J" -d '{"firstName":"Ravi","phone":"98765 '$(shuf -i 10000-99999 -n1)'"}' | j 'd["id"]')
echo "agent $AG lead $L"
echo "--- assign:"; curl -s -XPUT $GW/api/leads/$L/assignee -H "$A" -H "$J" -d "{\"agentId\":\"$AG\"}" | j '(d["assignedTo"], d["status"]["name"])'
echo "--- call FOLLOW_UP (agent):"; curl -s -XPOST $GW/api/leads/$L/calls -H "$AA" -H "$J" -d '{"callStatus":"FOLLOW_UP","durationSeconds":95,"note":"gold plan"}' | j '(d["call"]["connected"], d["followUp"]["scheduledAt"], d["lead"]["status"]["name"])'
echo "--- bad call:"; curl -s -XPOST $GW/api/leads/$L/calls -H "$AA" -H "$J" -d '{"callStatus":"SHOUTED","durationSeconds":-1}'; echo
echo "--- tasks (agent):"; curl -s $GW/api/tasks -H "$AA" | j '[(i["lead"]["id"], i["dueToday"], i["overdue"], i["nextFollowUpAt"]) for i in d["items"]]'
echo "--- timeline:"; curl -s $GW/api/leads/$L/timeline -H "$AA" | j '[(i["type"], i.get("callStatus")) for i in d["items"]]'
echo "--- convert (agent):"; curl -s -XPATCH $GW/api/leads/$L -H "$AA" -H "$J" -d '{"status":"Customer"}' | j '(d["status"]["name"], d["convertedBy"])'
echo "--- tasks after conversion:"; curl -s $GW/api/tasks -H "$AA" | j 'd["total"]'
sleep 2; echo "--- customer view:"; curl -s -o /dev/null -w "%{http_code}\n" $GW/api/customers/$L -H "$A"
echo "--- un-convert (admin):"; curl -s -XPATCH $GW/api/leads/$L -H "$A" -H "$J" -d '{"status":"Interested"}' | j '(d["status"]["name"], d.get("convertedBy"))'
echo "--- status history:"; curl -s $GW/api/leads/$L/status-history -H "$A" | j '[(i["from"]["name"], i["to"]["name"]) for i in d["items"]]'
echo "--- config without password:"; curl -s -o /dev/null -w "%{http_code}\n" -XPUT $GW/api/settings/configuration -H "$A" -H "$J" -d '{}'
UN=$(curl -s $GW/api/settings/statuses -H "$A" | j '[s["id"] for s in d if s["kind"]=="UNASSIGNED"][0]')
echo "--- config with password:"; curl -s -XPUT $GW/api/settings/configuration -H "$A" -H "$J" -H "X-Confirm-Password: $PW" -d "{\"dailyCallTarget\":40,\"showCustomerTo\":\"AGENT_ONLY\",\"autoAssignment\":{\"enabled\":true,\"statuses\":[\"$UN\"],\"runAt\":\"09:00\"},\"topUp\":{\"enabled\":false,\"runAt\":\"08:00\"},\"staleLeads\":{\"enabled\":false,\"afterDays\":30},\"orderModule\":{\"enabled\":true}}" | j '(d["dailyCallTarget"], d["showCustomerTo"])'
for i in 1 2 3; do curl -s -o /dev/null -XPOST $GW/api/leads -H "$A" -H "$J" -d '{"firstName":"Bulk'$i'","phone":"98765 '$(shuf -i 10000-99999 -n1)'"}'; done
echo "--- Run Now:"; curl -s -XPOST $GW/api/settings/auto-assignment/run -H "$A" | j 'd["summary"]'
echo "--- last run:"; curl -s $GW/api/settings/auto-assignment/last-run -H "$A" | j '(d["summary"], d["trigger"])'
echo "--- cap (agent holds 2 of 2), assign one more:"; L2=$(curl -s -XPOST $GW/api/leads -H "$A" -H "$J" -d '{"firstName":"Over","phone":"98765 '$(shuf -i 10000-99999 -n1)'"}' | j 'd["id"]')
curl -s -XPUT $GW/api/leads/$L2/assignee -H "$A" -H "$J" -d "{\"agentId\":\"$AG\"}" | head -c 300; echo
echo "--- forced:"; curl -s -XPUT "$GW/api/leads/$L2/assignee?force=true" -H "$A" -H "$J" -d "{\"agentId\":\"$AG\"}" | j 'd["assignedTo"]'
