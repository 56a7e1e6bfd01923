# Sourced by ./backprop and ./mvnw: finds a JDK 21 or newer and sets BACKPROP_JAVA_HOME to it and
# BACKPROP_JAVA_VERSION to its feature version (21, 25, …).
# Looks at $BACKPROP_JAVA_HOME, $JAVA_HOME, the java on PATH, then the usual install folders.
# Prefers the newest version found among the install folders when the first two don't qualify.

_bp_java_version() { # prints the feature version of the JDK at $1, or nothing
  local jh=$1 line
  [ -x "$jh/bin/java" ] && [ -x "$jh/bin/javac" ] || return 0
  if [ -f "$jh/release" ]; then
    line=$(grep -E '^JAVA_VERSION=' "$jh/release" 2>/dev/null | head -n1 | cut -d'"' -f2)
  fi
  if [ -z "${line:-}" ]; then
    line=$("$jh/bin/java" -version 2>&1 | head -n1 | sed -E 's/.*version "([^"]+)".*/\1/')
  fi
  line=${line#1.}
  printf '%s\n' "${line%%[.+-]*}"
}

bp_find_jdk() {
  local want=${1:-21} cand v best="" bestv=0
  for cand in "${BACKPROP_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$cand" ] || continue
    v=$(_bp_java_version "$cand")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] 2>/dev/null; then BACKPROP_JAVA_HOME=$cand; BACKPROP_JAVA_VERSION=$v; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(_bp_java_version "$cand")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] 2>/dev/null; then BACKPROP_JAVA_HOME=$cand; BACKPROP_JAVA_VERSION=$v; return 0; fi
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
              "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.m2/jdks/* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$cand" ] || continue
    v=$(_bp_java_version "$cand")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -n "$best" ]; then BACKPROP_JAVA_HOME=$best; BACKPROP_JAVA_VERSION=$bestv; return 0; fi
  cat >&2 <<MSG
backprop: no JDK $want or newer was found (looked at \$BACKPROP_JAVA_HOME, \$JAVA_HOME, the javac on PATH,
/usr/lib/jvm, /opt, ~/.sdkman and ~/.jdks).
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk     (or temurin-25-jdk from Adoptium's repository)
  SDKMAN:         sdk install java 25-tem
then run this command again, or point BACKPROP_JAVA_HOME at it.
MSG
  return 1
}
