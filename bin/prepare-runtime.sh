#!/usr/bin/env bash
# prepare-runtime.sh — builds the fast-start runtime that ./backprop uses on JDK 25 (docs/PERFORMANCE.md,
# start-up). Run by the launcher in the background (detached, output in shell/target/app/prepare.log),
# or in the foreground with `./backprop --prepare`.
#
# Two parts, each built in a temporary place and renamed into place only when complete:
#   1. shell/target/app/jdk — a jlinked copy of the JDK without its own jdk.graal.compiler module, so that
#      the Graal compiler 25.0.3 (which Truffle needs) goes on the ordinary module path instead of
#      --upgrade-module-path; the JDK turns off CDS and its ahead-of-time cache whenever
#      --upgrade-module-path is given.
#   2. shell/target/app/backprop.aot — JDK 25's ahead-of-time cache (JEP 483/514/515): the classes of
#      the JVM, Truffle, GraalJS and ours, loaded and linked by a training run of bin/aot-training.js.
# Each part records what it was built from (a .key file); the launcher uses a part only when its key
# matches (same JDK, same jars), so a rebuild or another JDK never meets a stale image or cache.
#
# Usage: prepare-runtime.sh [--wait] IMAGE_KEY CACHE_KEY JDK APP -- JAVA-ARGS…   (JAVA-ARGS: the launcher's
# flags and main class for the image, without -XX:AOTCache; the training appends `run <training script>`).
# --wait (the foreground mode): when another preparation is running, wait for it instead of leaving.
set -uo pipefail

WAIT=0
if [[ "${1:-}" == "--wait" ]]; then
  WAIT=1
  shift
fi
IMAGE_KEY=$1 CACHE_KEY=$2 JDK=$3 APP=$4
shift 5
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
IMAGE="$APP/jdk"
CACHE="$APP/backprop.aot"
LOCK="$APP/.prepare.lock"
LOG="$APP/prepare.log"   # what jlink and the training run print (the JVM lists every class it skips)

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
# A failure is remembered for these jars, so that the launcher does not retry on every start.
fail() {
  say "$*"
  printf '%s\n' "$CACHE_KEY" > "$APP/.prepare.failed"
  exit 1
}

# One preparation at a time: mkdir is atomic. A lock older than 15 minutes is left over from a killed run.
waited=0
until mkdir "$LOCK" 2>/dev/null; do
  if [[ -n "$(find "$LOCK" -maxdepth 0 -mmin +15 2>/dev/null)" ]]; then
    rm -rf "$LOCK"
  elif (( ! WAIT )); then
    say "another preparation is running ($LOCK); nothing to do"
    exit 0
  elif (( waited++ == 0 )); then
    say "waiting for the preparation already running ($LOCK)"
  fi
  sleep 1
done
trap 'rm -rf "$LOCK" "$IMAGE.tmp.$$" "$CACHE.tmp.$$" "$CACHE.tmp.$$.config"' EXIT

if [[ "$(cat "$IMAGE/backprop-image.key" 2>/dev/null)" != "$IMAGE_KEY" ]]; then
  say "linking the runtime image from $JDK"
  # java.se and the JDK modules Truffle, GraalJS, the Vector API kernel and our tools use; not jdk.graal.compiler.
  MODULES=java.se,jdk.unsupported,jdk.internal.vm.ci,jdk.incubator.vector,jdk.management,jdk.jfr,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.jdwp.agent,jdk.attach,jdk.jcmd
  rm -rf "$IMAGE.tmp.$$"
  "$JDK/bin/jlink" --add-modules "$MODULES" --output "$IMAGE.tmp.$$" >>"$LOG" 2>&1
  if [[ ! -x "$IMAGE.tmp.$$/bin/java" ]]; then
    fail "jlink failed (see $LOG); ./backprop keeps using $JDK with --upgrade-module-path"
  fi
  printf '%s\n' "$IMAGE_KEY" > "$IMAGE.tmp.$$/backprop-image.key"
  rm -rf "$IMAGE" "$CACHE" "$CACHE.key"
  mv "$IMAGE.tmp.$$" "$IMAGE"
  say "runtime image ready: $IMAGE"
fi

if [[ "$(cat "$CACHE.key" 2>/dev/null)" != "$CACHE_KEY" ]]; then
  say "training the ahead-of-time cache with bin/aot-training.js"
  rm -f "$CACHE.tmp.$$"
  # -XX:AOTCacheOutput runs the training and then assembles the cache in a child JVM before exiting.
  if ! "$IMAGE/bin/java" -XX:AOTCacheOutput="$CACHE.tmp.$$" "$@" run "$ROOT/bin/aot-training.js" </dev/null >>"$LOG" 2>&1; then
    fail "the training run failed (see $LOG); ./backprop starts without the cache"
  fi
  if [[ ! -s "$CACHE.tmp.$$" ]]; then
    fail "the JVM wrote no cache; ./backprop starts without it"
  fi
  mv "$CACHE.tmp.$$" "$CACHE"
  printf '%s\n' "$CACHE_KEY" > "$CACHE.key"
  say "ahead-of-time cache ready: $CACHE ($(du -h "$CACHE" | cut -f1))"
fi
exit 0
