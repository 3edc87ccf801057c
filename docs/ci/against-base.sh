#!/bin/sh
# against-base.sh BASE_REF [MAVEN_ARGUMENTS...]
# Runs the build's tests against the base build: checks out BASE_REF (the commit before the change, e.g. the pull
# request's base) into a worktree, compiles it there with its tests, and runs ./mvnw with brigade.base.classpath
# naming its class directories, so that every @AgainstBase test measures the change beside the code before it.
# Without MAVEN_ARGUMENTS it runs "-B verify". Copy it into your repository (e.g. as ci/against-base.sh).
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 BASE_REF [MAVEN_ARGUMENTS...], e.g. $0 origin/main -B verify" >&2
    exit 2
fi
base_ref=$1
shift
[ $# -gt 0 ] || set -- -B verify

base=$(mktemp -d "${TMPDIR:-/tmp}/brigade-base.XXXXXX")
trap 'git worktree remove --force "$base" 2>/dev/null || rm -rf "$base"; git worktree prune' EXIT
git worktree add --quiet --detach "$base" "$base_ref"
(cd "$base" && ./mvnw -q -DskipTests test-compile)

# every module's classes and test classes, as the base commit compiled them
base_classpath=$(find "$base" -type d \( -path '*/target/classes' -o -path '*/target/test-classes' \) | sort \
    | paste -sd: -)
echo "brigade.base.classpath: $base_classpath"
./mvnw "$@" -Dbrigade.base.classpath="$base_classpath"
