#!/usr/bin/env bash
# Tier-1 export checks (exports.md §7): a throwaway RabbitMQ node on 127.0.0.1 only, the broker
# tests (import, read back and compare, routing, least privilege, dead-lettering, deploy), and
# @asyncapi/parser on every exported AsyncAPI document plus the two negative controls.
# Stops everything it started by PID (broker and epmd) through a trap, also on failure.
# Usage: .ci/brokers.sh   (as root or with sudo rights for apt-get; Debian 12)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# HOME is redirected to the broker's temp dir below (Erlang cookie); keep cargo and rustup found.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
T0=$(date +%s.%N)
el() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
say() { echo "[$(el) s] $*"; }

CTL=/usr/lib/rabbitmq/bin/rabbitmqctl
SERVER=/usr/lib/rabbitmq/bin/rabbitmq-server
W=$(mktemp -d)
EPMD_PID=""

cleanup() {
  set +e
  if [ -f "$W/rabbit.pid" ]; then
    pid=$(cat "$W/rabbit.pid")
    # Only if that PID is still our broker (a stale PID may have been reused).
    if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = beam.smp ]; then
      "$CTL" -q stop "$W/rabbit.pid" >/dev/null 2>&1 || kill "$pid"
    fi
  fi
  if [ -n "$EPMD_PID" ] && kill -0 "$EPMD_PID" 2>/dev/null; then
    kill "$EPMD_PID"; wait "$EPMD_PID" 2>/dev/null
  fi
  rm -rf "$W"
  say "broker and epmd stopped, $W removed"
}
trap cleanup EXIT

# 1. Install rabbitmq-server. The package's maintainer scripts would start the packaged service on
#    ALL interfaces: block that with policy-rc.d unless the image already does, then restore.
if [ ! -x "$SERVER" ]; then
  created_guard=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; created_guard=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
  if [ "$created_guard" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  say "rabbitmq-server installed"
else
  say "rabbitmq-server already installed"
fi
if ! command -v curl >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null
fi
dpkg-query -W -f='${Package} ${Version}\n' rabbitmq-server

# 2. The AsyncAPI parser (pinned in .ci/asyncapi/package-lock.json).
(cd .ci/asyncapi && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
say "@asyncapi/parser installed"

# 3. Build the binary and the broker test target before the broker starts (keeps the node's
#    lifetime short).
cargo build --no-default-features --quiet
cargo test --no-default-features --test brokers --no-run --quiet
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/switchboard"
say "built"

# 4. Start a loopback-only node in $W. Free ports are chosen if the defaults are busy.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
AMQP_PORT=$(pick 5672); MGMT_PORT=$(pick 15672); DIST_PORT=$(pick 25672)
mkdir -p "$W/home" "$W/mnesia" "$W/log"
export HOME=$W/home RABBITMQ_NODENAME=rabbit-ci@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$AMQP_PORT
export RABBITMQ_CONFIG_FILE=$W/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$W/enabled_plugins
export RABBITMQ_MNESIA_BASE=$W/mnesia RABBITMQ_LOG_BASE=$W/log RABBITMQ_PID_FILE=$W/rabbit.pid
export ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=$DIST_PORT
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
cat > "$W/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
loopback_users.guest = true
log.console = false
CONF
echo '[rabbitmq_management].' > "$W/enabled_plugins"
# Start epmd ourselves so that its PID is known; an epmd that is already running is used and
# left alone (other Erlang programs may depend on it).
if epmd -names >/dev/null 2>&1; then
  say "an epmd is already running; using it and leaving it alone"
else
  epmd > "$W/epmd.out" 2>&1 & EPMD_PID=$!
fi
"$SERVER" > "$W/server.out" 2>&1 &
"$CTL" -q wait --timeout 60 "$W/rabbit.pid"
for _ in $(seq 1 100); do
  curl -sf -u guest:guest "http://127.0.0.1:$MGMT_PORT/api/overview" >/dev/null && break
  sleep 0.2
done
curl -sf -u guest:guest "http://127.0.0.1:$MGMT_PORT/api/overview" >/dev/null
say "node up (beam pid $(cat "$W/rabbit.pid"), epmd pid ${EPMD_PID:-shared}, amqp $AMQP_PORT, management $MGMT_PORT)"
if command -v ss >/dev/null; then
  if ss -ltnp | grep -E "beam|epmd" | grep -vE "127\.0\.0\.1:|\[::1\]:"; then
    echo "FAIL: the broker listens on a non-loopback address"; exit 1
  fi
fi

# 5. The broker tests (tier 1).
export SWITCHBOARD_BROKER_TESTS=1
export SWITCHBOARD_AMQP_URL=amqp://127.0.0.1:$AMQP_PORT
export SWITCHBOARD_MGMT_URL=http://127.0.0.1:$MGMT_PORT
export SWITCHBOARD_RABBITMQCTL=$CTL
cargo test --no-default-features --quiet --test brokers -- --test-threads=1 --nocapture
say "broker tests passed"

# 6. The CLI on the worked example: exactly the expected warning, then the AsyncAPI parser.
FIX=tests/fixtures/export/worked-example.ron
if ! "$BIN" export all "$FIX" --out "$W/out" --kafka 2> "$W/export.err"; then
  if grep -q 'Mermaid export is not yet implemented' "$W/export.err"; then
    echo "NOTE: the Mermaid export is still a stub; exporting the four broker targets one by one"
    for t in rabbitmq asyncapi strimzi topics; do
      "$BIN" export "$t" "$FIX" --out "$W/out" --kafka 2>> "$W/export.err.$t"
    done
    sort -u "$W"/export.err.* | grep -v '^wrote' > "$W/export.err"
  else
    cat "$W/export.err"; exit 1
  fi
fi
grep '^warning' "$W/export.err" > "$W/warnings" || true
# W01 is the worked example's (exports.md §6.2); W14 (endless redelivery on 3.10 without a DLQ or a
# delivery limit) was added for reviewers (issue "Exports that stay right").
expected='warning[W01]: flow F4 (ERP -> DWH, invoices): not exported (point-to-point: pattern file_export)
warning[W14]: flow F2 (WMS -> DWH, stock): one attempt and no dead-letter queue, so no delivery limit is written; RabbitMQ 3.10 redelivers a requeued message forever (4.x stops after 20). Add a DLQ or set retry attempts
warning[W14]: flow F3 (ERP -> WMS, orders): one attempt and no dead-letter queue, so no delivery limit is written; RabbitMQ 3.10 redelivers a requeued message forever (4.x stops after 20). Add a DLQ or set retry attempts'
if [ "$(cat "$W/warnings")" != "$expected" ]; then
  echo "FAIL: unexpected export warnings:"; cat "$W/export.err"; exit 1
fi
say "switchboard export all: exactly the expected W01 and W14 warnings"
"$BIN" export asyncapi "$FIX" --out "$W/plain" 2>/dev/null
node .ci/asyncapi/validate.cjs "$W"/out/asyncapi/*.yaml "$W"/plain/asyncapi/*.yaml
# The bundled seafood example (its message_queue flows; the rest warns W01).
for doc in examples/seafood.ron; do
  [ -f "$doc" ] || continue
  name=$(basename "$doc" .ron)
  if "$BIN" export asyncapi "$doc" --out "$W/$name" --kafka 2>/dev/null && ls "$W/$name"/asyncapi/*.yaml >/dev/null 2>&1; then
    node .ci/asyncapi/validate.cjs "$W/$name"/asyncapi/*.yaml
  else
    echo "NOTE: $doc has no exported flows for AsyncAPI"
  fi
done
say "AsyncAPI documents pass @asyncapi/parser"

# 7. The two negative controls of §6.5 must fail.
node .ci/asyncapi/negative.cjs "$W/plain/asyncapi/wms.yaml" "$W/neg"
if node .ci/asyncapi/validate.cjs "$W/neg/both-exchange-and-queue.yaml"; then
  echo "FAIL: the negative control both-exchange-and-queue.yaml passed"; exit 1
fi
if node .ci/asyncapi/validate.cjs "$W/neg/no-x-prefix.yaml"; then
  echo "FAIL: the negative control no-x-prefix.yaml passed"; exit 1
fi
say "both negative controls fail as they must"
say "all broker and AsyncAPI checks passed"
