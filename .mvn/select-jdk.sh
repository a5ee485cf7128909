# Sourced by ./mvnw before anything else runs.
#
# Kapivara EventHub builds and runs on JDK 25. Many machines keep an older default java on the
# PATH with a newer JDK installed beside it, so when neither JAVA_HOME nor the java on the PATH is
# new enough, look in the usual install folders and use the newest JDK found there (25 or later).
# Set JAVA_HOME to choose a JDK yourself; set HUB_SKIP_JDK_SELECTION=true to turn this off.

hub_required_java=25

hub_java_major() {
  # The "release" file of a JDK home names its version, e.g. JAVA_VERSION="25.0.1".
  [ -f "$1/release" ] || return 1
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

hub_home_of_path_java() {
  command -v java >/dev/null 2>&1 || return 1
  hub_java_bin=$(readlink -f "$(command -v java)") || return 1
  dirname "$(dirname "$hub_java_bin")"
}

hub_is_new_enough() {
  hub_major=$(hub_java_major "$1" 2>/dev/null) || return 1
  [ -n "$hub_major" ] && [ "$hub_major" -ge "$hub_required_java" ] && [ -x "$1/bin/javac" ]
}

hub_find_jdk() {
  hub_best=""
  hub_best_major=0
  for hub_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$hub_candidate" ] || continue
    hub_is_new_enough "$hub_candidate" || continue
    hub_major=$(hub_java_major "$hub_candidate")
    if [ "$hub_major" -gt "$hub_best_major" ]; then
      hub_best="$hub_candidate"
      hub_best_major="$hub_major"
    fi
  done
  [ -n "$hub_best" ] && printf '%s\n' "$hub_best"
}

# mvnw runs with globbing off (set -f); the search below needs it for a moment.
set +f
if [ "${HUB_SKIP_JDK_SELECTION-}" != true ]; then
  if [ -n "${JAVA_HOME-}" ] && hub_is_new_enough "$JAVA_HOME"; then
    :
  elif hub_path_home=$(hub_home_of_path_java) && [ -z "${JAVA_HOME-}" ] && hub_is_new_enough "$hub_path_home"; then
    :
  elif hub_found=$(hub_find_jdk); then
    [ "${MVNW_VERBOSE-}" = true ] && echo "mvnw: using JDK at $hub_found" >&2
    JAVA_HOME="$hub_found"
    export JAVA_HOME
  fi
fi
set -f
